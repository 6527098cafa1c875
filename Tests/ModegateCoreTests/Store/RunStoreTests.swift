import Foundation
import Testing
@testable import ModegateCore

@Suite struct RunStoreTests {
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-store-\(UUID().uuidString)")
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    func write(_ store: RunStore, id: String, strategy: Strategy, finishedAt: Date, trials: Int = 3, finish: Bool = true) throws {
        let manifest = RunManifest(
            runID: id, toolVersion: "test", strategy: strategy, presets: ["smoke"], repetitions: 1, plannedTrials: trials,
            seed: 1, host: "test", startedAt: finishedAt.addingTimeInterval(-10))
        let writer = try store.create(manifest: manifest)
        var records: [TrialRecord] = []
        for index in 0..<trials {
            let record = TrialRecord(
                runID: id, preset: "smoke", caseID: "c\(index)", repetition: 0, strategy: strategy, completed: true,
                reward: 1, steps: 2, startedAt: finishedAt, finishedAt: finishedAt)
            try writer.append(record)
            records.append(record)
        }
        if finish { try writer.finish(summary: RunSummary.summarizing(records, manifest: manifest), at: finishedAt) }
    }

    @Test func referencesResolveByRecordedTime() throws {
        let folder = Folder()
        let store = RunStore(root: folder.url)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        try write(store, id: "20260101-000000-tool_call-aaaa0001", strategy: .toolCall, finishedAt: t0)
        try write(store, id: "20260101-000100-codemode-aaaa0002", strategy: .codemode, finishedAt: t0.addingTimeInterval(60))
        try write(store, id: "20260101-000200-tool_call-aaaa0003", strategy: .toolCall, finishedAt: t0.addingTimeInterval(120))
        let here = folder.url
        #expect(try store.resolve(.latest(nil), workingDirectory: here).id.hasSuffix("0003"))
        let codemode = try store.resolve(.latest(.codemode), workingDirectory: here)
        #expect(codemode.id.hasSuffix("0002"))
        #expect(try store.resolve(.previous(nil), candidate: codemode, workingDirectory: here).id.hasSuffix("0001"))
        #expect(try store.resolve(.named("20260101-0001"), workingDirectory: here).id.hasSuffix("0002"))
        #expect(throws: StoreError.self) { try store.resolve(.named("20260101"), workingDirectory: here) }
        #expect(throws: StoreError.self) { try store.resolve(.previous(nil), candidate: try store.resolve(.named("20260101-000000"), workingDirectory: here), workingDirectory: here) }
        let summaryPath = store.runsFolder.appendingPathComponent("20260101-000100-codemode-aaaa0002/summary.json").path
        #expect(try store.resolve(.named(summaryPath), workingDirectory: here).id.hasSuffix("0002"))
    }

    @Test func referenceSpellings() throws {
        #expect(try RunReference(parsing: "latest") == .latest(nil))
        #expect(try RunReference(parsing: "PREV") == .previous(nil))
        #expect(try RunReference(parsing: "latest:codemode") == .latest(.codemode))
        #expect(try RunReference(parsing: "") == .latest(nil))
        #expect(try RunReference(parsing: "20260101-x") == .named("20260101-x"))
        #expect(throws: StoreError.self) { try RunReference(parsing: "latest:python") }
    }

    @Test func interruptedRunIsListedAndJudgedAsUnfinished() throws {
        let folder = Folder()
        let store = RunStore(root: folder.url)
        try write(store, id: "run-a", strategy: .toolCall, finishedAt: Date(timeIntervalSince1970: 1_800_000_000), finish: false)
        let entry = try #require(store.catalog().entries.first)
        #expect(!entry.isFinished)
        let run = try store.open(entry)
        #expect(run.trials.count == 3)
        #expect(!run.isFinished)
        #expect(try store.summaryDocument(entry).contains("\"attempted_cases\" : 3"))
    }

    @Test func aRunIdCannotBeReused() throws {
        let folder = Folder()
        let store = RunStore(root: folder.url)
        try write(store, id: "same", strategy: .toolCall, finishedAt: Date())
        #expect(throws: StoreError.self) { try write(store, id: "same", strategy: .toolCall, finishedAt: Date()) }
    }

    @Test func damagedFoldersAreSkippedNotFatal() throws {
        let folder = Folder()
        let store = RunStore(root: folder.url)
        try write(store, id: "good", strategy: .toolCall, finishedAt: Date())
        let bad = store.runsFolder.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        try Data("{".utf8).write(to: bad.appendingPathComponent("manifest.json"))
        let catalog = store.catalog()
        #expect(catalog.entries.map(\.id) == ["good"])
        #expect(catalog.problems.count == 1)
    }

    @Test func runIDsSortByTime() {
        let stem = GateRunID.stem(at: Date(timeIntervalSince1970: 1_800_000_000), suffix: 0xab)
        #expect(stem == "20270115-080000-000000ab")
        #expect(GateRunID.stem(of: stem + "-candidate") == stem)
        #expect(GateRunID.stem(of: stem + "-codemode") == stem + "-codemode")
    }

    @Test func timestampsRoundTripAndParsePythonIsoformat() throws {
        let date = Date(timeIntervalSince1970: 1_800_000_000.123)
        #expect(ISO8601Timestamp.format(date) == "2027-01-15T08:00:00.123Z")
        #expect(abs(try #require(ISO8601Timestamp.parse("2027-01-15T08:00:00.123Z")).timeIntervalSince(date)) < 1e-6)
        let python = try #require(ISO8601Timestamp.parse("2025-01-01T12:00:00.123456+00:00"))
        #expect(abs(python.timeIntervalSince1970 - 1_735_732_800.123456) < 1e-5)
        #expect(ISO8601Timestamp.parse("yesterday") == nil)
        #expect(ISO8601Timestamp.parse("2025-01-01T14:00:00+02:00") == ISO8601Timestamp.parse("2025-01-01T12:00:00Z"))
        #expect(ISO8601Timestamp.format(Date(timeIntervalSince1970: -1.5)) == "1969-12-31T23:59:58.500Z")
    }
}
