import Foundation
import Testing

/// Multi-turn cases from the binary, in both strategies with the scripted model: the
/// conversation goes on after each answer with its own history, each turn is scored and counted
/// on its own, and the recording replays to the same verdict.
@Suite struct MultiTurnRunTests {
    static let preset = """
        preset: turns
        description: Multi-turn cases over the smoke suite.
        suite: smoke
        cases:
          - id: running-sum
            prompt: 'Add 2 and 3 with the add tool. Answer {"sum": NUMBER}.'
            answer_schema: {type: object, required: [sum], properties: {sum: {type: number}}}
            expected: {sum: 5}
            scorer: exact
            reference: 'const r = await tools.add({a: 2, b: 3}); return {sum: r.sum};'
            turns:
              - prompt: 'Now add 10 to that sum with the tool. Answer {"sum": NUMBER}.'
                answer_schema: {type: object, required: [sum], properties: {sum: {type: number}}}
                expected: {sum: 15}
                reference: 'const r = await tools.add({a: 5, b: 10}); return {sum: r.sum};'
              - prompt: 'Echo "done" and give its length. Answer {"length": INTEGER}.'
                answer_schema: {type: object, required: [length]}
                reference: 'const r = await tools.echo({text: "done"}); return {length: r.length};'
          - id: second-turn-wrong
            prompt: 'Look up ada. Answer {"team": STRING}.'
            answer_schema: {type: object, required: [team]}
            expected: {team: analytics}
            scorer: fields
            reference: 'const r = await tools.lookup({user: "ada"}); return {team: r.team};'
            turns:
              - prompt: 'And grace? Answer {"team": STRING}.'
                expected: {team: nobody}
                scorer: fields
                reference: 'const r = await tools.lookup({user: "grace"}); return {team: r.team};'
        """

    @Test func eachTurnIsAnsweredScoredAndCountedInBothArms() async throws {
        let scratch = try Scratch()
        try scratch.write(Self.preset, to: "turns.yaml")
        try scratch.write("""
            version: 1
            workload: {presets: [turns.yaml], repetitions: 2}
            judgement: {mode: point}
            reports: [{format: json, path: verdict.json}]
            """, to: "g.yaml")
        let run = try await ModegateBinary.run(["run", "g.yaml"], in: scratch.url, timeout: 300)
        #expect(run.status == 0, "\(run.stderr)")
        let runs = scratch.url.appendingPathComponent(".modegate/runs")
        let folders = try FileManager.default.contentsOfDirectory(atPath: runs.path).sorted()
        #expect(folders.count == 2)
        for folder in folders {
            let lines = try String(contentsOf: runs.appendingPathComponent(folder).appendingPathComponent("results.jsonl"), encoding: .utf8)
                .split(separator: "\n").map { try json(String($0)) }
            #expect(lines.count == 4, "\(folder)")
            for trial in lines {
                let turns = try #require(trial["turns"] as? [[String: Any]], "\(folder): \(trial)")
                let steps = turns.compactMap { $0["steps"] as? Int }
                // Every turn is one tool call and its answer: two model requests each, in both strategies.
                #expect(steps.allSatisfy { $0 == 2 } && trial["steps"] as? Int == steps.reduce(0, +), "\(folder): \(turns)")
                // Each turn's tokens are its own, and a later turn's prompt holds the history.
                let prompts = turns.compactMap { $0["prompt_tokens"] as? Int }
                #expect(prompts == prompts.sorted() && Set(prompts).count == prompts.count, "\(folder): \(prompts)")
                #expect(trial["prompt_tokens"] as? Int == prompts.reduce(0, +))
                switch trial["case_id"] as? String {
                case "running-sum":
                    #expect(turns.map { $0["reward"] as? Double } == [1, 1, 1] && trial["reward"] as? Double == 1)
                    #expect((turns[1]["final_answer"] as? [String: Any])?["sum"] as? Double == 15)
                    #expect(trial["completed"] as? Bool == true)
                default:
                    // The second turn's answer is wrong: the trial completes with half the reward.
                    #expect(turns.map { $0["reward"] as? Double } == [1, 0] && trial["reward"] as? Double == 0.5, "\(turns)")
                    #expect(trial["completed"] as? Bool == true)
                }
            }
        }
        let verdict = try json(scratch.read("verdict.json"))
        let candidate = (verdict["candidate"] as? [String: Any])?["metrics"] as? [String: Any]
        #expect(candidate?["avg_reward"] as? Double == 0.75, "\(verdict)")

        // Replayed from the recording: the same verdict.
        let recorded = Self.masked(try scratch.read("verdict.json"))
        let stem = try #require(folders.first?.replacingOccurrences(of: "-baseline", with: ""))
        let replay = try await ModegateBinary.run(["run", "g.yaml", "--replay", stem], in: scratch.url, timeout: 300)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(Self.masked(try scratch.read("verdict.json")) == recorded)
    }

    static func masked(_ text: String) -> String {
        var text = text
        for (pattern, mask) in [(#"\d{8}-\d{6}-[0-9a-f]{8}"#, "RUN"), (#"\d{4}-\d{2}-\d{2}T[0-9:.]+Z"#, "TIME")] {
            text = text.replacingOccurrences(of: pattern, with: mask, options: .regularExpression)
        }
        return text
    }
}
