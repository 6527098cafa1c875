import ModegateCore

/// The page's data: one JSON object embedded in a `<script type="application/json">` element,
/// from which the page's script draws the case table and the case panels. Keys are short because
/// a 10,000-case run repeats them 10,000 times:
///
/// - `files`: transcript paths; trials name theirs by index.
/// - `cases[]`: one row per paired case: `id` (`preset/case`), `preset`, `case`, `pairs`, `dr` and
///   `dc` (mean reward and completion deltas), `b` and `c` (baseline and candidate:
///   `[mean reward, completion rate, mean steps, mean tokens, mean seconds, trials with an error,
///   failed tool calls, repetitions]`), `f` (the `CaseFilter`s it matches besides `all`), `d`
///   (true when `details` has it) and, for a case not embedded in full, `t`: per arm
///   (`b`, `c`) its trials as `[repetition, completed 0/1, reward, steps, file, line, error]`.
/// - `details`: by case id, the embedded cases: `reps[]` with both arms' full trials and where
///   they part, and `flaky` (both arms' flakiness).
/// - `selection`: `limit`, `embedded`, `repetitions` (the most embedded in full per case) and `telling_left_out` (`TranscriptSelection`).
struct ReportPayload {
    let evidence: ReportEvidence

    /// The payload's JSON value.
    func json() -> JSONValue {
        var files: [String] = []
        var fileIndex: [String: Int] = [:]
        func file(_ location: TranscriptLocation?) -> JSONValue {
            guard let location else { return .null }
            if let index = fileIndex[location.path] { return .number(Double(index)) }
            fileIndex[location.path] = files.count
            files.append(location.path)
            return .number(Double(files.count - 1))
        }
        var rows: [JSONValue] = []
        var details: [String: JSONValue] = [:]
        for item in evidence.cases {
            let embedded = evidence.selection.contains(item.name)
            var row: [String: JSONValue] = [
                "id": .string(item.name), "preset": .string(item.preset), "case": .string(item.caseID),
                "pairs": .number(Double(item.pairs)), "dr": Self.number(item.rewardDelta), "dc": Self.number(item.completionDelta),
                "b": Self.arm(item.baseline), "c": Self.arm(item.candidate),
                "f": .array(CaseFilter.allCases.filter { $0 != .all && $0.matches(item) }.map { .string($0.rawValue) }),
                "d": .bool(embedded),
            ]
            if embedded {
                details[item.name] = detail(item) { Self.compact($0, file: file($0.transcript)) }
            } else {
                row["t"] = [
                    "b": .array(item.baseline.map { Self.compact($0, file: file($0.transcript)) }),
                    "c": .array(item.candidate.map { Self.compact($0, file: file($0.transcript)) }),
                ]
            }
            rows.append(.object(row))
        }
        return [
            "files": .array(files.map(JSONValue.string)),
            "cases": .array(rows),
            "details": .object(details),
            "selection": [
                "limit": .number(Double(evidence.selection.limit)),
                "embedded": .number(Double(evidence.selection.cases.count)),
                "repetitions": .number(Double(evidence.selection.repetitionLimit)),
                "telling_left_out": .number(Double(evidence.selection.tellingLeftOut)),
            ],
        ]
    }

    /// An arm's figures over a case's trials.
    static func arm(_ trials: [TrialEvidence]) -> JSONValue {
        let figures = ArmFigures(trials)
        let failedCalls = trials.reduce(0) { $0 + ($1.toolCalls?.filter(\.isError).count ?? 0) }
        return .array([
            number(figures.meanReward), number(figures.completionRate), number(figures.meanSteps), number(figures.meanTokens),
            number(figures.meanSeconds), .number(Double(figures.errors)), .number(Double(failedCalls)), .number(Double(trials.count)),
        ])
    }

    /// A trial of a case not embedded in full: its outcome and where its transcript is.
    static func compact(_ trial: TrialEvidence, file: JSONValue) -> JSONValue {
        .array([
            .number(Double(trial.repetition)), .number(trial.completed ? 1 : 0), number(trial.reward), .number(Double(trial.steps)),
            file, trial.transcript.map { .number(Double($0.line)) } ?? .null,
            trial.error.map { .string("\($0.category.rawValue): \(Conversation.cut($0.message))") } ?? .null,
        ])
    }

    /// An embedded case: per repetition the selection keeps, both trials in full and their
    /// divergence; the other repetitions as compact trials (`more`) that name their transcripts.
    func detail(_ item: CaseExplanation, compact: (TrialEvidence) -> JSONValue) -> JSONValue {
        let candidate = Dictionary(item.candidate.map { ($0.repetition, $0) }, uniquingKeysWith: { _, last in last })
        let divergences = Dictionary(item.divergences.map { ($0.repetition, $0) }, uniquingKeysWith: { _, last in last })
        let repetitions = evidence.selection.repetitions(of: item)
        let kept = Set(repetitions)
        let baseline = Dictionary(item.baseline.map { ($0.repetition, $0) }, uniquingKeysWith: { _, last in last })
        let reps: [JSONValue] = repetitions.map { repetition in
            var rep: [String: JSONValue] = ["rep": .number(Double(repetition))]
            if let trial = baseline[repetition] { rep["baseline"] = full(trial) }
            if let trial = candidate[repetition] { rep["candidate"] = full(trial) }
            if let divergence = divergences[repetition] { rep["divergence"] = Self.divergence(divergence) }
            return .object(rep)
        }
        return [
            "reps": .array(reps),
            "more": [
                "b": .array(item.baseline.filter { !kept.contains($0.repetition) }.map(compact)),
                "c": .array(item.candidate.filter { !kept.contains($0.repetition) }.map(compact)),
            ],
            "flaky": ["baseline": Self.flakiness(item.baselineFlakiness), "candidate": Self.flakiness(item.candidateFlakiness)],
        ]
    }

    /// A trial with everything the panel shows.
    func full(_ trial: TrialEvidence) -> JSONValue {
        var object: [String: JSONValue] = [
            "completed": .bool(trial.completed), "reward": Self.number(trial.reward), "steps": .number(Double(trial.steps)),
            "tokens": .number(Double(trial.tokens)), "seconds": Self.number(trial.seconds), "cost": Self.number(trial.cost),
        ]
        if let answer = trial.finalAnswer { object["answer"] = .string(Conversation.cut(answer.jsonText)) }
        if let score = trial.scoreDetail { object["score"] = .string(Conversation.cut(score.jsonText)) }
        if let error = trial.error { object["error"] = .string("\(error.category.rawValue): \(Conversation.cut(error.message))") }
        if let failure = trial.firstProgramFailure { object["program_failure"] = .string(failure) }
        if let calls = trial.toolCalls {
            object["calls"] = .array(calls.map { call in
                var entry: [String: JSONValue] = ["name": .string(call.name), "args": .string(call.arguments)]
                if call.isError { entry["error"] = .string(call.error ?? "error") }
                return .object(entry)
            })
        }
        if let location = trial.transcript {
            object["transcript"] = .string(location.description)
            if let conversation = evidence.conversations[location] { object["conversation"] = Self.conversation(conversation) }
        }
        return .object(object)
    }

    static func conversation(_ conversation: Conversation) -> JSONValue {
        [
            "messages": .array(conversation.messages.map { message in
                var entry: [String: JSONValue] = ["role": .string(message.role), "text": .string(message.text)]
                if !message.toolCalls.isEmpty { entry["calls"] = .array(message.toolCalls.map { .string(Conversation.cut($0)) }) }
                if message.isError { entry["error"] = .bool(true) }
                return .object(entry)
            }),
            "omitted": .number(Double(conversation.omittedMessages)),
            "requests": .number(Double(conversation.requests)),
            "failed_requests": .array(conversation.failedRequests.map(JSONValue.string)),
            "model": .string("\(conversation.provider) \(conversation.model)"),
        ]
    }

    static func divergence(_ divergence: TrajectoryDivergence) -> JSONValue {
        var object: [String: JSONValue] = [:]
        if let split = divergence.firstDifferingCall {
            object["split"] = .number(Double(split.index))
        }
        if let failed = divergence.baselineFirstFailedCall { object["baseline_failed"] = .number(Double(failed.index)) }
        if let failed = divergence.candidateFirstFailedCall { object["candidate_failed"] = .number(Double(failed.index)) }
        return .object(object)
    }

    static func flakiness(_ arm: ArmFlakiness) -> JSONValue {
        [
            "repetitions": .number(Double(arm.repetitions)), "completed": .number(Double(arm.completed)),
            "min_reward": number(arm.minReward), "max_reward": number(arm.maxReward), "disagreement": number(arm.disagreement),
        ]
    }

    /// Four decimals: enough to read, and a 10,000-case page is not full of `0.30000000000000004`.
    static func number(_ value: Double) -> JSONValue {
        value.isFinite ? .number((value * 10_000).rounded() / 10_000) : .null
    }
}
