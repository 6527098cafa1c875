import Foundation
import ModegateCore
import Synchronization

/// One trial's playback: the recording's exchanges, in order.
final class ReplaySession: ModelSession {
    private let trial: String
    private let recording: TrialTranscript?
    private let codec: any TranscriptCodec.Type
    private let misses: ReplayMisses
    private let next = Mutex(0)

    init(trial: String, recording: TrialTranscript?, codec: any TranscriptCodec.Type, misses: ReplayMisses) {
        self.trial = trial
        self.recording = recording
        self.codec = codec
        self.misses = misses
    }

    var recordedLatency: TrialLatency? { recording?.latency }

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
        if let error = recorded.error { throw ModelError(error, exchange: recorded, timedOut: recorded.timedOut == true) }
        guard let answer = recorded.response else {
            throw miss("request \(index + 1) has no recorded answer")
        }
        var response = try codec.response(from: Data(answer.jsonText.utf8)).estimatingUnreported(for: request)
        response.exchange = recorded
        response.recordedSeconds = recorded.seconds
        return response
    }

    /// The 0-based index of this request within the trial.
    private func takeTurn() -> Int {
        next.withLock {
            $0 += 1
            return $0 - 1
        }
    }

    private func miss(_ what: String) -> ModelError {
        let message = "replay miss in \(trial): \(what)"
        misses.add(message)
        return ModelError(message)
    }
}
