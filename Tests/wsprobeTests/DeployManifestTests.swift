import Foundation
import TestSupport
import Testing

/// The Dockerfile and the Kubernetes manifests in `deploy/kubernetes`: their structure (parsed with
/// PyYAML, as kubectl would read them) and the behaviour of the shell wrappers the Jobs run.
@Suite("Deployment files: Dockerfile and Kubernetes manifests")
struct DeployManifestTests {
    /// The repository root, three levels above this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let kubernetes = root.appendingPathComponent("deploy/kubernetes")

    // MARK: Kubernetes

    @Test("every YAML file under deploy/kubernetes parses, and every manifest names an apiVersion and kind")
    func everyFileParses() throws {
        let files = try Manifests.yamlFiles()
        #expect(files.count >= 9, "found only \(files.map(\.lastPathComponent))")
        // scenario.yaml is the wsprobe scenario the ConfigMap is generated from, not a manifest.
        for file in files where file.lastPathComponent != "scenario.yaml" {
            let documents = try Manifests.documents(file)
            #expect(!documents.isEmpty, "\(file.path) holds no document")
            for document in documents {
                #expect(document["apiVersion"] is String, "\(file.path): no apiVersion")
                #expect(document["kind"] is String, "\(file.path): no kind")
            }
        }
    }

    @Test("the shard Job is Indexed, all shards run at once, and SHARDS equals completions")
    func shardJobIsIndexed() throws {
        let job = try Manifests.object("shard-job.yaml")
        let spec = try #require(job["spec"] as? [String: Any])
        #expect(job["kind"] as? String == "Job")
        #expect(spec["completionMode"] as? String == "Indexed")
        let completions = try #require(spec["completions"] as? Int)
        #expect(completions >= 2)
        #expect(spec["parallelism"] as? Int == completions)
        let container = try Manifests.container(job)
        #expect(Manifests.environment(container)["SHARDS"] == String(completions))
        #expect(Manifests.podSpec(job)?["restartPolicy"] as? String == "Never")
    }

    @Test("the Job fails at once only on wsprobe's usage status (2), the one exit every shard shares")
    func failJobOnUsageErrors() async throws {
        let job = try Manifests.object("shard-job.yaml")
        let spec = try #require(job["spec"] as? [String: Any])
        let policy = try #require(spec["podFailurePolicy"] as? [String: Any])
        let rules = try #require(policy["rules"] as? [[String: Any]])
        let failJob = try #require(rules.first { $0["action"] as? String == "FailJob" })
        let exitCodes = try #require(failJob["onExitCodes"] as? [String: Any])
        #expect(exitCodes["values"] as? [Int] == [2])
        let usage = try await WSProbeBinary.run(["run", "--no-such-flag"])
        #expect(usage.status == 2, "\(usage.standardError)")
    }

    @Test("each shard runs its JOB_COMPLETION_INDEX share with --shard and writes /reports/shard-<index>")
    func shardCommand() throws {
        let script = try Manifests.script(Manifests.object("shard-job.yaml"))
        #expect(script.contains("JOB_COMPLETION_INDEX"))
        #expect(script.contains("--shard \"${JOB_COMPLETION_INDEX}/${SHARDS}\""))
        #expect(script.contains("run /scenarios/scenario.yaml"))
        #expect(script.contains("out=\"/reports/shard-${JOB_COMPLETION_INDEX}\""))
        #expect(script.contains("--quiet"))
        // Kubernetes expands $(NAME) in commands itself; the shell script must not depend on that.
        #expect(!script.contains("$("))
    }

    @Test("the merge Job runs wsprobe merge over every shard result with -o into /reports/merged")
    func mergeCommand() throws {
        let job = try Manifests.object("merge/merge-job.yaml")
        #expect(job["kind"] as? String == "Job")
        let script = try Manifests.script(job)
        #expect(script.contains("wsprobe merge \"$@\" -o /reports/merged/report.json --html --junit"))
        #expect(script.contains("/reports/shard-*/report.json"))
        let shards = try Manifests.object("shard-job.yaml")
        let completions = try #require((shards["spec"] as? [String: Any])?["completions"] as? Int)
        #expect(Manifests.environment(try Manifests.container(job))["SHARDS"] == String(completions))
    }

    @Test("shards, merge and fetch pods mount the same ReadWriteMany claim at /reports")
    func sharedClaim() throws {
        let claim = try Manifests.object("reports-pvc.yaml")
        #expect(claim["kind"] as? String == "PersistentVolumeClaim")
        let name = try #require((claim["metadata"] as? [String: Any])?["name"] as? String)
        let modes = (claim["spec"] as? [String: Any])?["accessModes"] as? [String]
        #expect(modes == ["ReadWriteMany"])
        for file in ["shard-job.yaml", "merge/merge-job.yaml", "fetch/reports-pod.yaml"] {
            let object = try Manifests.object(file)
            let pod = try #require(Manifests.podSpec(object), "\(file): no pod spec")
            let volumes = pod["volumes"] as? [[String: Any]] ?? []
            let claimed = volumes.filter {
                ($0["persistentVolumeClaim"] as? [String: Any])?["claimName"] as? String == name
            }
            let volume = try #require(claimed.first?["name"] as? String, "\(file) does not use claim \(name)")
            let mounts = try Manifests.container(object)["volumeMounts"] as? [[String: Any]] ?? []
            let mount = mounts.first { $0["name"] as? String == volume }
            #expect(mount?["mountPath"] as? String == "/reports", "\(file)")
        }
    }

    @Test("the scenario ConfigMap is generated and mounted where the shards read it")
    func scenarioConfigMap() throws {
        let kustomization = try Manifests.object("kustomization.yaml")
        let generators = try #require(kustomization["configMapGenerator"] as? [[String: Any]])
        let generator = try #require(generators.first)
        #expect(generator["files"] as? [String] == ["scenario.yaml=scenario.yaml"])
        let job = try Manifests.object("shard-job.yaml")
        let volumes = Manifests.podSpec(job)?["volumes"] as? [[String: Any]] ?? []
        let volume = try #require(
            volumes.first { ($0["configMap"] as? [String: Any])?["name"] as? String == generator["name"] as? String }
        )
        let mounts = try Manifests.container(job)["volumeMounts"] as? [[String: Any]] ?? []
        let mount = mounts.first { $0["name"] as? String == volume["name"] as? String }
        #expect(mount?["mountPath"] as? String == "/scenarios")
    }

    @Test("the mounted scenario is a byte-identical copy of scenarios/echo-load.yaml")
    func scenarioCopy() throws {
        let copy = try Data(contentsOf: Self.kubernetes.appendingPathComponent("scenario.yaml"))
        let original = try Data(contentsOf: Self.root.appendingPathComponent("scenarios/echo-load.yaml"))
        #expect(copy == original, "deploy/kubernetes/scenario.yaml drifted from scenarios/echo-load.yaml")
    }

    @Test("every kustomization lists every manifest in its folder, and every entry exists")
    func kustomizationsAreComplete() throws {
        let folders = ["", "merge", "fetch"]
        for folder in folders {
            let directory = folder.isEmpty ? Self.kubernetes : Self.kubernetes.appendingPathComponent(folder)
            let kustomization = try Manifests.object(
                folder.isEmpty ? "kustomization.yaml" : "\(folder)/kustomization.yaml"
            )
            let resources = Set(kustomization["resources"] as? [String] ?? [])
            let generated = Set(
                (kustomization["configMapGenerator"] as? [[String: Any]] ?? [])
                    .flatMap { (generator: [String: Any]) -> [String] in generator["files"] as? [String] ?? [] }
                    .compactMap { $0.split(separator: "=").last.map(String.init) }
            )
            let present = try Set(
                FileManager.default.contentsOfDirectory(atPath: directory.path)
                    .filter { $0.hasSuffix(".yaml") && $0 != "kustomization.yaml" }
            )
            #expect(resources.union(generated) == present, "folder deploy/kubernetes/\(folder)")
            #expect(kustomization["namespace"] as? String == "wsprobe", "folder deploy/kubernetes/\(folder)")
        }
    }

    @Test("pods run as the Dockerfile's non-root user, spread shards over nodes and size each shard")
    func podHygiene() throws {
        let job = try Manifests.object("shard-job.yaml")
        let pod = try #require(Manifests.podSpec(job))
        let security = try #require(pod["securityContext"] as? [String: Any])
        #expect(security["runAsNonRoot"] as? Bool == true)
        #expect(security["runAsUser"] as? Int == 10001)
        #expect(try Dockerfile.load().user == "10001:10001")
        let terms =
            ((pod["affinity"] as? [String: Any])?["podAntiAffinity"] as? [String: Any])?[
                "preferredDuringSchedulingIgnoredDuringExecution"
            ] as? [[String: Any]] ?? []
        let term = terms.first?["podAffinityTerm"] as? [String: Any]
        #expect(term?["topologyKey"] as? String == "kubernetes.io/hostname")
        let resources = try Manifests.container(job)["resources"] as? [String: Any]
        #expect((resources?["requests"] as? [String: Any])?["cpu"] != nil)
        #expect((resources?["limits"] as? [String: Any])?["memory"] != nil)
    }

    // MARK: The Jobs' shell wrappers, run with a stand-in wsprobe

    @Test(
        "the shard wrapper passes the shard and target to wsprobe and keeps its exit status",
        arguments: [
            (status: 0, writesReport: true, expected: 0),
            (status: 1, writesReport: true, expected: 0),  // this share failed: the merge decides
            (status: 1, writesReport: false, expected: 1),  // no report to merge: a real failure
            (status: 4, writesReport: true, expected: 0),  // this share measured nothing: the merge says error
            (status: 4, writesReport: false, expected: 4),
            (status: 2, writesReport: false, expected: 2),
            (status: 3, writesReport: false, expected: 3),
        ]
    )
    func shardWrapperStatus(status: Int, writesReport: Bool, expected: Int) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let script = try sandbox.rewrite(Manifests.script(Manifests.object("shard-job.yaml")))
        let run = try sandbox.run(
            script,
            environment: [
                "JOB_COMPLETION_INDEX": "2", "SHARDS": "4", "TARGET_URL": "ws://127.0.0.1:9/",
                "FAKE_STATUS": String(status), "FAKE_WRITE": writesReport ? "1" : "",
            ]
        )
        #expect(run.status == Int32(expected), "\(run.error)")
        let shardFolder = sandbox.reports.appendingPathComponent("shard-2").path
        #expect(
            try sandbox.arguments() == [
                "run", "/scenarios/scenario.yaml", "--shard", "2/4", "--out", shardFolder, "--quiet",
                "--set", "target.url=ws://127.0.0.1:9/",
            ]
        )
    }

    @Test("the shard wrapper forwards SIGTERM, so an evicted shard still writes its report (exit 130)")
    func shardWrapperForwardsTermination() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let script = try sandbox.rewrite(Manifests.script(Manifests.object("shard-job.yaml")))
        let run = try sandbox.run(
            script,
            environment: ["JOB_COMPLETION_INDEX": "0", "SHARDS": "2", "FAKE_SLEEP": "20"],
            terminateWhenStarted: true
        )
        #expect(run.status == 130, "\(run.error)")
        let report = sandbox.reports.appendingPathComponent("shard-0/report.json").path
        #expect(FileManager.default.fileExists(atPath: report))
    }

    @Test("the merge wrapper refuses a missing or incomplete set of shard results", arguments: [0, 1, 3])
    func mergeWrapperCountsShards(present: Int) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.makeShardReports(present)
        let script = try sandbox.rewrite(Manifests.script(Manifests.object("merge/merge-job.yaml")))
        let run = try sandbox.run(script, environment: ["SHARDS": "2"])
        #expect(run.status == 2)
        #expect(run.error.contains("wsprobe-merge:"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.argumentsFile.path), "wsprobe ran anyway")
    }

    @Test("the merge wrapper merges exactly the N shard results with -o, --html and --junit")
    func mergeWrapperMerges() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.makeShardReports(3)
        let script = try sandbox.rewrite(Manifests.script(Manifests.object("merge/merge-job.yaml")))
        let run = try sandbox.run(script, environment: ["SHARDS": "3", "FAKE_STATUS": "1"])
        #expect(run.status == 1, "the merged verdict's status is the Job's: \(run.error)")
        let reports = sandbox.reports.path
        #expect(
            try sandbox.arguments() == [
                "merge", "\(reports)/shard-0/report.json", "\(reports)/shard-1/report.json",
                "\(reports)/shard-2/report.json", "-o", "\(reports)/merged/report.json", "--html", "--junit",
                "--console",
            ]
        )
    }

    // MARK: Docker

    @Test("the Dockerfile builds on the Swift image and runs on Ubuntu with libssl and zlib in both stages")
    func dockerfileStages() throws {
        let dockerfile = try Dockerfile.load()
        #expect(dockerfile.stages.count == 2)
        let build = try #require(dockerfile.stages.first)
        let runtime = try #require(dockerfile.stages.last)
        #expect(build.base.hasPrefix("${SWIFT_IMAGE}") || build.base.hasPrefix("swift:"))
        #expect(dockerfile.arguments["SWIFT_IMAGE"]?.hasPrefix("swift:6.3") == true)
        #expect(build.installs.contains("libssl-dev"))
        #expect(build.installs.contains("zlib1g-dev"))
        #expect(build.runs.contains { $0.contains("swift build -c release --static-swift-stdlib") })
        #expect(runtime.installs.contains { $0.hasPrefix("libssl3") })
        #expect(runtime.installs.contains("zlib1g"))
        #expect(runtime.installs.contains("ca-certificates"))
        #expect(runtime.instructions.contains { $0.hasPrefix("COPY --from=build ") })
        #expect(runtime.instructions.contains { $0.hasPrefix("COPY scenarios ") })
    }

    @Test("the image runs wsprobe as a non-root user with a /reports volume")
    func dockerfileRuntime() throws {
        let dockerfile = try Dockerfile.load()
        let user = try #require(dockerfile.user)
        let name = user.split(separator: ":").first.map(String.init) ?? user
        #expect(!["", "root", "0"].contains(name))
        #expect(dockerfile.last("ENTRYPOINT") == #"["wsprobe"]"#)
        #expect(dockerfile.last("VOLUME")?.contains("/reports") == true)
    }

    @Test(".dockerignore keeps build output and reports out of the build context")
    func dockerignore() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent(".dockerignore"), encoding: .utf8)
        let lines = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(lines.contains(".build*"))
        #expect(lines.contains("reports/*"))
    }
}

/// Reads the manifests through PyYAML (YAML 1.1, as Kubernetes' parser), converted to JSON.
private enum Manifests {
    static func yamlFiles() throws -> [URL] {
        let enumerator = FileManager.default.enumerator(
            at: DeployManifestTests.kubernetes,
            includingPropertiesForKeys: nil
        )
        let files = (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "yaml" }
        return files.sorted { $0.path < $1.path }
    }

    static func documents(_ file: URL) throws -> [[String: Any]] {
        let program = """
            import json, sys, yaml
            with open(sys.argv[1]) as f:
                print(json.dumps([d for d in yaml.safe_load_all(f) if d is not None]))
            """
        let result = try Command.run("/usr/bin/env", ["python3", "-c", program, file.path])
        guard result.status == 0 else {
            if result.error.contains("No module named 'yaml'") {
                throw DeployTestError(
                    "PyYAML is missing: python3 -m pip install pyyaml (or apt-get install python3-yaml)"
                )
            }
            throw DeployTestError("PyYAML could not read \(file.path): \(result.error)")
        }
        guard let list = try JSONSerialization.jsonObject(with: result.output) as? [[String: Any]] else {
            throw DeployTestError("\(file.path) does not hold mappings")
        }
        return list
    }

    /// The one document of `relativePath` (below deploy/kubernetes).
    static func object(_ relativePath: String) throws -> [String: Any] {
        let documents = try Self.documents(DeployManifestTests.kubernetes.appendingPathComponent(relativePath))
        guard documents.count == 1, let first = documents.first else {
            throw DeployTestError("\(relativePath) should hold one document, not \(documents.count)")
        }
        return first
    }

    /// The pod spec of a Pod or of a Job's template.
    static func podSpec(_ object: [String: Any]) -> [String: Any]? {
        let spec = object["spec"] as? [String: Any]
        if object["kind"] as? String == "Pod" { return spec }
        return (spec?["template"] as? [String: Any])?["spec"] as? [String: Any]
    }

    /// The container named `wsprobe` (or the only one).
    static func container(_ object: [String: Any]) throws -> [String: Any] {
        let containers = Self.podSpec(object)?["containers"] as? [[String: Any]] ?? []
        guard let container = containers.first(where: { $0["name"] as? String == "wsprobe" }) ?? containers.first
        else { throw DeployTestError("no container") }
        return container
    }

    static func environment(_ container: [String: Any]) -> [String: String] {
        var values: [String: String] = [:]
        for entry in container["env"] as? [[String: Any]] ?? [] {
            if let name = entry["name"] as? String, let value = entry["value"] as? String { values[name] = value }
        }
        return values
    }

    /// The script of a `command: [/bin/sh, -c, SCRIPT]` container.
    static func script(_ object: [String: Any]) throws -> String {
        let command = try Self.container(object)["command"] as? [String] ?? []
        guard command.count >= 3, command[0] == "/bin/sh", command[1] == "-c" else {
            throw DeployTestError("the container's command is not /bin/sh -c SCRIPT: \(command)")
        }
        return command[2]
    }
}

/// A temporary folder standing in for /reports, with a fake `wsprobe` first on PATH that records its
/// arguments, optionally writes `--out`/report.json, sleeps, and exits with `FAKE_STATUS` (130 on SIGTERM,
/// after writing the report, as the real one does).
private struct Sandbox {
    let folder: URL
    var reports: URL { folder.appendingPathComponent("reports") }
    var argumentsFile: URL { folder.appendingPathComponent("arguments") }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wsprobe-deploy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("bin"),
            withIntermediateDirectories: true
        )
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let fake = """
            #!/bin/sh
            printf '%s\\n' "$@" > "$FAKE_ARGS"
            out=""; previous=""
            for argument in "$@"; do [ "$previous" = "--out" ] && out="$argument"; previous="$argument"; done
            sleeper=""
            trap 'kill $sleeper 2>/dev/null; echo "{}" > "$out/report.json"; exit 130' TERM
            if [ -n "${FAKE_WRITE:-}" ]; then echo "{}" > "$out/report.json"; fi
            if [ -n "${FAKE_SLEEP:-}" ]; then sleep "$FAKE_SLEEP" >/dev/null 2>&1 & sleeper=$!; wait $sleeper; fi
            exit "${FAKE_STATUS:-0}"

            """
        let path = folder.appendingPathComponent("bin/wsprobe").path
        try fake.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The script with `/reports` pointing into the sandbox.
    func rewrite(_ script: String) -> String {
        script.replacingOccurrences(of: "/reports", with: reports.path)
    }

    func makeShardReports(_ count: Int) throws {
        for index in 0..<count {
            let shard = reports.appendingPathComponent("shard-\(index)")
            try FileManager.default.createDirectory(at: shard, withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: shard.appendingPathComponent("report.json"))
        }
    }

    func arguments() throws -> [String] {
        let text = try String(contentsOf: argumentsFile, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Runs `script` with /bin/sh; with `terminateWhenStarted`, sends SIGTERM to the shell once the fake
    /// wsprobe has recorded its arguments.
    func run(
        _ script: String,
        environment: [String: String],
        terminateWhenStarted: Bool = false
    ) throws -> Command.Result {
        var variables = ProcessInfo.processInfo.environment
        variables["PATH"] = folder.appendingPathComponent("bin").path + ":" + (variables["PATH"] ?? "/usr/bin:/bin")
        variables["FAKE_ARGS"] = argumentsFile.path
        for (name, value) in environment { variables[name] = value }
        return try Command.run(
            "/bin/sh",
            ["-c", script, "wrapper"],
            environment: variables,
            terminate: terminateWhenStarted
                ? { FileManager.default.fileExists(atPath: argumentsFile.path) } : nil
        )
    }
}

/// Runs a process to its end and collects what it printed.
private enum Command {
    struct Result {
        var status: Int32
        var output: Data
        var error: String
    }

    /// - Parameter terminate: polled every 20 ms while the process runs; once it returns true the
    ///   process gets SIGTERM (at most once).
    static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String]? = nil,
        terminate: (() -> Bool)? = nil
    ) throws -> Result {
        // Files, not pipes: a pipe's write end can leak into grandchildren (the stand-in's `sleep`), and
        // reading it to its end would then wait for them.
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("wsprobe-deploy-\(UUID())")
        let outputFile = base.appendingPathExtension("out")
        let errorFile = base.appendingPathExtension("err")
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        let process = try ChildProcess.launch(
            executable,
            arguments,
            environment: environment,
            output: .file(outputFile.path),
            error: .file(errorFile.path)
        )
        if let terminate {
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline, !terminate() { Thread.sleep(forTimeInterval: 0.02) }
            Thread.sleep(forTimeInterval: 0.1)  // let the stand-in install its trap
            process.send(SIGTERM)
        }
        guard let status = process.waitBlocking(timeout: .seconds(60)) else {
            process.stopBlocking(grace: .zero)
            throw DeployTestError("\(executable) did not end within 60 s")
        }
        let output = try Data(contentsOf: outputFile)
        let error = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return Result(status: status, output: output, error: error)
    }
}

/// The instructions of the repository's Dockerfile, by stage.
private struct Dockerfile {
    struct Stage {
        var base: String
        var instructions: [String] = []
        var runs: [String] { instructions.filter { $0.hasPrefix("RUN ") } }
        /// Package names after `apt-get install` in RUN instructions (options skipped).
        var installs: Set<String> {
            var names: Set<String> = []
            for run in runs {
                for command in run.components(separatedBy: "&&") {
                    let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                    guard let install = words.firstIndex(of: "install"), words.prefix(install).contains("apt-get")
                    else { continue }
                    names.formUnion(words[(install + 1)...].filter { !$0.hasPrefix("-") })
                }
            }
            return names
        }
    }

    var arguments: [String: String] = [:]
    var stages: [Stage] = []

    /// The last `USER` of the final stage.
    var user: String? { last("USER") }

    /// The argument of the last `KEYWORD` instruction of the final stage.
    func last(_ keyword: String) -> String? {
        stages.last?.instructions.last { $0.hasPrefix(keyword + " ") }
            .map { String($0.dropFirst(keyword.count + 1)).trimmingCharacters(in: .whitespaces) }
    }

    static func load() throws -> Dockerfile {
        let text = try String(
            contentsOf: DeployManifestTests.root.appendingPathComponent("Dockerfile"),
            encoding: .utf8
        )
        var instructions: [String] = []
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") || (trimmed.isEmpty && current.isEmpty) { continue }
            if trimmed.hasSuffix("\\") {
                current += trimmed.dropLast() + " "
                continue
            }
            current += trimmed
            if !current.isEmpty { instructions.append(current) }
            current = ""
        }
        var dockerfile = Dockerfile()
        for instruction in instructions {
            if instruction.hasPrefix("FROM ") {
                let words = instruction.split(separator: " ").map(String.init)
                dockerfile.stages.append(Stage(base: words.count > 1 ? words[1] : ""))
            } else if dockerfile.stages.isEmpty, instruction.hasPrefix("ARG ") {
                let pair = instruction.dropFirst(4).split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { dockerfile.arguments[pair[0]] = pair[1] }
            } else if !dockerfile.stages.isEmpty {
                dockerfile.stages[dockerfile.stages.count - 1].instructions.append(instruction)
            }
        }
        return dockerfile
    }
}

private struct DeployTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
