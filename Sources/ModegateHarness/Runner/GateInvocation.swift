import ModegateCore

/// One invocation of a gate, resolved once: the plan as loaded with the command line's gate-key
/// overrides applied (`GatePlan.applying(_:)`), and how this invocation runs — shard, resume,
/// replay, reused arms, batching, progress, and concurrency settled as `--concurrency` over
/// `workload.concurrency`. `run`, `bench`, `sweep`, `plan`, `serve codemode` and `run --replay`
/// build one through the same option group; every stage reads it and nothing edits it.
public struct GateInvocation: Sendable {
    /// How this invocation runs, beyond the gate file's keys.
    public struct Settings: Sendable {
        /// Play only this shard of the cases.
        public var shard: Shard?
        /// A run id (either arm's), or the id prefix both arms share, to finish an interrupted run.
        public var resume: String?
        /// Trials at the same time (overrides `workload.concurrency`).
        public var concurrency: Int?
        /// Where progress goes.
        public var progress: any ProgressSink
        /// Presets to play instead of the gate's `workload.presets` (sweeps, benchmarks, tests).
        public var presets: [Preset]?
        /// A stored gate run (either arm's id, their stem, `latest`, a folder) whose transcripts
        /// answer every model request instead of the gate's provider.
        public var replay: String?
        /// Arms not to play: their stored run is judged instead.
        public var reuse: [ArmRole: StoredRun]
        /// Play in batches of cases and review between them.
        public var batching: GateRunner.Batching?
        /// Judge against a reused baseline even when its provenance differs from the gate's.
        public var allowStaleBaseline: Bool
        /// Where each recorded trial's spans go (`--trace`); nil for none.
        public var trace: (any TraceExporter)?

        /// Settings for a run; every one has the gate's behaviour as its default.
        public init(shard: Shard? = nil, resume: String? = nil, concurrency: Int? = nil,
                    progress: any ProgressSink = SilentProgress(), presets: [Preset]? = nil, replay: String? = nil,
                    reuse: [ArmRole: StoredRun] = [:], batching: GateRunner.Batching? = nil, allowStaleBaseline: Bool = false,
                    trace: (any TraceExporter)? = nil) {
            self.shard = shard
            self.resume = resume
            self.concurrency = concurrency
            self.progress = progress
            self.presets = presets
            self.replay = replay
            self.reuse = reuse
            self.batching = batching
            self.allowStaleBaseline = allowStaleBaseline
            self.trace = trace
        }
    }

    /// The gate as this invocation plays it (overrides applied), as the runs' manifests record it.
    public let plan: GatePlan
    /// How it runs.
    public let settings: Settings
    /// Trials at the same time: `--concurrency`, else `workload.concurrency`; at least 1.
    public let concurrency: Int

    /// `plan` as loaded, with `overrides` applied, run as `settings` say.
    public init(plan: GatePlan, overrides: GateOverrides = GateOverrides(), settings: Settings = Settings()) {
        self.plan = plan.applying(overrides)
        self.settings = settings
        concurrency = max(1, settings.concurrency ?? plan.workload.concurrency)
    }

    /// The same invocation playing `presets` instead of the gate's (a sweep's shape).
    public func playing(_ presets: [Preset]) -> GateInvocation {
        var settings = self.settings
        settings.presets = presets
        return GateInvocation(resolved: plan, settings: settings, concurrency: concurrency)
    }

    private init(resolved plan: GatePlan, settings: Settings, concurrency: Int) {
        self.plan = plan
        self.settings = settings
        self.concurrency = concurrency
    }
}
