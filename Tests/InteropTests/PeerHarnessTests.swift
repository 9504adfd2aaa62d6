import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Proves the launcher and every independent peer behave as documented, using raw sockets and
/// Python's ssl module only (never wsprobe's own client).
@Suite("Peer harness")
struct PeerHarnessTests {
    // MARK: Launcher

    @Test("free loopback ports are distinct, below the ephemeral range, and nothing listens on them")
    func freePorts() throws {
        let ports = try (0..<8).map { _ in try LoopbackPort.free() }
        #expect(Set(ports).count == ports.count)
        let range = try String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)
        let ephemeralLow = try #require(range.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) })
        for port in ports {
            // Below the range, no port-0 bind of another server and no outgoing source port can take it.
            #expect((1024..<ephemeralLow).contains(port))
            #expect(!LoopbackPort.isAccepting(port))
        }
    }

    @Test("a peer that exits before listening fails the wait with its status and stderr")
    func exitedPeerReportsOutput() async throws {
        let process = try PeerProcess.launch(
            name: "crasher",
            executable: try PeerFiles.python(),
            arguments: ["-c", "import sys; sys.stderr.write('boom from the peer'); sys.exit(3)"]
        )
        defer { process.stop() }
        let error = await #expect(throws: PeerError.self) {
            try await process.waitUntilListening(ports: [try LoopbackPort.free()])
        }
        guard case .exited(_, let status, let output) = error else {
            Issue.record("expected .exited, got \(String(describing: error))")
            return
        }
        #expect(status == 3)
        #expect(output.contains("boom from the peer"))
        #expect(String(describing: error).contains("install-test-peers.sh"))
    }

    @Test("a peer that never listens times out, and stop() kills it and its child")
    func silentPeerTimesOutAndDies() async throws {
        let directory = try PeerFiles.makeTemporaryDirectory(prefix: "pidfile")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pidFile = (directory as NSString).appendingPathComponent("pid")
        let process = try PeerProcess.launch(
            name: "sleeper",
            executable: try PeerFiles.python(),
            arguments: ["-c", "import os, time; open('\(pidFile)', 'w').write(str(os.getpid())); time.sleep(60)"]
        )
        defer { process.stop() }
        let error = await #expect(throws: PeerError.self) {
            try await process.waitUntilListening(ports: [try LoopbackPort.free()], timeout: .milliseconds(500))
        }
        guard case .notListening = error else {
            Issue.record("expected .notListening, got \(String(describing: error))")
            return
        }
        var pidText = ""
        for _ in 0..<250 where pidText.isEmpty {
            pidText = (try? String(contentsOfFile: pidFile, encoding: .utf8)) ?? ""
            try await Task.sleep(for: .milliseconds(20))
        }
        let childPID = try #require(Int32(pidText))
        #expect(kill(childPID, 0) == 0)
        process.stop()
        #expect(!process.isRunning)
        #expect(kill(childPID, 0) == -1 && errno == ESRCH)
    }

    @Test("the watchdog stops its peer when the launcher's pipe closes")
    func watchdogStopsPeerOnLauncherExit() async throws {
        // stdin reaches end of file at once, as when the test process dies: the watchdog must stop
        // `sleep 60` and exit, well within the command's 10 s bound.
        let result = try await PeerCommand.run(
            try PeerFiles.python(),
            [try PeerFiles.script("watchdog.py"), try PeerFiles.executable("sleep"), "60"]
        )
        #expect(result.status == 128 + SIGTERM)
    }

    @Test("a missing executable names the install script")
    func missingExecutable() {
        #expect {
            try PeerFiles.executable("wsprobe-no-such-peer-binary")
        } throws: { error in
            String(describing: error).contains("scripts/install-test-peers.sh")
        }
    }
}
