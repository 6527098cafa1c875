import Foundation
import Testing
@testable import ModegateCore

/// The fast scanner must agree with `JSONDecoder` wherever it answers, and decline (never crash)
/// on anything else.
@Suite struct TrialLineScannerTests {
    static let counters = {
        var counters = TrialCounters()
        counters.promptTokens = 1200
        counters.completionTokens = 340
        counters.cachedTokens = 512
        counters.modelRequests = 3
        counters.toolResponseBytes = 9000
        counters.modelVisibleToolBytes = 1200
        counters.latency = TrialLatency(total: 1.25, model: 1, tool: 0.2, sandbox: 0.05)
        return counters
    }()

    static let record = TrialRecord(
        runID: "r", preset: "repo_triage", caseID: "triage-07", repetition: 2, strategy: .codemode, completed: true,
        reward: 0.8125, scoreDetail: ["note": "brackets } ] { [ and \"quotes\" inside"], finalAnswer: ["ids": [1, 2, 3]],
        steps: 3, counters: counters, cost: 0.0042, error: TrialError(category: .sandbox, message: "worker crashed: \\n {oops}"),
        startedAt: Date(timeIntervalSince1970: 1_800_000_000), finishedAt: Date(timeIntervalSince1970: 1_800_000_001))

    func scan(_ text: String) -> TrialOutcome? {
        Array(text.utf8).withUnsafeBufferPointer { TrialLineScanner.outcome($0) }
    }

    func decode(_ text: String) -> TrialOutcome? {
        (try? StableJSON.decoder().decode(TrialOutcomeLine.self, from: Data(text.utf8)))?.outcome
    }

    @Test func agreesWithTheDecoderOnARealLine() throws {
        let line = try StableJSON.string(Self.record, pretty: false)
        let scanned = try #require(scan(line))
        #expect(scanned == decode(line))
        #expect(scanned.infrastructureError)
        #expect(scanned.tokens == 1540)
        #expect(scanned.cachedTokens == 512 && scanned.modelRequests == 3)
        #expect(scanned.toolResponseBytes == 9000 && scanned.modelVisibleToolBytes == 1200)
        #expect(scanned.latency == 1.25)
        #expect(try #require(scan(try StableJSON.string(Self.record, pretty: true))) == scanned)
    }

    @Test func declinesWhatItCannotReadExactly() throws {
        var escaped = Self.record
        escaped.caseID = "quote\"d"
        #expect(scan(try StableJSON.string(escaped, pretty: false)) == nil)
        #expect(decode(try StableJSON.string(escaped, pretty: false))?.key.caseID == "quote\"d")
        #expect(scan("{}") == nil)
        #expect(scan("[1,2]") == nil)
        #expect(scan("") == nil)
    }

    @Test func neverDisagreesOrCrashesOnDamagedLines() throws {
        let line = Array(try StableJSON.string(Self.record, pretty: false).utf8)
        var generator = SeededGenerator(seed: 5)
        let alphabet = Array("{}[]\",:0123456789.-eE tfnulraso\\".utf8)
        for round in 0..<3000 {
            var bytes = line
            switch round % 3 {
            case 0: bytes = Array(bytes.prefix(generator.index(below: bytes.count)))
            case 1: bytes[generator.index(below: bytes.count)] = alphabet[generator.index(below: alphabet.count)]
            default: bytes.remove(at: generator.index(below: bytes.count))
            }
            let text = String(decoding: bytes, as: UTF8.self)
            if let scanned = bytes.withUnsafeBufferPointer({ TrialLineScanner.outcome($0) }) {
                // Where the scanner answers, the decoder must give the same answer or reject a
                // mutation in a field the scanner skips; it must never read different values.
                if let decoded = decode(text) { #expect(scanned == decoded, "\(text)") }
            }
        }
    }
}
