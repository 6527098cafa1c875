import Foundation

/// `manifest.json`: what produced a run, so it can be audited and reproduced (DESIGN §7).
/// Never holds a secret: the plan names key variables, not their values.
public struct RunManifest: Sendable, Codable, Hashable {
    /// The `schema_version` this version writes.
    public static let currentSchemaVersion = RecordSchema.current

    /// The manifest format's version.
    public var schemaVersion: Int
    /// The run's id, also its folder's name under `.modegate/runs/`.
    public var runID: String
    /// The modegate version that made the run.
    public var toolVersion: String
    /// How the run's arm used tools.
    public var strategy: Strategy
    /// `baseline` or `candidate`; nil for a run made outside a gate (`modegate bench`).
    public var arm: ArmRole?
    /// The gate file's path as given (`<bench>` for a bench run without `--gate`).
    public var gateFile: String?
    /// Lowercase hex SHA-256 of the gate file's bytes, so a reader can tell whether the gate changed.
    public var gateSHA256: String?
    /// The resolved gate plan as JSON, naming the provider that answered (`replay` for a replayed
    /// run). Secrets appear by the names of their variables, never by value.
    public var plan: JSONValue?
    /// The model's name, as the provider gave it.
    public var model: String?
    /// The provider that answered (`openai`, `anthropic`, `scripted`, `replay`, …).
    public var provider: String?
    /// The workload's presets, as the gate names them (built-in names or paths).
    public var presets: [String]
    /// Trials per case.
    public var repetitions: Int
    /// Trials the run set out to play (cases × repetitions, this shard's cases only); the
    /// summary's `total_cases`. A merge sums its shards'.
    public var plannedTrials: Int
    /// `workload.seed`: the interleaved arm order, the sequential case order and the judge's bootstrap start from it.
    public var seed: UInt64
    /// `K/N` when the run played one shard of the cases (`--shard`); nil otherwise and after a merge.
    public var shard: String?
    /// The machine's host name.
    public var host: String
    /// When the run opened.
    public var startedAt: Date
    /// When the run wrote its summary (a cancelled run too); nil until then, so a run that crashed
    /// has none.
    public var finishedAt: Date?

    /// A new run's manifest, at the current schema version; `finishedAt` is set when it ends.
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
