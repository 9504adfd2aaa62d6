import Foundation
import TestSupport
import Testing

/// Secrets planted in every place a user can put one, and the scan of every byte a command wrote for them.
///
/// Each secret is unique, so a leak names the place it was planted in.
struct PlantedSecrets {
    /// Where each secret is planted → the secret.
    static let all: [String: String] = [
        "url token": "urlquerytoken0a1b", "url sig": "urlsignature2c3d", "url password": "urlpassword4e5f",
        "-H Authorization": "authheader6a7b", "-H Cookie": "cookieheader8c9d", "-H X-Api-Key": "apikeyheader0e1f",
        "-H Proxy-Authorization": "proxyauthheader2a3b", "-H X-Session-Id": "sessionheader4c5d",
        "-H X-Request-Signature": "signatureheader6e7f", "--set header": "setheadervalue8a9b",
        "scenario url": "scenariourltoken0c1d", "scenario header": "scenarioheader2e3f",
        "scenario cookie": "scenariocookie4a5b", "scenario query": "scenarioquery6c7d",
        "route header": "routeheader8e9f", "route cookie": "routecookie0a2b", "route query": "routequery4c6d",
        "TLS key contents": "tlskeycontents8d9e",
    ]

    /// The `-H` flags of a command that opens connections.
    static var headerArguments: [String] {
        [
            "-H", "Authorization: Bearer \(all["-H Authorization"] ?? "")",
            "-H", "Cookie: theme=dark; sid=\(all["-H Cookie"] ?? "")",
            "-H", "X-Api-Key: \(all["-H X-Api-Key"] ?? "")",
            "-H", "Proxy-Authorization: Basic \(all["-H Proxy-Authorization"] ?? "")",
            "-H", "X-Session-Id: \(all["-H X-Session-Id"] ?? "")",
            "-H", "X-Request-Signature: \(all["-H X-Request-Signature"] ?? "")",
        ]
    }

    /// A URL of `target` with a token and a signature in its query.
    static func url(_ target: String) -> String {
        "\(target)ws?room=lobby&token=\(all["url token"] ?? "")&sig=\(all["url sig"] ?? "")"
    }

    /// A scenario against `target` with secrets in its URL, headers, cookies, query and routing-matrix row.
    static func scenario(target: String, extra: String = "") -> String {
        """
        name: planted-secrets
        target:
          url: \(target)ws?room=lobby&access_token=\(all["scenario url"] ?? "")
          headers: {Authorization: "Bearer \(all["scenario header"] ?? "")", X-Trace: visible}
          cookies: {session: \(all["scenario cookie"] ?? "")}
          query: {token: \(all["scenario query"] ?? "")}
        identity: {header: X-Wsprobe-Target}
        load:
          connections: 1
        \(extra)
        routes:
          - name: row with secrets
            request:
              headers: {X-Auth-Token: \(all["route header"] ?? "")}
              cookies: {sid: \(all["route cookie"] ?? "")}
              query: {sig: \(all["route query"] ?? "")}
            expect: {target: planted}
        """
    }

    /// The `--set` flag that adds a secret header to a scenario.
    static var setArguments: [String] {
        ["--set", "target.headers.X-Auth-Token=\(all["--set header"] ?? "")"]
    }

    /// Every planted secret found in a command's standard output, standard error, and every file under the
    /// given folders and paths, as `place in what` lines.
    static func leaks(in run: WSProbeBinary.Run, files: [URL] = []) -> [String] {
        var texts = [("stdout", run.standardOutput), ("stderr", run.standardError)]
        for url in files { texts += Self.fileTexts(under: url) }
        var found: [String] = []
        for (name, text) in texts {
            for (place, secret) in Self.all where text.contains(secret) { found.append("\(place) in \(name)") }
        }
        return found.sorted()
    }

    /// `(path, text)` of the file at `url`, or of every file under it.
    static func fileTexts(under url: URL) -> [(String, String)] {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: url.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else {
            return [(url.lastPathComponent, (try? String(contentsOf: url, encoding: .utf8)) ?? "")]
        }
        let paths = manager.enumerator(atPath: url.path)?.compactMap { $0 as? String } ?? []
        return paths.flatMap { Self.fileTexts(under: url.appendingPathComponent($0)) }
    }

    /// A fresh temporary folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wsprobe-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `body` with `wsprobe serve --id planted` on a loopback port; `body` gets `ws://127.0.0.1:PORT/`.
    static func withServeTarget(_ body: (String) async throws -> Void) async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = try LoopbackPort.free()
        let log = folder.appendingPathComponent("serve.log")
        let process = try ChildProcess.launch(
            WSProbeBinary.path,
            ["serve", "--port", String(port), "--id", "planted", "--idle-close", "2s"],
            output: .file(log.path)
        )
        var output = ""
        for _ in 0..<100 {
            output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if output.contains("listening on") { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        guard output.contains("listening on") else {
            await process.stop()
            throw PeerError.notListening(peer: "wsprobe serve", port: port, seconds: 5, output: output)
        }
        do {
            try await body("ws://127.0.0.1:\(port)/")
        } catch {
            await process.stop()
            throw error
        }
        await process.stop()
    }
}
