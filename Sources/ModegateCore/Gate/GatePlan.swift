/// A gate file after validation: every default filled, every cross-field rule checked.
/// Built only by `GateLoader`; everything downstream (harness, judge, reports) reads this. It
/// never changes once loaded: a command's flags make a new plan (`applying(_:)`).
public struct GatePlan: Sendable, Codable, Equatable {
    /// The file's format version; only 1 exists.
    public let version: Int
    /// From `name:`, else the file name without its extension.
    public let name: String
    /// What the gate is for, in the author's words.
    public let description: String
    /// The path the gate was loaded from, as given.
    public let sourcePath: String
    /// Lowercase hex SHA-256 of the file bytes, when the caller passed a digest function to the
    /// loader (`modegate run` passes `SHA256.hex`, so run manifests record it).
    public let sourceSHA256: String?
    /// Which cases both arms run, how often and in what order.
    public let workload: WorkloadPlan
    /// The model both arms use, unless an arm sets its own (`model(for:)`).
    public let model: ModelPlan
    /// MCP servers the arms may reach.
    public let mcp: MCPPlan
    /// How built-in suites are reached, with injected faults.
    public let tools: ToolsPlan
    /// The arm measured against.
    public let baseline: ArmPlan
    /// The arm up for promotion.
    public let candidate: ArmPlan
    /// The promotion criteria.
    public let thresholds: Thresholds
    /// `judgement:` with the seed taken from `workload.seed`.
    public let judgement: JudgementSettings
    /// Hard limits of the run.
    public let budget: BudgetPlan
    /// Extra renderings of the verdict.
    public let reports: [ReportRequest]

    /// A plan as given; `GateLoader` is what builds one from a file.
    public init(
        version: Int, name: String, description: String, sourcePath: String, sourceSHA256: String?,
        workload: WorkloadPlan, model: ModelPlan, mcp: MCPPlan, tools: ToolsPlan, baseline: ArmPlan, candidate: ArmPlan,
        thresholds: Thresholds, judgement: JudgementSettings, budget: BudgetPlan, reports: [ReportRequest]
    ) {
        self.version = version
        self.name = name
        self.description = description
        self.sourcePath = sourcePath
        self.sourceSHA256 = sourceSHA256
        self.workload = workload
        self.model = model
        self.mcp = mcp
        self.tools = tools
        self.baseline = baseline
        self.candidate = candidate
        self.thresholds = thresholds
        self.judgement = judgement
        self.budget = budget
        self.reports = reports
    }

    enum CodingKeys: String, CodingKey {
        case version, name, description, workload, model, mcp, tools, baseline, candidate, thresholds, judgement, budget
        case reports
        case sourcePath = "source_path"
        case sourceSHA256 = "source_sha256"
    }

    /// The model `role` plays with: its arm's own, else the shared one (a bench run plays the
    /// candidate's settings).
    public func model(for role: ArmRole) -> ModelPlan {
        (role == .baseline ? baseline.model : candidate.model) ?? model
    }

    /// The models the arms play, the baseline's first (the same one twice when they share it).
    public var models: [ModelPlan] { [model(for: .baseline), model(for: .candidate)] }
}
