import Foundation

/// The outcome of `modegate sweep`: for every swept preset, both arms' figures at every shape
/// and the crossovers. One value, rendered as JSON (`docs/sweep.schema.json`), a text table and
/// an HTML page; volatile values (clock, version, wall times, run ids) are fields.
public struct SweepReport: Sendable, Hashable, Codable {
    /// The JSON layout's version; bumped on any incompatible change.
    public static let schemaVersion = 1

    /// One preset's sweep.
    public struct PresetSweep: Sendable, Hashable, Codable {
        /// The preset's name.
        public var preset: String
        /// Its suite.
        public var suite: String
        /// How a shape became the suite's params.
        public var mapping: String
        /// One point per shape, smallest fan-out first.
        public var points: [Point]
        /// One per `SweepMetric.crossoverMetrics`.
        public var crossovers: [SweepCrossover]

        /// A preset's sweep as given.
        public init(preset: String, suite: String, mapping: String, points: [Point], crossovers: [SweepCrossover]) {
            self.preset = preset
            self.suite = suite
            self.mapping = mapping
            self.points = points
            self.crossovers = crossovers
        }

        /// The crossover of `metric`.
        public func crossover(_ metric: SweepMetric) -> SweepCrossover? { crossovers.first { $0.metric == metric } }
    }

    /// One shape of one preset.
    public struct Point: Sendable, Hashable, Codable {
        /// The shape, `SxC`.
        public var shape: String
        /// Shards.
        public var shards: Int
        /// Candidates per shard.
        public var candidates: Int
        /// shards × candidates.
        public var fanOut: Int
        /// Cases played at this shape (one per case slot).
        public var cases: Int
        /// Trials present in both arms.
        public var pairedTrials: Int
        /// The stored runs of this shape.
        public var baselineRun: String
        /// The stored runs of this shape.
        public var candidateRun: String
        /// Seconds both arms of this shape took, wall clock.
        public var wallSeconds: Double
        /// One per `SweepMetric`, in its order.
        public var figures: [SweepFigure]

        /// A point as given.
        public init(shape: SweepShape, cases: Int, pairedTrials: Int, baselineRun: String, candidateRun: String, wallSeconds: Double, figures: [SweepFigure]) {
            self.shape = shape.description
            self.shards = shape.shards
            self.candidates = shape.candidates
            self.fanOut = shape.fanOut
            self.cases = cases
            self.pairedTrials = pairedTrials
            self.baselineRun = baselineRun
            self.candidateRun = candidateRun
            self.wallSeconds = wallSeconds
            self.figures = figures
        }

        /// The figure of `metric`.
        public func figure(_ metric: SweepMetric) -> SweepFigure? { figures.first { $0.metric == metric } }

        enum CodingKeys: String, CodingKey {
            case shape, shards, candidates, fanOut = "fan_out", cases, pairedTrials = "paired_trials"
            case baselineRun = "baseline_run", candidateRun = "candidate_run", wallSeconds = "wall_seconds", figures
        }
    }

    /// A preset of the gate that was not swept, and why.
    public struct SkippedPreset: Sendable, Hashable, Codable {
        /// The preset's name.
        public var preset: String
        /// Why it was not swept.
        public var reason: String

        /// A skipped preset as given.
        public init(preset: String, reason: String) {
            self.preset = preset
            self.reason = reason
        }
    }

    /// Always `SweepReport.schemaVersion`.
    public var schemaVersion = SweepReport.schemaVersion
    /// The sweep's id (its folder under `<store>/sweeps`).
    public var id: String
    /// The gate file swept.
    public var gate: String
    /// The gate's name.
    public var gateName: String
    /// When the report was made.
    public var generatedAt: Date
    /// modegate's version.
    public var toolVersion: String
    /// The model both arms used: provider and name.
    public var model: String
    /// True when token counts are estimates (the scripted model).
    public var tokensEstimated: Bool
    /// The baseline's strategy.
    public var baselineStrategy: String
    /// The candidate's strategy.
    public var candidateStrategy: String
    /// The shapes swept, smallest fan-out first.
    public var shapes: [String]
    /// Cases per shape: the case slots resampled.
    public var casesPerShape: Int
    /// Trials per case per arm.
    public var repetitions: Int
    /// The intervals' level.
    public var confidence: Double
    /// Bootstrap resamples drawn.
    public var bootstrapResamples: Int
    /// The seed of the cases' data and of the bootstrap.
    public var seed: UInt64
    /// Wall-clock seconds of the whole sweep.
    public var wallSeconds: Double
    /// The swept presets, in the gate's order.
    public var presets: [PresetSweep]
    /// The gate's presets left out, and why.
    public var skippedPresets: [SkippedPreset]
    /// What may make a figure mean less than it seems (a program budget below a shape's calls).
    public var warnings: [String]

    /// A report as given.
    public init(id: String, gate: String, gateName: String, generatedAt: Date, toolVersion: String, model: String, tokensEstimated: Bool,
                baselineStrategy: String, candidateStrategy: String, shapes: [SweepShape], casesPerShape: Int, repetitions: Int,
                confidence: Double, bootstrapResamples: Int, seed: UInt64, wallSeconds: Double, presets: [PresetSweep], skippedPresets: [SkippedPreset], warnings: [String] = []) {
        self.id = id
        self.gate = gate
        self.gateName = gateName
        self.generatedAt = generatedAt
        self.toolVersion = toolVersion
        self.model = model
        self.tokensEstimated = tokensEstimated
        self.baselineStrategy = baselineStrategy
        self.candidateStrategy = candidateStrategy
        self.shapes = shapes.map(\.description)
        self.casesPerShape = casesPerShape
        self.repetitions = repetitions
        self.confidence = confidence
        self.bootstrapResamples = bootstrapResamples
        self.seed = seed
        self.wallSeconds = wallSeconds
        self.presets = presets
        self.skippedPresets = skippedPresets
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", id, gate, gateName = "gate_name", generatedAt = "generated_at", toolVersion = "tool_version"
        case model, tokensEstimated = "tokens_estimated", baselineStrategy = "baseline_strategy", candidateStrategy = "candidate_strategy"
        case shapes, casesPerShape = "cases_per_shape", repetitions, confidence, bootstrapResamples = "bootstrap_resamples", seed
        case wallSeconds = "wall_seconds", presets, skippedPresets = "skipped_presets", warnings
    }
}
