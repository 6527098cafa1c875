import Foundation
import ModegateCore
import Testing

/// `model.rate_limit` through the binary against a model server that enforces a rate (a request
/// within 0.1 s of the last one answered is refused with 429 and Retry-After): eight trials at
/// once without it meet refusals; paced to 200 requests a minute (0.3 s apart), both arms
/// sharing the limit, none are refused and every trial completes.
@Suite(.serialized) struct RateLimitRunTests {
    private func run(rateLimit: String?) async throws -> [JSONValue] {
        let workdir = try Workdir()
        guard let (server, port) = try await ModelServers.edge() else { return [] }
        defer { server.stop() }
        let preset = try workdir.write("fake_add.yaml", ModelServers.preset)
        let gate = try workdir.write("gate.yaml", """
            version: 1
            workload: {presets: [\(preset)], repetitions: 8, concurrency: 8, arm_order: interleaved}
            model: {provider: openai, name: edge-model, base_url: "http://127.0.0.1:\(port)/paced/v1", api_key_env: MODEGATE_TEST_KEY,
                    max_retries: 8\(rateLimit.map { ", rate_limit: \($0)" } ?? "")}
            judgement: {mode: point}
            reports: [{format: json, path: .modegate/verdict.json}]
            """)
        let result = try await workdir.modegate(["run", gate], environment: ["MODEGATE_TEST_KEY": ModelServers.key])
        #expect((0...2).contains(result.status), "\(result.errors.suffix(1500))")
        return try workdir.records().values.flatMap { $0 }
    }

    @Test func pacedRequestsAreNeverRefusedWhereUnpacedOnesAre() async throws {
        let unpaced = try await run(rateLimit: nil)
        #expect(unpaced.count == 16)
        let refusedUnpaced = unpaced.compactMap { $0["final_answer"]?["refused"]?.intValue }.max() ?? 0
        #expect(refusedUnpaced > 0, "eight at once meet the server's limit")

        let paced = try await run(rateLimit: "{requests_per_minute: 200}")
        #expect(paced.count == 16)
        #expect(paced.allSatisfy { $0["completed"] == true }, "\(paced.map { $0["error"]?.jsonText ?? "" })")
        let refusedPaced = paced.compactMap { $0["final_answer"]?["refused"]?.intValue }.max()
        #expect(refusedPaced == 0, "both arms' requests, paced 0.3 s apart, are never refused")
        #expect(paced.allSatisfy { $0["model_requests"] == 1 }, "no request was tried twice")
    }
}
