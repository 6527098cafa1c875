/// The fields of a `results.jsonl` line that the judge reads. Decoding only these (and not the
/// final answer, score detail and timestamps) keeps loading a 100,000-trial run fast.
struct TrialOutcomeLine: Decodable, Sendable {

    struct Latency: Decodable, Sendable { var total: Double }
    struct Failure: Decodable, Sendable { var category: TrialError.Category }

    var preset: String
    var caseID: String
    var repetition: Int
    var completed: Bool
    var reward: Double
    var steps: Int
    var promptTokens: Int
    var completionTokens: Int
    var cachedTokens: Int
    var modelRequests: Int
    var toolResponseBytes: Int
    var modelVisibleToolBytes: Int
    var cost: Double
    var latency: Latency
    var codemodeGuardrailBlocked: Int
    var error: Failure?

    enum CodingKeys: String, CodingKey {
        case preset, caseID = "case_id", repetition, completed, reward, steps, cost, latency, error
        case promptTokens = "prompt_tokens", completionTokens = "completion_tokens", cachedTokens = "cached_tokens"
        case modelRequests = "model_requests", toolResponseBytes = "tool_response_bytes"
        case modelVisibleToolBytes = "model_visible_tool_bytes"
        case codemodeGuardrailBlocked = "codemode_guardrail_blocked"
    }

    init(from decoder: any Decoder) throws {
        _ = try RecordSchema.version(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        preset = try container.decode(String.self, forKey: .preset)
        caseID = try container.decode(String.self, forKey: .caseID)
        repetition = try container.decode(Int.self, forKey: .repetition)
        completed = try container.decode(Bool.self, forKey: .completed)
        reward = try container.decode(Double.self, forKey: .reward)
        steps = try container.decode(Int.self, forKey: .steps)
        promptTokens = try container.decode(Int.self, forKey: .promptTokens)
        completionTokens = try container.decode(Int.self, forKey: .completionTokens)
        cachedTokens = try container.decode(Int.self, forKey: .cachedTokens)
        modelRequests = try container.decode(Int.self, forKey: .modelRequests)
        toolResponseBytes = try container.decode(Int.self, forKey: .toolResponseBytes)
        modelVisibleToolBytes = try container.decode(Int.self, forKey: .modelVisibleToolBytes)
        cost = try container.decode(Double.self, forKey: .cost)
        latency = try container.decode(Latency.self, forKey: .latency)
        codemodeGuardrailBlocked = try container.decode(Int.self, forKey: .codemodeGuardrailBlocked)
        error = try container.decodeIfPresent(Failure.self, forKey: .error)
    }

    var outcome: TrialOutcome {
        TrialOutcome(
            key: PairKey(preset: preset, caseID: caseID, repetition: repetition), completed: completed, reward: reward,
            steps: steps, promptTokens: promptTokens, completionTokens: completionTokens, cachedTokens: cachedTokens,
            modelRequests: modelRequests, cost: cost, latency: latency.total, toolResponseBytes: toolResponseBytes,
            modelVisibleToolBytes: modelVisibleToolBytes, guardrailBlocked: codemodeGuardrailBlocked,
            infrastructureError: error?.category.isInfrastructure ?? false)
    }
}
