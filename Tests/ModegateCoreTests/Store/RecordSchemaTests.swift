import Foundation
import Testing
@testable import ModegateCore

/// `schema_version` on every stored file and line, and what readers do with each version.
/// `Fixtures/runs/version-1` is a gate run written by the release before lines carried a version
/// (manifest and summary at version 1, lines without one): 2 smoke cases per arm.
@Suite struct RecordSchemaTests {
    static let versionOne = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/runs/version-1")

    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-schema-\(UUID().uuidString)")
        init() throws {
            try FileManager.default.copyItem(at: RecordSchemaTests.versionOne, to: url)
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        func run(_ arm: String) throws -> URL {
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: url.path).first { $0.hasSuffix(arm) })
            return url.appendingPathComponent(name)
        }
    }

    // MARK: what this build writes

    @Test func everyFileAndLineCarriesTheCurrentVersion() throws {
        let folder = try Folder()
        let store = RunStore(root: folder.url.appendingPathComponent("new"))
        let manifest = RunManifest(
            runID: "20261207-000000-new-baseline", toolVersion: "test", strategy: .toolCall, presets: ["smoke"], repetitions: 1,
            plannedTrials: 1, seed: 1, host: "test", startedAt: Date(timeIntervalSince1970: 0))
        let writer = try store.create(manifest: manifest)
        let record = TrialRecord(
            runID: manifest.runID, preset: "smoke", caseID: "c0", repetition: 0, strategy: .toolCall, completed: true, reward: 1,
            steps: 1, startedAt: Date(timeIntervalSince1970: 0), finishedAt: Date(timeIntervalSince1970: 1))
        let transcript = TrialTranscript(
            runID: manifest.runID, arm: .baseline, preset: "smoke", caseID: "c0", repetition: 0, strategy: .toolCall,
            provider: "scripted", format: "modegate", model: "scripted", exchanges: [])
        try writer.append(record, transcript: transcript)
        try writer.finish(summary: RunSummary.summarizing([record], manifest: manifest), at: Date(timeIntervalSince1970: 2))

        for name in ["manifest.json", "summary.json", "results.jsonl", "transcripts.jsonl"] {
            let text = try String(contentsOf: writer.folder.appendingPathComponent(name), encoding: .utf8)
            for line in (name.hasSuffix(".jsonl") ? text.split(separator: "\n").map(String.init) : [text]) {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(object["schema_version"] as? Int == RecordSchema.current, "\(name)")
            }
        }
    }

    // MARK: version 1, read through its migration

    @Test func aVersionOneRunReadsAsWritten() throws {
        let folder = try Folder()
        for arm in ["baseline", "candidate"] {
            let run = try folder.run(arm)
            let results = try String(contentsOf: run.appendingPathComponent("results.jsonl"), encoding: .utf8)
            #expect(!results.contains("schema_version"), "the fixture is what version 1 wrote")

            let loaded = try NativeRunReader.load(folder: run)
            #expect(loaded.trials.count == 2)
            #expect(loaded.isFinished)
            #expect(loaded.manifest?.schemaVersion == RecordSchema.current, "migrated: written back as this version")
            // The judge's fast scanner and the full decoder agree on version-1 lines.
            let full = try NativeRunReader.readLines(TrialRecord.self, folder: run).lines
            #expect(full.map(TrialOutcome.init) == loaded.trials)
            #expect(try NativeRunReader.readSummary(folder: run)?.totalCases == 2)

            let transcripts = try TranscriptFile.read(run.appendingPathComponent("transcripts.jsonl"))
            #expect(transcripts.count == 2)
            #expect(transcripts.allSatisfy { !$0.exchanges.isEmpty })
            #expect(try TranscriptFile.readToolCalls(run.appendingPathComponent("transcripts.jsonl")).count == 2)
        }
    }

    @Test func aResumedVersionOneRunAppendsCurrentLinesAndReadsBoth() throws {
        let folder = try Folder()
        let run = try folder.run("baseline")
        let store = RunStore(root: folder.url)
        let entry = try NativeRunReader.catalogEntry(folder: run)
        let (writer, trials) = try store.reopen(entry)
        var added = trials[0]
        added.caseID = "added-after-resume"
        try writer.append(added)
        let lines = try String(contentsOf: run.appendingPathComponent("results.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(!lines[0].contains("schema_version") && lines[2].contains("\"schema_version\":2"))
        #expect(try NativeRunReader.readLines(TrialRecord.self, folder: run).lines.map(\.caseID).last == "added-after-resume")
        let manifest = try String(contentsOf: run.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"schema_version\" : 2"))
    }

    // MARK: versions this build cannot read

    @Test(arguments: ["results.jsonl", "transcripts.jsonl"])
    func aNewerLineIsNamedWithItsFileLineAndBothVersions(_ name: String) throws {
        let folder = try Folder()
        let run = try folder.run("candidate")
        let file = run.appendingPathComponent(name)
        try rewriteLine(2, of: file) { $0["schema_version"] = 3; $0["renamed_later"] = $0.removeValue(forKey: "preset") }
        let error = try #require(throws: StoreError.self) {
            if name == "results.jsonl" {
                _ = try NativeRunReader.load(folder: run)
            } else {
                _ = try TranscriptFile.read(file)
            }
        }
        #expect(error == .unsupportedSchema(path: file.path, line: 2, found: "3", isNewer: true))
        #expect(error.description.hasPrefix("\(file.path):2: error: schema_version 3 is newer"))
        #expect(error.description.contains("reads versions 1 to 2"))
        #expect(error.description.contains("upgrade modegate"))
    }

    @Test func aNewerLastLineIsNotTakenForATornOne() throws {
        let folder = try Folder()
        let run = try folder.run("candidate")
        let file = run.appendingPathComponent("results.jsonl")
        try rewriteLine(2, of: file) { $0["schema_version"] = 3 }
        var data = try Data(contentsOf: file)
        data.removeLast()  // no final newline: what an interrupted write leaves
        try data.write(to: file)
        #expect(throws: StoreError.unsupportedSchema(path: file.path, line: 2, found: "3", isNewer: true)) {
            try NativeRunReader.readOutcomes(folder: run)
        }
    }

    @Test(arguments: [("manifest.json", 3, true), ("summary.json", 7, true), ("manifest.json", 0, false)])
    func aWholeFileOfAnotherVersionIsRefused(_ name: String, _ version: Int, _ newer: Bool) throws {
        let folder = try Folder()
        let run = try folder.run("baseline")
        let file = run.appendingPathComponent(name)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        object["schema_version"] = version
        object["run_id"] = nil
        try JSONSerialization.data(withJSONObject: object).write(to: file)
        #expect(throws: StoreError.unsupportedSchema(path: file.path, line: nil, found: String(version), isNewer: newer)) {
            try NativeRunReader.load(folder: run)
        }
    }

    @Test func aVersionThatIsNotANumberIsUnknown() throws {
        let folder = try Folder()
        let run = try folder.run("baseline")
        let file = run.appendingPathComponent("results.jsonl")
        try rewriteLine(1, of: file) { $0["schema_version"] = "two" }
        let error = try #require(throws: StoreError.self) { try NativeRunReader.readOutcomes(folder: run) }
        #expect(error == .unsupportedSchema(path: file.path, line: 1, found: "\"two\"", isNewer: false))
        #expect(error.description.contains("is not a version any modegate writes"))
    }

    /// Replaces one 1-based line of a JSON-lines file with `change` applied to its object.
    private func rewriteLine(_ number: Int, of file: URL, _ change: (inout [String: Any]) -> Void) throws {
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(lines[number - 1].utf8)) as? [String: Any])
        change(&object)
        lines[number - 1] = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    }
}
