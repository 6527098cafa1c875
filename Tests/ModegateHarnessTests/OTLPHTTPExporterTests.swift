import Foundation
import ModegateCore
import ModegateHTTP
import Synchronization
import Testing
@testable import ModegateHarness

/// The OTLP/HTTP exporter's delivery rules against an in-process fake receiver and a fake
/// sleep: nothing waits on the wall clock.
struct OTLPHTTPExporterTests {
    /// Answers each request with the next status (the last one repeats), and counts the waits.
    final class Receiver: Sendable {
        let statuses: [Int]
        let log = Mutex<(requests: [HTTPRequest], waits: [Double])>(([], []))

        init(_ statuses: [Int]) { self.statuses = statuses }

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            let index = log.withLock {
                $0.requests.append(request)
                return $0.requests.count - 1
            }
            let status = statuses[min(index, statuses.count - 1)]
            if status == 0 { throw HTTPTransportError(kind: .connectionRefused, detail: "refused") }
            return HTTPResponse(head: HTTPResponseHead(status: status, headers: [HTTPHeader(name: "Retry-After", value: "7")]),
                                body: Data("busy".utf8))
        }

        func sleep(_ seconds: Double) async throws { log.withLock { $0.waits.append(seconds) } }
    }

    static func spans(_ count: Int) -> [TraceSpan] {
        (0..<count).map {
            TraceSpan(traceID: String(repeating: "a", count: 32), spanID: String(repeating: "0", count: 15) + String($0 % 9 + 1), parentSpanID: nil,
                      name: "invoke_agent tool_call", kind: .internal, startNanos: 1, endNanos: 2, attributes: [])
        }
    }

    final class Warnings: Sendable {
        let lines = Mutex<[String]>([])
        var count: Int { lines.withLock { $0.count } }
    }

    func exporter(_ receiver: Receiver, warnings: Warnings) -> OTLPHTTPExporter {
        OTLPHTTPExporter(
            url: URL(string: "http://127.0.0.1:4318/v1/traces")!, headers: [HTTPHeader(name: "authorization", value: "Bearer s3cret")],
            resource: TraceResource(version: "test", environment: [:]),
            send: { try await receiver.send($0) }, sleep: { try await receiver.sleep($0) },
            warn: { message in warnings.lines.withLock { $0.append(message) } })
    }

    @Test func retriesAfterRetryAfterThenDelivers() async {
        let receiver = Receiver([503, 429, 200])
        let warnings = Warnings()
        let exporter = exporter(receiver, warnings: warnings)
        exporter.export(Self.spans(3))
        let summary = await exporter.finish(within: 10)
        #expect(summary.trials == 1 && summary.spans == 3 && summary.lost == 0)
        let log = receiver.log.withLock { $0 }
        #expect(log.requests.count == 3)
        #expect(log.waits.prefix(2) == [7, 7], "Retry-After is honoured")
        #expect(log.requests.allSatisfy { $0.headers.contains { $0.name == "Content-Type" && $0.value == "application/x-protobuf" } })
        #expect(log.requests.allSatisfy { $0.headers.contains { $0.name == "authorization" } })
        #expect(warnings.count == 0)
        #expect(!summary.line.contains("s3cret"))
    }

    @Test func aRefusalIsNotRetriedAndADownReceiverCostsOneTryABatch() async {
        let refused = Receiver([415])
        let warnings = Warnings()
        let first = exporter(refused, warnings: warnings)
        first.export(Self.spans(2))
        let summary = await first.finish(within: 10)
        #expect(refused.log.withLock { $0.requests.count } == 1)
        #expect(summary.lost == 2 && summary.failure?.contains("HTTP 415") == true, "\(summary)")
        #expect(warnings.count == 1)

        let down = Receiver([0])
        let second = exporter(down, warnings: warnings)
        for _ in 0..<3 { second.export(Self.spans(600)) }  // more than a batch each
        let lost = await second.finish(within: 10)
        let requests = down.log.withLock { $0.requests.count }
        #expect(requests == OTLPHTTPExporter.maxAttempts + 2, "the first batch retries, the next ones try once: \(requests)")
        #expect(lost.lost == 1800 && lost.line.contains("1800 spans lost"), "\(lost.line)")
    }
}
