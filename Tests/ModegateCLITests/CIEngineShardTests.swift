import Foundation
import Testing

/// The ready CI files of docs/ci, played the way each engine runs them: their YAML checked
/// against the engine's published schema and their shell scripts by shellcheck; then, per
/// engine, its shard script started four times at once, each in a folder of its own (a machine)
/// with that engine's variables, the runs gathered as the engine gathers artifacts, and its
/// merge script run as written. The merged verdict must be the unsharded run's.
@Suite(.serialized) struct CIEngineShardTests {
    static let folder = ModegateBinary.repository.appendingPathComponent("docs/ci")
    static let shards = 4

    static let gate = """
        version: 1
        workload: {presets: [smoke, code_navigation], repetitions: 2}
        judgement: {mode: statistical, bootstrap_resamples: 2000}
        """

    /// One engine: its file, the variables its k-th parallel job (1-based) gets, and where its
    /// artifacts land in the merge job's folder (nil: the shard script puts them there itself).
    struct Engine: Sendable, CustomStringConvertible {
        let name: String
        let file: String
        let schema: String?
        let variables: @Sendable (Int) -> [String: String]
        let artifacts: String?
        var description: String { name }
    }

    static let engines: [Engine] = [
        Engine(name: "github", file: "github-actions.yml", schema: "vendor.github-workflows",
               variables: { ["SHARD": "\($0)"] }, artifacts: "shards"),
        Engine(name: "gitlab", file: "gitlab-ci.yml", schema: "vendor.gitlab-ci",
               variables: { ["CI_NODE_INDEX": "\($0)", "CI_NODE_TOTAL": "\(shards)"] }, artifacts: ".modegate/runs"),
        Engine(name: "buildkite", file: "buildkite-pipeline.yml", schema: "vendor.buildkite",
               variables: { ["BUILDKITE_PARALLEL_JOB": "\($0 - 1)", "BUILDKITE_PARALLEL_JOB_COUNT": "\(shards)"] }, artifacts: ".modegate/runs"),
        Engine(name: "kubernetes", file: "kubernetes.yaml", schema: nil,
               variables: { ["JOB_COMPLETION_INDEX": "\($0 - 1)", "MODEGATE_SHARD_TOTAL": "\(shards)"] }, artifacts: nil),
    ]

    static var python: String? { CheckCommandTests.python }

    /// The file's shell scripts, as the engine runs them (Fixtures/ci_scripts.py reads the YAML).
    static func scripts(_ engine: String, _ file: URL, python: String) async throws -> [String] {
        let script = ModegateBinary.repository.appendingPathComponent("Tests/ModegateCLITests/Fixtures/ci_scripts.py").path
        let read = try await ModegateBinary.run([script, engine, file.path], in: folder, executable: python)
        #expect(read.status == 0, "\(read.stderr)")
        return try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String] ?? []
    }

    @Test(arguments: engines)
    func theFileIsValidAndItsScriptsLintClean(engine: Engine) async throws {
        guard let python = Self.python else { return }
        let file = Self.folder.appendingPathComponent(engine.file)
        if let schema = engine.schema {
            let checker = URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent("check-jsonschema").path
            let checked = try await ModegateBinary.run(["--builtin-schema", schema, file.path], in: Self.folder, executable: checker)
            #expect(checked.status == 0, "\(engine.file): \(checked.stdout) \(checked.stderr)")
        }
        var scripts = try await Self.scripts(engine.name, file, python: python)
        if engine.name == "kubernetes" {
            scripts += try await Self.scripts("kubernetes", Self.folder.appendingPathComponent("kubernetes-merge.yaml"), python: python)
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in ["completionMode: Indexed", "completions: \(Self.shards)", "parallelism: \(Self.shards)", "value: \"\(Self.shards)\""] {
                #expect(text.contains(line), "kubernetes.yaml lacks \(line)")
            }
        }
        #expect(scripts.contains { $0.contains("modegate run") } && scripts.contains { $0.contains("modegate merge") }, "\(scripts)")
        let scratch = try Scratch()
        for (index, script) in scripts.enumerated() {
            try scratch.write(script, to: "script-\(index).sh")
            let linted = try await ModegateBinary.run(["-s", "sh", "script-\(index).sh"], in: scratch.url, executable: "/usr/bin/shellcheck")
            #expect(linted.status == 0, "\(engine.file), script \(index):\n\(script)\n\(linted.stdout)")
        }
    }

    @Test(arguments: engines)
    func shardsStartedAtOnceMergeToTheUnshardedVerdict(engine: Engine) async throws {
        guard let python = Self.python else { return }
        let scratch = try Scratch()
        try scratch.write(Self.gate, to: "whole/gates/codemode.yaml")
        let whole = try await ModegateBinary.run(
            ["run", "gates/codemode.yaml", "--report", "json:whole.json"], in: scratch.url.appendingPathComponent("whole"), timeout: 300)
        #expect(whole.status == 0, "\(whole.stderr)")
        let expected = RunCommandTests.gateFigures(try json(scratch.read("whole/whole.json")))

        let scripts = try await Self.scripts(engine.name, Self.folder.appendingPathComponent(engine.file), python: python)
            + (engine.name == "kubernetes"
                ? try await Self.scripts("kubernetes", Self.folder.appendingPathComponent("kubernetes-merge.yaml"), python: python) : [])
        let artifactsVolume = scratch.url.appendingPathComponent("volume").path
        // The Kubernetes Jobs' shared volume is a folder here.
        func adapted(_ script: String) -> String { script.replacingOccurrences(of: "/artifacts", with: artifactsVolume) }
        let shardScript = adapted(try #require(scripts.first { $0.contains("modegate run") }))
        let mergeScript = adapted(try #require(scripts.first { $0.contains("modegate merge") }))
        // modegate from the build, and buildkite-agent as a stand-in: downloads are made below,
        // annotations are kept in a file.
        let tools = scratch.url.appendingPathComponent("bin")
        try scratch.write("""
            #!/bin/sh
            case "$1" in
              artifact) exit 0 ;;
              annotate) shift; echo "$@" > "$PWD/annotation.args"; cat > "$PWD/annotation.md" ;;
              *) exit 64 ;;
            esac
            """, to: "bin/buildkite-agent")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tools.appendingPathComponent("buildkite-agent").path)
        let path = [URL(fileURLWithPath: ModegateBinary.path).deletingLastPathComponent().path, tools.path,
                    ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"].joined(separator: ":")

        // Four machines at once, each with the repository's gate and the engine's variables.
        let results = try await withThrowingTaskGroup(of: (Int, ModegateBinary.Result).self) { group in
            for shard in 1...Self.shards {
                let machine = scratch.url.appendingPathComponent("shard-\(shard)")
                try scratch.write(Self.gate, to: "shard-\(shard)/gates/codemode.yaml")
                group.addTask {
                    (shard, try await ModegateBinary.run(["-c", shardScript], in: machine,
                                                         environment: engine.variables(shard).merging(["PATH": path]) { $1 },
                                                         timeout: 300, executable: "/bin/sh"))
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        for (shard, result) in results.sorted(by: { $0.key < $1.key }) {
            #expect(result.status == 0, "\(engine) shard \(shard): \(result.stderr.suffix(1500))")
            if engine.name != "github" {
                #expect(result.stderr.contains("modegate: shard \(shard)/\(Self.shards) from"), "\(engine) shard \(shard): \(result.stderr.prefix(600))")
            }
        }

        // The merge job: the engine's artifacts, then its merge script as written.
        let merge = scratch.url.appendingPathComponent("merge")
        try FileManager.default.createDirectory(at: merge, withIntermediateDirectories: true)
        if let artifacts = engine.artifacts {
            let target = merge.appendingPathComponent(artifacts)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for shard in 1...Self.shards {
                let runs = scratch.url.appendingPathComponent("shard-\(shard)/.modegate/runs")
                for run in try FileManager.default.contentsOfDirectory(atPath: runs.path) {
                    try FileManager.default.copyItem(at: runs.appendingPathComponent(run), to: target.appendingPathComponent(run))
                }
            }
        }
        if engine.name == "github" {
            // A download that lacks a shard, or holds none, is refused before anything is judged.
            let partial = scratch.url.appendingPathComponent("partial")
            try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
            for shard in 1...3 {
                let folder = scratch.url.appendingPathComponent("shard-\(shard)/.modegate/runs")
                for run in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                    try FileManager.default.copyItem(at: folder.appendingPathComponent(run), to: partial.appendingPathComponent(run))
                }
            }
            let gap = try await ModegateBinary.run(["merge", partial.path], in: merge, environment: ["PATH": path])
            #expect(gap.status == 3 && gap.stderr.contains("missing shard 4/4"), "\(gap.stderr)")
            let empty = try await ModegateBinary.run(["merge", tools.path], in: merge, environment: ["PATH": path])
            #expect(empty.status == 3 && empty.stderr.contains("holds no shard runs"), "\(empty.stderr)")
        }
        // GitHub creates the step's summary file before the step runs.
        let summary = merge.appendingPathComponent("step-summary.md")
        _ = FileManager.default.createFile(atPath: summary.path, contents: nil)
        let merged = try await ModegateBinary.run(
            ["-c", mergeScript], in: merge, environment: ["PATH": path, "GITHUB_STEP_SUMMARY": summary.path], timeout: 300, executable: "/bin/sh")
        #expect(merged.status == 0, "\(engine) merge: \(merged.stderr.suffix(2000))")
        #expect(merged.stderr.contains("shard runs"), "\(engine): the merge read a folder of artifacts: \(merged.stderr.prefix(600))")
        let verdictPath = engine.name == "kubernetes" ? "volume/modegate-verdict.json" : "merge/modegate-verdict.json"
        #expect(RunCommandTests.gateFigures(try json(scratch.read(verdictPath))) == expected, "\(engine)")
        switch engine.name {
        case "github":
            #expect(try scratch.read("merge/step-summary.md").contains("Verdict: PASS"))
            #expect(FileManager.default.fileExists(atPath: merge.appendingPathComponent("modegate-junit.xml").path))
        case "gitlab":
            // The metrics report: valid OpenMetrics, and GitLab reads each gate's observed value.
            let verdict = try json(scratch.read("merge/modegate-verdict.json"))
            let read = try await OpenMetricsReading.read(merge.appendingPathComponent("modegate-metrics.txt"), python: python)
            for gate in verdict["gates"] as? [[String: Any]] ?? [] {
                let name = try #require(gate["name"] as? String)
                let observed = try #require(read.gitlab["modegate_gate_observed{gate=\(name)}"].flatMap(Double.init), "\(name)")
                #expect(abs(observed - (gate["observed"] as? Double ?? .nan)) < 1e-9, "\(name)")
            }
            #expect(read.gitlab["modegate_verdict{modegate_verdict=pass}"] == "1")
        case "buildkite":
            let annotation = try scratch.read("merge/annotation.md")
            #expect(annotation.hasPrefix("#### modegate: PASS, promote the candidate"), "\(annotation)")
            #expect(annotation.contains("| Reward delta |"), "\(annotation)")
            #expect(try scratch.read("merge/annotation.args").contains("--style success"))
        default: break
        }
    }
}
