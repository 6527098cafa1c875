import Foundation

/// `manifest.json`: what produced a run, so it can be audited and reproduced (DESIGN §7).
/// Never holds a secret: the plan names key variables, not their values.
public struct RunManifest: Sendable, Codable, Hashable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var runID: String
    public var toolVersion: String
    public var strategy: Strategy
    /// `baseline` or `candidate`; nil for a run made outside a gate (`modegate bench`).
    public var arm: ArmRole?
    public var gateFile: String?
    public var gateSHA256: String?
    public var plan: JSONValue?
    public var model: String?
    public var provider: String?
    public var presets: [String]
    public var repetitions: Int
    public var plannedTrials: Int
    public var seed: UInt64
    public var shard: String?
    public var host: String
    public var startedAt: Date
    public var finishedAt: Date?

    public init(
        runID: String, toolVersion: String, strategy: Strategy, arm: ArmRole? = nil, gateFile: String? = nil,
        gateSHA256: String? = nil, plan: JSONValue? = nil, model: String? = nil, provider: String? = nil,
        presets: [String], repetitions: Int, plannedTrials: Int, seed: UInt64, shard: String? = nil,
        host: String, startedAt: Date, finishedAt: Date? = nil
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.runID = runID
        self.toolVersion = toolVersion
        self.strategy = strategy
        self.arm = arm
        self.gateFile = gateFile
        self.gateSHA256 = gateSHA256
        self.plan = plan
        self.model = model
        self.provider = provider
        self.presets = presets
        self.repetitions = repetitions
        self.plannedTrials = plannedTrials
        self.seed = seed
        self.shard = shard
        self.host = host
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", runID = "run_id", toolVersion = "tool_version", strategy, arm
        case gateFile = "gate_file", gateSHA256 = "gate_sha256", plan, model, provider, presets, repetitions
        case plannedTrials = "planned_trials", seed, shard, host, startedAt = "started_at", finishedAt = "finished_at"
    }
}
