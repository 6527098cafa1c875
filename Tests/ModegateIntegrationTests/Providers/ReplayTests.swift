import Foundation
import ModegateCore
import Testing

/// The `replay` provider through the binary, on a recording of the scripted model (offline):
/// a cassette named in the gate file reproduces the verdict; a changed conversation, a trial the
/// recording lacks, or another model is a run error that names what differs.
@Suite struct ReplayTests {
    static func gate(_ workdir: Workdir, model: String, repetitions: Int = 2) throws -> String {
        try workdir.write("gate-\(UUID().uuidString.prefix(8)).yaml", """
            version: 1
            workload: {presets: [smoke], repetitions: \(repetitions)}
            model: {\(model)}
            judgement: {mode: point}
            reports: [{format: json, path: .modegate/verdict.json}]
            """)
    }

    /// Records the smoke preset with the scripted model; returns the recorded verdict.
    static func record(_ workdir: Workdir) async throws -> JSONValue {
        let run = try await workdir.modegate(["run", try gate(workdir, model: "provider: scripted")])
        #expect(run.status == 0, "\(run.errors.suffix(1000))")
        try FileManager.default.moveItem(
            at: workdir.url.appendingPathComponent(".modegate/runs"), to: workdir.url.appendingPathComponent("cassette"))
        return try ModelServers.comparableVerdict(workdir)
    }

    @Test func aCassetteInTheGateFileReproducesTheVerdict() async throws {
        let workdir = try Workdir()
        let recorded = try await Self.record(workdir)
        let run = try await workdir.modegate(["run", try Self.gate(workdir, model: "provider: replay, cassette: cassette")])
        #expect(run.status == 0, "\(run.errors.suffix(1000))")
        #expect(try ModelServers.comparableVerdict(workdir) == recorded)
        let records = try workdir.records()
        #expect(records["baseline"]?.count == 6 && records["candidate"]?.count == 6)
    }

    /// The verdict as written, with what differs between any two runs masked: run ids (their
    /// stems), dates and the report's own time. Nothing else is left out, latency figures included.
    static func maskedVerdict(_ workdir: Workdir) throws -> String {
        masked(try String(contentsOf: workdir.url.appendingPathComponent(".modegate/verdict.json"), encoding: .utf8))
    }

    /// `text` with run ids and times masked.
    static func masked(_ text: String) -> String {
        var text = text
        for (pattern, mask) in [(#"\d{8}-\d{6}-[0-9a-f]{8}"#, "RUN"), (#"\d{4}-\d{2}-\d{2}T[0-9:.]+Z"#, "TIME")] {
            text = text.replacingOccurrences(of: pattern, with: mask, options: .regularExpression)
        }
        return text
    }

    @Test func aReplayReproducesTheVerdictByteForByteUnderALatencyGate() async throws {
        let workdir = try Workdir()
        // Statistical judging, so the p95 latency gate has an interval; the same gate file for
        // both runs, the replay given by --replay.
        let gate = try workdir.write("latency.yaml", """
            version: 1
            workload: {presets: [smoke], repetitions: 3, seed: 7}
            model: {provider: scripted}
            thresholds: {max_p95_latency_increase_ratio: 2.0, min_reward_delta: -0.5, min_completion_delta: -0.5}
            judgement: {mode: statistical}
            reports: [{format: json, path: .modegate/verdict.json}]
            """)
        let recorded = try await workdir.modegate(["run", gate])
        #expect([0, 1, 2].contains(recorded.status), "\(recorded.errors.suffix(1000))")
        let recordedVerdict = try Self.maskedVerdict(workdir)
        #expect(recordedVerdict.contains("\"p95_latency_increase_ratio\""), "the gate judges latency: \(recordedVerdict.prefix(2000))")
        let recordedTrials = try workdir.records()
        let stem = try #require(try workdir.runFolders().first?.lastPathComponent.replacingOccurrences(of: "-baseline", with: ""))

        let replayed = try await workdir.modegate(["run", gate, "--replay", stem])
        #expect(replayed.status == recorded.status, "\(replayed.errors.suffix(1000))")
        #expect(try Self.maskedVerdict(workdir) == recordedVerdict)
        // The replay's records carry the recorded times, so its transcripts are as good a cassette.
        let replayedTrials = try workdir.records()
        #expect(replayedTrials.count == 2)
        func latencies(_ trials: [JSONValue]?) -> [String: JSONValue] {
            Dictionary(uniqueKeysWithValues: (trials ?? []).map { ("\($0["case_id"] ?? .null)/\($0["repetition"] ?? .null)", $0["latency"] ?? .null) })
        }
        for (arm, trials) in recordedTrials {
            #expect(latencies(replayedTrials[arm]) == latencies(trials), "\(arm)")
            #expect(latencies(trials).count == 9)
        }
    }

    @Test func aChangedConversationIsAMissThatNamesTheDifference() async throws {
        let workdir = try Workdir()
        _ = try await Self.record(workdir)
        // Change the prompt of one recorded trial (echo-length, repetition 0), as if the preset
        // had changed since.
        let folder = try FileManager.default.contentsOfDirectory(atPath: workdir.url.appendingPathComponent("cassette").path)
            .first { $0.hasSuffix("-baseline") } ?? ""
        let file = workdir.url.appendingPathComponent("cassette/\(folder)/transcripts.jsonl")
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.contains("\"case_id\":\"echo-length\"") && $0.contains("\"repetition\":0") })
        lines[index] = lines[index].replacingOccurrences(of: "Send the text", with: "Send the txet")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let run = try await workdir.modegate(["run", try Self.gate(workdir, model: "provider: replay, cassette: cassette")])
        #expect(run.status == 4, "\(run.errors.suffix(1000))")
        #expect(run.errors.contains("replay: 1 request(s) did not match the recording"), "\(run.errors)")
        #expect(run.errors.contains("request 1 differs from the recording at $.messages[1].content: recorded \"Send the txet"), "\(run.errors)")
        #expect(run.errors.contains("The replayed runs are kept"), "\(run.errors)")
        let records = try workdir.records()
        #expect(records["baseline"]?.count == 6, "no trial is lost")
        #expect(records["baseline"]?.filter { $0["error"]?["category"] == "provider" }.count == 1)
    }

    @Test func aTrialTheRecordingLacksOrAnotherModelStopsTheRunBeforeItStarts() async throws {
        let workdir = try Workdir()
        _ = try await Self.record(workdir)
        let more = try await workdir.modegate(["run", try Self.gate(workdir, model: "provider: replay, cassette: cassette", repetitions: 3)])
        #expect(more.status == 4)
        #expect(more.errors.contains("replay: the cassette has no recording of 6 trial(s) this gate plans (baseline smoke/"), "\(more.errors)")
        let other = try await workdir.modegate(["run", try Self.gate(workdir, model: "provider: replay, name: gpt-4.1, cassette: cassette")])
        #expect(other.status == 4)
        #expect(other.errors.contains("the cassette was recorded with model 'scripted', but model.name is 'gpt-4.1'"), "\(other.errors)")
        let nowhere = try await workdir.modegate(["run", try Self.gate(workdir, model: "provider: replay, cassette: no-such-folder")])
        #expect(nowhere.status == 3, "\(nowhere.errors)")
        #expect(nowhere.errors.contains("no-such-folder"), "\(nowhere.errors)")
        #expect(!FileManager.default.fileExists(atPath: workdir.url.appendingPathComponent(".modegate/runs").path))
    }
}
