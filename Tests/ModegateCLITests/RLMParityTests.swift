import Foundation
import Testing

/// modegate's RLM-style validate against RLM Code 0.1.13 itself (installed by `make test` into the
/// project's virtual environment): random summaries, the same thresholds, the same gates.
@Suite struct RLMParityTests {
    struct Scenario {
        var workdir: String
        var thresholds: [String: Double]
        var failOnRegression: Bool

        var reference: [String: Any] {
            var all: [String: Any] = thresholds
            all["fail_on_completion_regression"] = failOnRegression
            return ["workdir": workdir, "candidate": "bench_20260101_000000_000002",
                    "baseline": "bench_20260101_000000_000001", "thresholds": all]
        }

        var words: [String] {
            ["bench", "validate", "candidate=bench_20260101_000000_000002", "baseline=bench_20260101_000000_000001"]
                + thresholds.keys.sorted().map { "\($0)=\(thresholds[$0]!)" }
                + ["fail_on_completion_regression=\(failOnRegression ? "on" : "off")", "--json"]
        }
    }

    static var python: String? { ProcessInfo.processInfo.environment["MODEGATE_PYTHON"] }

    @Test func gatesAndVerdictMatchRLMCode() async throws {
        guard let python = Self.python else {
            Issue.record("MODEGATE_PYTHON is not set: run the suite with `make test`, which installs RLM Code 0.1.13")
            return
        }
        var seed: UInt64 = 20261122
        func unit() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        let scratch = try Scratch()
        var scenarios: [Scenario] = []
        for index in 0..<60 {
            let workdir = scratch.url.appendingPathComponent("w\(index)")
            let folder = workdir.appendingPathComponent(".rlm_code/rlm/benchmarks")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let cases = (0..<(2 + Int(unit() * 8))).map { "case_\($0)" }
            for (name, offset) in [("bench_20260101_000000_000001", 0), ("bench_20260101_000000_000002", 1)] {
                var results: [[String: Any]] = []
                for caseID in cases where unit() > 0.1 {
                    let completed = unit() > 0.3 + Double(offset) * 0.05
                    results.append(["case_id": caseID, "completed": completed, "steps": Int(unit() * 6),
                                    "total_reward": completed ? (unit() * 100).rounded() / 100 : -1.0])
                }
                let attempted = Double(max(results.count, 1))
                let rewards: [Double] = results.map { $0["total_reward"] as? Double ?? 0 }
                let steps: [Int] = results.map { $0["steps"] as? Int ?? 0 }
                let completedCount: Int = results.filter { $0["completed"] as? Bool == true }.count
                // Rounded as RLM Code rounds them: 4 decimals for reward, 2 for steps.
                let avgReward: Double = (rewards.reduce(0, +) / attempted * 10_000).rounded() / 10_000
                let avgSteps: Double = (Double(steps.reduce(0, +)) / attempted * 100).rounded() / 100
                let summary: [String: Any] = [
                    "benchmark_id": name, "total_cases": cases.count, "completed_cases": completedCount,
                    "avg_reward": avgReward, "avg_steps": avgSteps, "case_results": results,
                ]
                try JSONSerialization.data(withJSONObject: summary).write(to: folder.appendingPathComponent("\(name).json"))
            }
            let thresholds: [String: Double] = [
                "min_reward_delta": [-0.1, -0.05, 0, 0.05][index % 4],
                "min_completion_delta": [-0.2, 0, 0.1][index % 3],
                "max_steps_increase": [0, 0.5, 1][index % 3],
            ]
            scenarios.append(Scenario(workdir: workdir.path, thresholds: thresholds, failOnRegression: index % 5 != 0))
        }
        let scenarioFile = scratch.url.appendingPathComponent("scenarios.json")
        try JSONSerialization.data(withJSONObject: scenarios.map(\.reference)).write(to: scenarioFile)
        let reference = try runPython(python, script: ModegateBinary.repository
            .appendingPathComponent("Tests/ModegateCLITests/Fixtures/rlm_parity.py").path, argument: scenarioFile.path)
        #expect(reference.count == scenarios.count)
        var compared = 0
        for (index, expected) in reference.enumerated() {
            let result = try await ModegateBinary.run(scenarios[index].words, in: URL(fileURLWithPath: scenarios[index].workdir))
            let ours = try json(result.stdout)
            let theirGates = expected["gates"] as? [String: Bool] ?? [:]
            let ourGates = ours["gates"] as? [String: Bool] ?? [:]
            let deltas = expected["deltas"] as? [String: Double] ?? [:]
            let thresholds = scenarios[index].thresholds
            // The one intended difference: modegate allows 1e-9 of floating-point slack.
            let onEdge = abs((deltas["avg_reward"] ?? 0) - thresholds["min_reward_delta"]!) < 1e-9
                || abs((deltas["completion_rate"] ?? 0) - thresholds["min_completion_delta"]!) < 1e-9
                || abs((deltas["avg_steps_increase"] ?? 0) - thresholds["max_steps_increase"]!) < 1e-9
            #expect(ours["case_summary"] as? [String: Int] == expected["case_summary"] as? [String: Int], "scenario \(index)")
            if onEdge { continue }
            compared += 1
            #expect(ourGates == theirGates, "scenario \(index): ours \(ourGates) vs RLM Code \(theirGates)")
            #expect(ours["passed"] as? Bool == expected["passed"] as? Bool, "scenario \(index)")
            #expect(result.status == ((expected["passed"] as? Bool ?? false) ? 0 : 1), "scenario \(index)")
        }
        #expect(compared > 40)
    }

    func runPython(_ python: String, script: String, argument: String) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, argument]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
    }
}
