import Foundation

/// `modegate import otel`: OpenTelemetry GenAI traces to one stored run of one arm. Reads every
/// file, links the spans, maps each outermost `invoke_agent` span to a trial, settles each
/// trial's case, repetition, reward and completion, and returns the run complete; every problem
/// in any file is a diagnostic at its file and line, and with any problem there is no run.
public struct OTelImport: Sendable {
    /// One input file: its name as the user gave it, and its bytes.
    public struct Source: Sendable {
        public var name: String
        public var data: Data

        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    /// Most problems listed; the rest are counted.
    public static let listedProblems = 25

    public var settings: OTelImportSettings

    public init(settings: OTelImportSettings) { self.settings = settings }

    /// The run the traces make. Throws `DiagnosticsError` listing every problem found.
    public func run(traces: [Source], scores: Source?, toolVersion: String, host: String, at now: Date) throws -> ImportedRun {
        var spans: [OTLPSpan] = []
        var problems: [Diagnostic] = []
        for source in traces {
            let read = OTLPFileReader.spans(in: source.data, file: source.name)
            spans += read.spans
            problems += read.diagnostics
        }
        var scoreFile = OTelScoreFile()
        if let scores {
            let read = OTelScoreFile.read(scores.data, file: scores.name)
            scoreFile = read.scores
            problems += read.diagnostics
        }
        try Self.stop(problems)
        let forest = OTelTraceForest(spans)
        try Self.stop(forest.diagnostics)
        var members: [Int: [Int]] = [:]
        for (index, owner) in forest.owners.enumerated() {
            if case .trial(let root) = owner { members[root, default: []].append(index) } else if let problem = orphan(index, owner, forest) {
                problems.append(problem)
            }
        }
        guard !members.isEmpty else {
            let names = traces.map(\.name).joined(separator: ", ")
            throw DiagnosticsError(problems + [Diagnostic(
                file: traces.first?.name ?? "-", line: 0, column: 0,
                message: "no invoke_agent span in \(names): modegate makes one trial per agent invocation (a span with gen_ai.operation.name invoke_agent, as the GenAI agent conventions name it)")])
        }
        let mapper = OTelTrialMapper(forest: forest, settings: settings)
        let chosen = members.keys.sorted().filter { root in
            settings.only.allSatisfy { key, value in
                let found = mapper.attribute(key, of: root)
                return (found?.stringValue ?? found?.jsonText) == value
            }
        }
        guard !chosen.isEmpty else {
            let wanted = settings.only.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            throw DiagnosticsError(problems + [Diagnostic(
                file: traces.first?.name ?? "-", line: 0, column: 0,
                message: "none of the \(members.count) invoke_agent spans has \(wanted); check the attribute's name and value (--only)")])
        }
        var observed = chosen.map { mapper.trial(root: $0, members: members[$0] ?? []) }
        problems += observed.flatMap(\.diagnostics)
        problems += settle(&observed, scores: scoreFile)
        try Self.stop(problems)
        return assemble(observed, traces: traces, scores: scores, toolVersion: toolVersion, host: host, at: now)
    }

    private static func stop(_ problems: [Diagnostic]) throws {
        guard !problems.isEmpty else { return }
        var listed = Array(problems.prefix(listedProblems))
        if problems.count > listedProblems {
            listed.append(Diagnostic(file: "modegate", line: 0, column: 0, message: "and \(problems.count - listedProblems) more problems; nothing was imported"))
        }
        throw DiagnosticsError(listed)
    }

    /// The problem with a span outside every trial, when it is one a trial would have counted.
    private func orphan(_ index: Int, _ owner: OTelTraceForest.Owner, _ forest: OTelTraceForest) -> Diagnostic? {
        let span = forest.spans[index]
        let operation = span.operation ?? ""
        let counted = OTelTrialMapper.chatOperations.contains(operation) || operation == OTelTrialMapper.toolOperation
            || span.mcpMethod == OTelTrialMapper.mcpToolCall
        guard counted else { return nil }
        let what = "\(span.mcpMethod ?? operation) span '\(span.name)' (span \(span.spanID) of trace \(span.traceID))"
        let message: String
        switch owner {
        case .missingParent(let parent):
            message = "\(what) has parent span \(parent.spanID), which is in none of the given files: the trace is partial; give every file the exporter wrote for it, or leave the trace out"
        case .loop:
            message = "\(what) is its own ancestor: its parentSpanId chain loops"
        case .none, .trial:
            message = "\(what) is under no invoke_agent span: modegate makes one trial per agent invocation; export the agent's invoke_agent span too, or leave this trace out"
        }
        return Diagnostic(file: span.place.file, line: span.place.line, column: 0, message: message)
    }

    /// Gives every trial its case, repetition, reward and completion: repetitions from the
    /// attribute or numbered per case in start order, the scores file over the attributes.
    /// Returns the problems: a trial without a case or a reward, a case and repetition twice,
    /// a score for no trial.
    private func settle(_ trials: inout [OTelObservedTrial], scores: OTelScoreFile) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let names = settings.attributes
        trials.sort { ($0.root.startNanos, $0.root.spanID) < ($1.root.startNanos, $1.root.spanID) }
        var taken: [String: [Int: OTLPSpan.Place]] = [:]
        for trial in trials {
            guard let caseID = trial.caseID else {
                problems.append(trial.diagnostic("\(trial.label) has no case id: set the attribute \(names.caseID) on it, on a parent span or on the resource, or name your attribute with --case-attribute"))
                continue
            }
            guard let repetition = trial.repetition else { continue }
            if let first = taken[caseID]?[repetition] {
                problems.append(trial.diagnostic("case \(caseID) repetition \(repetition) is also at \(first): each case and repetition is one agent invocation; fix \(names.repetition), or import the two in separate runs"))
            } else {
                taken[caseID, default: [:]][repetition] = trial.root.place
            }
        }
        for index in trials.indices {
            guard let caseID = trials[index].caseID else { continue }
            if trials[index].repetition == nil {
                let next = (0...).first { taken[caseID]?[$0] == nil } ?? 0
                trials[index].repetition = next
                taken[caseID, default: [:]][next] = trials[index].root.place
            }
            let repetition = trials[index].repetition ?? 0
            if let score = scores.score(caseID: caseID, repetition: repetition) {
                if let reward = score.reward { trials[index].reward = reward }
                if let completed = score.completed { trials[index].completed = completed }
            }
            if trials[index].completed == nil { trials[index].completed = !trials[index].root.failed }
            if trials[index].reward == nil {
                problems.append(trials[index].diagnostic("trial \(settings.preset)/\(caseID)#\(repetition) has no reward: set the attribute \(names.reward) (0 to 1) on its invoke_agent span, or give --scores FILE with a line for case \(caseID)"))
            }
        }
        for score in scores.scores {
            let repetitions = taken[score.caseID] ?? [:]
            guard repetitions.isEmpty || (score.repetition.map { repetitions[$0] == nil } ?? false) else { continue }
            let which = score.repetition.map { "case \(score.caseID) repetition \($0)" } ?? "case \(score.caseID)"
            problems.append(Diagnostic(
                file: score.place.file, line: score.place.line, column: 0,
                message: "\(which) has no trial in the traces (no invoke_agent span with \(names.caseID) \(score.caseID)\(score.repetition == nil ? "" : " and that repetition")); check the case id's spelling, or give the trace file that holds it"))
        }
        return problems
    }

    private func assemble(
        _ observed: [OTelObservedTrial], traces: [Source], scores: Source?, toolVersion: String, host: String, at now: Date
    ) -> ImportedRun {
        let runID = settings.runID
        let servers = observed.reduce(into: Set<String>()) { $0.formUnion($1.servers) }
        var trials: [TrialRecord] = []
        var transcripts: [TrialTranscript] = []
        for trial in observed.sorted(by: { ($0.caseID ?? "", $0.repetition ?? 0) < ($1.caseID ?? "", $1.repetition ?? 0) }) {
            let caseID = trial.caseID ?? ""
            let repetition = trial.repetition ?? 0
            var record = TrialRecord(
                runID: runID, preset: settings.preset, caseID: caseID, repetition: repetition, strategy: settings.strategy,
                completed: trial.completed ?? false, reward: trial.reward ?? 0, steps: trial.counters.modelRequests,
                counters: trial.counters, error: trial.error, firstProgramFailure: trial.firstProgramFailure,
                startedAt: trial.root.startDate, finishedAt: trial.root.endDate)
            // Every server any trial of the arm reached counts as offered to each of its trials.
            if !servers.isEmpty {
                record.serverAdoption = ServerAdoption.of(servers: servers, calls: trial.calls, modelRequests: trial.counters.modelRequests)
            }
            trials.append(record)
            transcripts.append(TrialTranscript(
                runID: runID, arm: settings.arm, preset: settings.preset, caseID: caseID, repetition: repetition,
                strategy: settings.strategy, provider: trial.provider ?? "otel", format: OTelTranscriptFormat.name,
                model: trial.model ?? "unknown", exchanges: trial.exchanges, toolCalls: trial.calls, latency: trial.counters.latency))
        }
        let providers = Set(observed.compactMap(\.provider))
        let manifest = RunManifest(
            runID: runID, toolVersion: toolVersion, strategy: settings.strategy, arm: settings.arm,
            plan: importPlan(traces: traces, scores: scores), model: Self.mostCommon(observed.compactMap(\.model)),
            provider: providers.count == 1 ? providers.first : nil, presets: [settings.preset],
            repetitions: (trials.map(\.repetition).max() ?? 0) + 1, plannedTrials: trials.count, seed: 0, host: host,
            startedAt: observed.map(\.root.startDate).min() ?? now, finishedAt: now)
        let summary = RunSummary.summarizing(
            trials, manifest: manifest, mcpEnabled: !servers.isEmpty,
            mcpServer: servers.isEmpty ? nil : servers.sorted().joined(separator: ","))
        var notes: [String] = []
        let unreported = observed.reduce(0) { $0 + $1.chatsWithoutUsage }
        if unreported > 0 {
            notes.append("\(unreported) chat span\(unreported == 1 ? "" : "s") report no gen_ai.usage.input_tokens/output_tokens; their tokens count as 0")
        }
        return ImportedRun(manifest: manifest, trials: trials, transcripts: transcripts, summary: summary, notes: notes)
    }

    /// What the import read and how, kept as the manifest's plan: there is no gate.
    private func importPlan(traces: [Source], scores: Source?) -> JSONValue {
        let names = settings.attributes
        var section: [String: JSONValue] = [
            "format": "otlp_json", "files": .array(traces.map { .string($0.name) }), "preset": .string(settings.preset),
            "attributes": [
                "case_id": .string(names.caseID), "repetition": .string(names.repetition), "reward": .string(names.reward),
                "completed": .string(names.completed), "server": .string(names.server), "error_category": .string(names.errorCategory),
            ],
        ]
        if let scores { section["scores"] = .string(scores.name) }
        return ["import": .object(section)]
    }

    private static func mostCommon(_ names: [String]) -> String? {
        let counts = names.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
