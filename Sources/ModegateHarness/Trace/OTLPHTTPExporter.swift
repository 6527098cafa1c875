import Foundation
import ModegateCore
import ModegateHTTP
import Synchronization

/// `--trace otlp-http:URL`: each trial's spans POSTed as binary OTLP (`application/x-protobuf`,
/// which every OTLP/HTTP receiver takes) from a background task, batched while a request is out,
/// so a slow receiver never slows the trials. As OTLP/HTTP asks: 429, 502, 503 and 504 and lost
/// connections are retried (after `Retry-After` when given, else 0.5, 1, 2, 4 s), other answers
/// are not. Once a batch has used up its retries, later batches get one try each until one
/// succeeds, so a receiver that is down costs the run's end no more than `finish`'s deadline.
public final class OTLPHTTPExporter: TraceExporter {
    /// Sends one request; a fake in tests.
    public typealias Send = @Sendable (HTTPRequest) async throws -> HTTPResponse
    /// Waits between attempts; a fake in tests.
    public typealias Sleep = @Sendable (Double) async throws -> Void

    private struct State {
        var queue: [[TraceSpan]] = []
        var summary: TraceExportSummary
        /// The last batch used up its retries: the receiver is taken to be down.
        var failing = false
    }

    static let retried: Set<Int> = [429, 502, 503, 504]
    static let maxAttempts = 5
    static let maxBatchSpans = 512

    private let url: URL
    private let headers: [HTTPHeader]
    private let resource: TraceResource
    private let send: Send
    private let sleep: Sleep
    private let warn: @Sendable (String) -> Void
    private let requestTimeout: Double
    private let state: Mutex<State>
    private let signal: AsyncStream<Void>.Continuation
    private let worker = Mutex<Task<Void, Never>?>(nil)

    /// An exporter to `url` with `headers` (an authorization header, say) on every request;
    /// `warn` hears the first loss as it happens.
    public init(
        url: URL, headers: [HTTPHeader], resource: TraceResource, requestTimeout: Double = 10,
        send: @escaping Send = { try await HTTPClient().send($0) },
        sleep: @escaping Sleep = { try await Task.sleep(for: .seconds($0)) },
        warn: @escaping @Sendable (String) -> Void
    ) {
        self.url = url
        self.headers = headers
        self.resource = resource
        self.requestTimeout = requestTimeout
        self.send = send
        self.sleep = sleep
        self.warn = warn
        state = Mutex(State(summary: TraceExportSummary(destination: url.absoluteString)))
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        signal = continuation
        worker.withLock { $0 = Task { [self] in await drain(stream) } }
    }

    public func export(_ spans: [TraceSpan]) {
        state.withLock {
            $0.queue.append(spans)
            $0.summary.trials += 1
            $0.summary.spans += spans.count
        }
        signal.yield(())
    }

    public func finish(within seconds: Double) async -> TraceExportSummary {
        signal.finish()
        guard let task = worker.withLock({ $0 }) else { return state.withLock { $0.summary } }
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { await task.value; return true }
            // The deadline is the wall clock's, whatever `sleep` is: it bounds the run's end.
            group.addTask { (try? await Task.sleep(for: .seconds(seconds))) != nil ? false : true }
            let first = await group.next() ?? true
            // The deadline passed: stop the request in flight (its transfer ends at once).
            if !first { task.cancel() }
            group.cancelAll()
        }
        return state.withLock { state in
            let left = state.queue.reduce(0) { $0 + $1.count }
            if left > 0 {
                state.summary.lost += left
                if state.summary.failure == nil { state.summary.failure = "not sent within \(Int(seconds)) s of the run's end" }
                state.queue.removeAll()
            }
            return state.summary
        }
    }

    /// Sends batches until `finish` closes the stream and the queue is empty, or the task is cancelled.
    private func drain(_ signals: AsyncStream<Void>) async {
        for await _ in signals {
            while !Task.isCancelled, let batch = take() { await deliver(batch) }
        }
        while !Task.isCancelled, let batch = take() { await deliver(batch) }
    }

    /// Up to `maxBatchSpans` spans of whole trials (a larger trial goes alone).
    private func take() -> [TraceSpan]? {
        state.withLock { state in
            guard !state.queue.isEmpty else { return nil }
            var spans = state.queue.removeFirst()
            while let next = state.queue.first, spans.count + next.count <= Self.maxBatchSpans {
                spans += next
                state.queue.removeFirst()
            }
            return spans
        }
    }

    private func deliver(_ spans: [TraceSpan]) async {
        var request = HTTPRequest(method: "POST", url: url, headers: headers, body: resource.batch(spans).otlpProtobuf,
                                  timeoutSeconds: requestTimeout)
        request.setHeader("Content-Type", "application/x-protobuf")
        let attempts = state.withLock { $0.failing } ? 1 : Self.maxAttempts
        var failure = ""
        for attempt in 1...attempts {
            var wait = 0.5 * pow(2, Double(attempt - 1))
            do {
                let response = try await send(request)
                if (200..<300).contains(response.status) {
                    state.withLock { $0.failing = false }
                    return
                }
                failure = "HTTP \(response.status) from \(url.absoluteString)" + Self.excerpt(response.body)
                guard Self.retried.contains(response.status) else { break }
                if let after = response.value(forHeader: "Retry-After").flatMap(Double.init) { wait = min(max(after, 0), 30) }
            } catch is CancellationError {
                failure = "cancelled at the run's end"
                break
            } catch {
                failure = "\(url.absoluteString): \(error)"
            }
            if attempt < attempts {
                do { try await sleep(wait) } catch { break }
            }
        }
        lose(spans.count, failure)
    }

    private func lose(_ count: Int, _ failure: String) {
        // The first loss is the one that sets the summary's failure: it alone is told at once.
        let first = state.withLock { state -> Bool in
            state.summary.lost += count
            state.failing = true
            guard state.summary.failure == nil else { return false }
            state.summary.failure = failure
            return true
        }
        if first { warn("trace: spans lost, the run goes on: \(failure)") }
    }

    /// `: ` and the start of a refusal's body when it is text (`Unsupported content type`).
    private static func excerpt(_ body: Data) -> String {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        let printable = text.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return printable && !trimmed.isEmpty ? ": \(trimmed.split(whereSeparator: \.isNewline).joined(separator: " "))" : ""
    }
}
