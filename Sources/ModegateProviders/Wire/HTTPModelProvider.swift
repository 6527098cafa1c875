import Foundation
import Synchronization
import ModegateCore

/// An HTTP model provider speaking one wire format. Stateless per trial: every request carries
/// the whole conversation, so every trial's session is the provider itself. What it learns about
/// the server (a refused parameter) it keeps for the rest of the run.
struct HTTPModelProvider<Wire: ProviderWireFormat>: ModelProvider, ModelSession {
    let settings: HTTPProviderSettings
    private let learned: LearnedSampling

    init(settings: HTTPProviderSettings) {
        self.settings = settings
        learned = LearnedSampling(WireSampling(
            model: settings.model, temperature: settings.temperature, maxTokens: settings.maxOutputTokens))
    }

    var modelName: String { settings.model }
    var transcriptFormat: String { Wire.name }
    var endpointDescription: String? { settings.endpoint.absoluteString }

    func session(for trial: TrialContext) -> any ModelSession { self }

    func complete(_ request: ModelRequest) async throws -> ModelResponse {
        let start = DispatchTime.now().uptimeNanoseconds
        var sampling = learned.current
        var notes: [String] = []
        var attempts = 0
        while true {
            let body = Wire.body(request, sampling: sampling)
            func exchange(_ answer: HTTPAnswer?, error: String? = nil, timedOut: Bool = false) -> ModelExchange {
                let parsed = answer.flatMap { try? JSONValue.parse(String(decoding: $0.data, as: UTF8.self)) }
                return ModelExchange(
                    endpoint: ProviderHTTPClient.place(settings.endpoint), request: body, response: parsed,
                    responseText: parsed == nil ? answer.map { String(decoding: $0.data.prefix(4096), as: UTF8.self) } : nil,
                    status: answer?.status, attempts: attempts,
                    seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, error: error,
                    notes: notes.isEmpty ? nil : notes, timedOut: timedOut ? true : nil)
            }
            let answer: HTTPAnswer
            // A token rate limit learns how what requests count compares with this estimate.
            let estimate = TokenUsage.estimate(promptBytes: request.byteCount, completionBytes: 0).prompt
            do {
                answer = try await settings.post(
                    body, headers: Wire.headers, keyHeader: Wire.keyHeader, keyPrefix: Wire.keyPrefix, tokens: estimate)
            } catch let failure as HTTPUnreachable {
                attempts += failure.attempts
                throw ModelError(failure.message, exchange: exchange(nil, error: failure.message, timedOut: failure.timedOut),
                                 timedOut: failure.timedOut)
            }
            attempts += answer.attempts
            switch answer.status {
            case 200..<300:
                do {
                    var response = try Wire.response(from: answer.data).estimatingUnreported(for: request)
                    response.exchange = exchange(answer)
                    if !response.usage.estimated {
                        await settings.client.governor?.settle(
                            estimate: estimate, reserved: answer.reservedTokens, used: response.usage.prompt + response.usage.completion)
                    }
                    return response
                } catch let error as ModelError {
                    throw ModelError(error.message, exchange: exchange(answer, error: error.message))
                }
            case 400 where notes.count < 3:
                if let (adjusted, note) = Wire.adjusting(sampling, after: answer.data) {
                    notes.append(note)
                    sampling = adjusted
                    learned.current = adjusted
                    continue
                }
                fallthrough
            default:
                let error = ProviderHTTPClient.error(
                    status: answer.status, data: answer.data, url: settings.endpoint, keyVariable: settings.keyVariable,
                    attempts: answer.attempts)
                throw ModelError(error.message, exchange: exchange(answer, error: error.message))
            }
        }
    }
}

/// The sampling settings that the server has accepted so far, shared by every trial of a run, so
/// one refusal teaches every later request.
final class LearnedSampling: Sendable {
    private let value: Mutex<WireSampling>

    init(_ value: WireSampling) { self.value = Mutex(value) }

    var current: WireSampling {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
