import Foundation
import TestSupport
import Testing

/// `wsprobe check` end to end through the built binary: console text, `--json`, exit statuses.
@Suite("wsprobe check through the built binary", .serialized)
struct CheckCommandTests {
    @Test("with no URL it checks its built-in echo target and passes every phase")
    func embeddedTargetPasses() async throws {
        let run = try await WSProbeBinary.run(["check", "--ping"])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let output = run.standardOutput
        #expect(output.contains(": PASS"))
        for phase in ["dns", "tcp", "tls", "upgrade", "echo", "ping", "close"] {
            #expect(output.contains("    \(phase) "), "phase \(phase) missing in:\n\(output)")
        }
        #expect(output.contains("3/3 × 16 B text"))
        #expect(output.contains("1000 normal closure, initiated by wsprobe, clean"))
        #expect(output.contains("< HTTP/1.1 101 Switching Protocols"))
        #expect(output.contains("< X-Wsprobe-Target: embedded"))
    }

    @Test("--tls with no URL serves the built-in target over TLS 1.3 and verifies it with a CA made for this check")
    func embeddedTLS() async throws {
        let run = try await WSProbeBinary.run(["check", "--tls"])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let output = run.standardOutput
        #expect(output.contains("wsprobe check wss://127.0.0.1:"))
        #expect(output.contains("TLSv1.3"))
        #expect(output.contains("SNI localhost"))
        #expect(output.contains("[0] CN=localhost,O=wsprobe"))
        #expect(output.contains("issuer CN=wsprobe ephemeral CA,O=wsprobe"))
        #expect(!output.contains("insecure"), "verification stays on")
        let withURL = try await WSProbeBinary.run(["check", "ws://127.0.0.1:9/", "--tls"])
        #expect(withURL.status == 2)
        #expect(withURL.standardError.contains("give it as wss://"))
    }

    @Test("--json prints the check's result: the report.json document of kind check")
    func jsonShape() async throws {
        let run = try await WSProbeBinary.run(["check", "--json", "--count", "5", "--size", "1KiB", "--binary"])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        )
        #expect(object["schemaVersion"] as? Int == 2)
        #expect(object["kind"] as? String == "check")
        #expect(object["verdict"] as? String == "passed")
        let details = try #require(object["checkDetails"] as? [String: Any])
        #expect((details["echoRoundTripsMilliseconds"] as? [Double])?.count == 5)
        let phases = try #require(details["phases"] as? [[String: Any]])
        #expect(phases.compactMap { $0["phase"] as? String } == ["dns", "tcp", "tls", "upgrade", "echo", "close"])
        #expect(phases.allSatisfy { $0["passed"] as? Bool == true })
        #expect(phases.first { $0["phase"] as? String == "tls" }?["detail"] as? String == "not used (ws://)")
        let close = try #require(details["close"] as? [String: Any])
        #expect(close["code"] as? Int == 1000)
        #expect(close["clean"] as? Bool == true)
        let upgrade = try #require(object["upgrade"] as? [String: Any])
        let response = try #require(upgrade["response"] as? [String: Any])
        #expect(response["startLine"] as? String == "HTTP/1.1 101 Switching Protocols")
    }

    @Test("--json prints byte for byte the report.json that --out writes, and `report` re-renders the check's text")
    func jsonEqualsReport() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsprobe-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try await WSProbeBinary.run([
            "check", "--json", "--ping", "--out", folder.appendingPathComponent("json").path,
        ])
        #expect(json.status == 0, "\(json.standardOutput)\(json.standardError)")
        let written = try String(contentsOf: folder.appendingPathComponent("json/report.json"), encoding: .utf8)
        #expect(json.standardOutput == written)

        let text = try await WSProbeBinary.run(["check", "--ping", "--out", folder.appendingPathComponent("text").path])
        #expect(text.status == 0, "\(text.standardOutput)\(text.standardError)")
        #expect(text.standardOutput.contains("    ping "))
        let report = try await WSProbeBinary.run(["report", folder.appendingPathComponent("text/report.json").path])
        #expect(report.status == 0, "\(report.standardOutput)\(report.standardError)")
        #expect(report.standardOutput == text.standardOutput, "the same text from the same result")
    }

    @Test("a refused port fails in the tcp phase with exit status 1")
    func refusedPort() async throws {
        let port = try LoopbackPort.free()
        let run = try await WSProbeBinary.run(["check", "ws://127.0.0.1:\(port)/"])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("FAIL in tcp [tcp.refused]"))
        #expect(run.standardOutput.contains("was refused"))
    }

    @Test(
        "invalid input is refused with exit status 2 and a stable code",
        arguments: [
            (["check", "http//nope"], "usage.url"),
            (["check", "ws://127.0.0.1:1/", "-H", "no-colon"], "usage.header"),
            (["check", "ws://127.0.0.1:1/", "--deflate=client_max_window_bits=8"], "usage.deflate"),
            (["check", "ws://127.0.0.1:1/", "--resolve", "a.example:80"], "usage.resolve"),
            (["check", "ws://127.0.0.1:1/", "--insecure"], "usage.tls"),
            (["check", "--size", "12 parsecs"], "usage.size"),
        ]
    )
    func invalidInput(arguments: [String], code: String) async throws {
        let run = try await WSProbeBinary.run(arguments)
        #expect(run.status == 2, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardError.contains("error[\(code)]"), "stderr: \(run.standardError)")
    }

    @Test("a Python websockets server with permessage-deflate passes and the extension is reported")
    func pythonDeflate() async throws {
        let server = try await PythonWebSocketServer.start(id: "py", deflate: true)
        defer { server.stop() }
        let run = try await WSProbeBinary.run(["check", server.url, "--deflate", "--json"])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        )
        let upgrade = try #require(object["upgrade"] as? [String: Any])
        let extensions = try #require(upgrade["extensions"] as? [[String: Any]])
        #expect(extensions.first?["name"] as? String == "permessage-deflate")
        // 4 × 4 KiB of patterned text: far fewer bytes on the wire both ways, and the echo line says so.
        let text = try await WSProbeBinary.run(["check", server.url, "--deflate", "--count", "4", "--size", "4KiB"])
        #expect(text.status == 0, "\(text.standardOutput)\(text.standardError)")
        let echo = try #require(text.standardOutput.split(separator: "\n").first { $0.contains("    echo ") })
        #expect(echo.contains("4/4 × 4096 B text"))
        let numbers = try #require(echo.firstMatch(of: /with deflate (\d+) B out and (\d+) B in on the wire/))
        #expect(try #require(Int(numbers.1)) < 4 * 4096 / 4)
        #expect(try #require(Int(numbers.2)) < 4 * 4096 / 4)
    }

    @Test("a 200 health page in place of the upgrade is diagnosed in the upgrade phase")
    func healthPage() async throws {
        let server = try await HostileServer.start()
        defer { server.stop() }
        let run = try await WSProbeBinary.run(["check", server.url(.health)])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("FAIL in upgrade [handshake.status.not-upgraded]"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("< HTTP/1.1 200"))
    }

    @Test("a close right after the upgrade names the code and the moment")
    func closeAfterUpgrade() async throws {
        let server = try await HostileServer.start()
        defer { server.stop() }
        let run = try await WSProbeBinary.run(["check", server.url(.closeAfterUpgrade)])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("FAIL in open [closed.open]"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("closed with 1001"))
        #expect(run.standardOutput.contains("after the upgrade, before echo 1 of 3"))
    }

    @Test("TLS: the test CA passes with the chain shown; without it the certificate is untrusted; -k says so")
    func tlsVerification() async throws {
        let certificates = try CertificateFactory.shared()
        let server = try await PythonWebSocketServer.start(id: "tls", tls: try PeerTLS.testServer())
        defer { server.stop() }
        let url = "wss://localhost:\(server.port)/"

        let trusted = try await WSProbeBinary.run(["check", url, "--cacert", certificates.caCertificate])
        #expect(trusted.status == 0, "\(trusted.standardOutput)\(trusted.standardError)")
        #expect(trusted.standardOutput.contains("    tls "))
        #expect(trusted.standardOutput.contains("ALPN http/1.1"))
        #expect(trusted.standardOutput.contains("days left"))

        let untrusted = try await WSProbeBinary.run(["check", url])
        #expect(untrusted.status == 1)
        #expect(untrusted.standardOutput.contains("FAIL in tls [tls.untrusted]"), "\(untrusted.standardOutput)")

        let insecure = try await WSProbeBinary.run(["check", url, "-k"])
        #expect(insecure.status == 0, "\(insecure.standardOutput)")
        #expect(insecure.standardOutput.contains("certificate verification OFF"))
        #expect(insecure.standardOutput.contains("NOT VERIFIED"))
    }

    @Test("through HAProxy with TLS termination every phase is timed and the backend's identity is shown")
    func throughHAProxy() async throws {
        let certificates = try CertificateFactory.shared()
        let bed = try await ALBTestBed.start(.haproxy)
        defer { bed.stop() }
        let url = try #require(bed.proxy.url("/ws", tls: true))
        let run = try await WSProbeBinary.run(["check", url, "--cacert", certificates.caCertificate, "--ping"])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        for phase in ["tcp", "tls", "upgrade", "echo", "ping", "close"] {
            #expect(run.standardOutput.contains("    \(phase) "), "phase \(phase) missing")
        }
        #expect(run.standardOutput.lowercased().contains("< x-wsprobe-target: a"))

        let dead = try await WSProbeBinary.run([
            "check", try #require(bed.proxy.url("/dead", tls: true)), "--cacert", certificates.caCertificate,
        ])
        #expect(dead.status == 1)
        #expect(dead.standardOutput.contains("[handshake.status.gateway-error]"), "\(dead.standardOutput)")
    }

    @Test("--out writes report.json, report.html and junit.xml; a failed phase is a JUnit failure")
    func reportFiles() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsprobe-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let passed = try await WSProbeBinary.run(["check", "--out", folder.path, "--brief"])
        #expect(passed.status == 0, "\(passed.standardOutput)\(passed.standardError)")
        for name in ["report.json", "report.html", "junit.xml"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name) missing")
        }
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("report.json")))
                as? [String: Any]
        )
        #expect(report["kind"] as? String == "check")
        #expect(report["verdict"] as? String == "passed")
        #expect((report["checks"] as? [Any])?.count == 6)

        let port = try LoopbackPort.free()
        let junit = folder.appendingPathComponent("failed.xml")
        let failed = try await WSProbeBinary.run(["check", "ws://127.0.0.1:\(port)/", "--junit", junit.path])
        #expect(failed.status == 1)
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.contains("failures=\"1\""))
        #expect(xml.contains("tcp.refused"))
    }
}
