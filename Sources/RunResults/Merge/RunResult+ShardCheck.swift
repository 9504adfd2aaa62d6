import LoadMetrics
import Scenario

extension RunResult {
    /// Throws unless `results` are shards of one run: one schema version, one kind, one scenario (name and,
    /// where recorded, the scenario as run), one histogram layout, each labelled `i/N` with the same N and a
    /// distinct i, and the same planned duration. A single result is accepted as it is.
    package static func checkShardsOfOneRun(_ results: [RunResult]) throws(MergeError) {
        guard let first = results.first else { throw .noInputs }
        for (index, result) in results.enumerated().dropFirst() {
            guard result.schemaVersion == first.schemaVersion else {
                throw .schemaVersionMismatch(first: first.schemaVersion, other: result.schemaVersion, index: index)
            }
            guard result.kind == first.kind else {
                throw .kindMismatch(first: first.kind, other: result.kind, index: index)
            }
            guard result.scenarioName == first.scenarioName else {
                throw .scenarioMismatch(first: first.scenarioName, other: result.scenarioName, index: index)
            }
            if let mine = first.scenario, let theirs = result.scenario,
                let path = mine.firstDifference(from: theirs, ignoring: Self.perMachineScenarioKeys)
            {
                throw .scenarioDefinitionMismatch(scenario: first.scenarioName, path: path, index: index)
            }
            guard result.metrics.configuration == first.metrics.configuration else {
                throw .histogramConfigurationMismatch(index: index)
            }
            if let mine = first.environment.plannedDurationSeconds,
                let theirs = result.environment.plannedDurationSeconds, mine != theirs
            {
                throw .durationMismatch(first: mine, other: theirs, index: index)
            }
        }
        guard results.count > 1 else { return }
        var indices: Set<Int> = []
        var count: Int?
        for (index, result) in results.enumerated() {
            guard let label = result.shard, let shard = ShardLabel(label) else {
                throw .notAShard(shard: result.shard, index: index)
            }
            if let count, shard.count != count {
                throw .shardCountMismatch(first: count, other: shard.count, index: index)
            }
            count = shard.count
            guard indices.insert(shard.index).inserted else { throw .duplicateShard(label) }
        }
    }

    /// Scenario keys that may differ between the shards of one run: each machine has its own source addresses
    /// (`--source`) and writes its own output.
    package static let perMachineScenarioKeys: Set<String> = ["target.source", "output"]

    /// How many shards the inputs say the run had, and how many of them are present; nil without shard labels.
    package static func shardCoverage(_ results: [RunResult]) -> (present: Int, of: Int)? {
        let labels = results.compactMap { $0.shard.flatMap(ShardLabel.init) }
        guard let count = labels.first?.count, labels.count == results.count else { return nil }
        return (Set(labels.map(\.index)).count, count)
    }
}

/// A result's `shard` label, `i/N`: shard `i` of `N`.
struct ShardLabel: Hashable {
    var index: Int
    var count: Int

    /// Nil for anything but two non-negative integers around a slash with a positive count.
    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), index >= 0, count > 0 else {
            return nil
        }
        self.index = index
        self.count = count
    }
}

extension JSONValue {
    /// The path of the first member or element where `other` differs from this value (`load.connections`,
    /// `steps[2]`), skipping the member paths in `ignored`; `(root)` when the values differ at the top; nil when
    /// they are equal.
    func firstDifference(from other: JSONValue, ignoring ignored: Set<String> = [], at path: String = "") -> String? {
        switch (self, other) {
        case (.object(let mine), .object(let theirs)):
            for key in Set(mine.keys).union(theirs.keys).sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if ignored.contains(child) { continue }
                guard let left = mine[key], let right = theirs[key] else { return child }
                if let found = left.firstDifference(from: right, ignoring: ignored, at: child) { return found }
            }
            return nil
        case (.array(let mine), .array(let theirs)):
            for (offset, pair) in zip(mine, theirs).enumerated() {
                let child = "\(path)[\(offset)]"
                if let found = pair.0.firstDifference(from: pair.1, ignoring: ignored, at: child) { return found }
            }
            return mine.count == theirs.count ? nil : (path.isEmpty ? "(root)" : path)
        default:
            return self == other ? nil : (path.isEmpty ? "(root)" : path)
        }
    }
}
