import Foundation
import ModegateCore

/// `provider: replay`: answers every request with the answer recorded for it in a cassette, with
/// no network, so a recorded run can be re-run and re-judged anywhere, without keys. Matching is
/// strict: request N of a trial must carry the same conversation (model, messages, tools) as
/// request N of its recording. A request that does not is a miss: the trial gets a provider
/// error, and the run ends with a run error naming the first difference.
struct ReplayProvider: ModelProvider, RecordingCoverage {
    let cassette: Cassette
    let codec: any TranscriptCodec.Type
    private let misses = ReplayMisses()

    /// Throws `HarnessError.providerSetup` when the cassette's format is unknown or the gate
    /// names another model than the recording's.
    init(cassette: Cassette, gateModel: String?) throws {
        let codecs: [any TranscriptCodec.Type] = [OpenAIChatFormat.self, AnthropicMessagesFormat.self, NeutralTranscriptFormat.self]
        guard let codec = codecs.first(where: { $0.name == cassette.format }) else {
            throw HarnessError.providerSetup("replay: the cassette is written in format '\(cassette.format)', which this version cannot read")
        }
        if let gateModel, gateModel != cassette.model {
            throw HarnessError.providerSetup(
                "replay: the cassette was recorded with model '\(cassette.model)', but model.name is '\(gateModel)'; set model.name to the recorded model or record again")
        }
        self.cassette = cassette
        self.codec = codec
    }

    var modelName: String { cassette.model }
    var transcriptFormat: String { cassette.format }
    var endpointDescription: String? { "the recording in " + cassette.sources.map(\.path).joined(separator: ", ") }

    func session(for trial: TrialContext) -> any ModelSession {
        let recording = cassette.recording(
            arm: trial.arm, strategy: trial.strategy, preset: trial.preset, caseID: trial.testCase.id, repetition: trial.repetition)
        return ReplaySession(
            trial: "\(trial.arm) \(trial.preset)/\(trial.testCase.id) repetition \(trial.repetition)",
            recording: recording, codec: codec, misses: misses)
    }

    func hasRecording(arm: ArmRole, strategy: Strategy, preset: String, caseID: String, repetition: Int) -> Bool {
        cassette.recording(arm: arm, strategy: strategy, preset: preset, caseID: caseID, repetition: repetition) != nil
    }

    /// Every miss of the run so far, in the order they happened.
    var missedRequests: [String] { misses.all }
}

/// One trial's playback: the recording's exchanges, in order.
final class ReplaySession: ModelSession, @unchecked Sendable {
    private let trial: String
    private let recording: TrialTranscript?
    private let codec: any TranscriptCodec.Type
    private let misses: ReplayMisses
    private let lock = NSLock()
    private var next = 0

    fileprivate init(trial: String, recording: TrialTranscript?, codec: any TranscriptCodec.Type, misses: ReplayMisses) {
        self.trial = trial
        self.recording = recording
        self.codec = codec
        self.misses = misses
    }

    func complete(_ request: ModelRequest) async throws -> ModelResponse {
        let index = takeTurn()
        guard let recording else { throw miss("the cassette has no recording of this trial") }
        guard index < recording.exchanges.count else {
            throw miss("request \(index + 1) was never made in the recording, which has \(recording.exchanges.count)")
        }
        let recorded = recording.exchanges[index]
        let live = codec.conversation(of: codec.body(request, sampling: WireSampling(model: recording.model, temperature: nil, maxTokens: 0)))
        if let difference = JSONDifference.first(codec.conversation(of: recorded.request), live) {
            throw miss("request \(index + 1) differs from the recording at \(difference)")
        }
        if let error = recorded.error { throw ModelError(error, exchange: recorded) }
        guard let answer = recorded.response else {
            throw miss("request \(index + 1) has no recorded answer")
        }
        var response = try codec.response(from: Data(answer.jsonText.utf8))
        response.exchange = recorded
        response.recordedSeconds = recorded.seconds
        return response
    }

    /// The 0-based index of this request within the trial.
    private func takeTurn() -> Int {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return next - 1
    }

    private func miss(_ what: String) -> ModelError {
        let message = "replay miss in \(trial): \(what)"
        misses.add(message)
        return ModelError(message)
    }
}

/// The misses of a replayed run, shared by its sessions.
final class ReplayMisses: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func add(_ message: String) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return messages
    }
}

/// Where two JSON values first differ, as a path with both sides, for replay's miss messages.
enum JSONDifference {
    static func first(_ recorded: JSONValue, _ live: JSONValue, at path: String = "$") -> String? {
        switch (recorded, live) {
        case (.object(let left), .object(let right)):
            for key in Set(left.keys).union(right.keys).sorted() {
                if let difference = first(left[key] ?? .null, right[key] ?? .null, at: "\(path).\(key)") { return difference }
            }
            return nil
        case (.array(let left), .array(let right)):
            for index in 0..<min(left.count, right.count) {
                if let difference = first(left[index], right[index], at: "\(path)[\(index)]") { return difference }
            }
            return left.count == right.count ? nil : "\(path): recorded \(left.count) items, now \(right.count)"
        default:
            return recorded == live ? nil : "\(path): recorded \(excerpt(recorded)), now \(excerpt(live))"
        }
    }

    private static func excerpt(_ value: JSONValue) -> String {
        let text = value.jsonText
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }
}
