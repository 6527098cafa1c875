import Foundation

/// Reads an RLM Code 0.1.13 benchmark summary (`.rlm_code/rlm/benchmarks/*.json`) as a read-only run.
///
/// Values are coerced the way RLM Code's compare reads them, so the judge reproduces its gates:
/// missing or null numbers are 0, numeric strings are parsed, `int()` truncates, case ids are
/// compared as strings, entries without a truthy id are skipped and a later duplicate id wins.
public enum RLMSummaryImporter {
    /// Whether a decoded JSON document looks like an RLM Code summary rather than a native
    /// summary or some other JSON (RLM Code writes its reports into the same folder).
    public static func recognizes(_ document: JSONValue) -> Bool {
        guard case .object(let members) = document, members["schema_version"] == nil else { return false }
        return members["benchmark_id"] != nil || members["case_results"] != nil
    }

    /// Reads the summary file at `path`; throws `StoreError` when it is unreadable or not a JSON object.
    public static func load(path: String) throws -> StoredRun {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw StoreError.unreadable(path: path, reason: error.localizedDescription)
        }
        guard let document = try? StableJSON.decoder().decode(JSONValue.self, from: data),
            case .object = document
        else {
            throw StoreError.malformed(path: path, line: nil, reason: "not a JSON object; expected an RLM Code benchmark summary")
        }
        return try importing(document, path: path)
    }

    /// The run an already decoded summary describes; `path` names it and gives the fallback id.
    public static func importing(_ document: JSONValue, path: String) throws -> StoredRun {
        let fileStem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let id = truthyString(document["benchmark_id"]) ?? fileStem
        let preset = truthyString(document["preset"]) ?? "rlm"
        let metrics = RunMetrics(
            totalCases: try integer(document["total_cases"], field: "total_cases", path: path),
            completedCases: try integer(document["completed_cases"], field: "completed_cases", path: path),
            attemptedCases: try integer(document["attempted_cases"], field: "attempted_cases", path: path),
            avgReward: try number(document["avg_reward"], field: "avg_reward", path: path),
            avgSteps: try number(document["avg_steps"], field: "avg_steps", path: path))
        var byCase: [String: TrialOutcome] = [:]
        var order: [String] = []
        var recorded = Set<CostFigure.Name>()
        for (index, entry) in (document["case_results"]?.arrayValue ?? []).enumerated() {
            guard case .object = entry, let caseID = truthyString(entry["case_id"]) else { continue }
            let field = "case_results[\(index)]"
            let outcome = TrialOutcome(
                // RLM Code matches cases by id alone, so imported trials share one empty preset.
                key: PairKey(preset: "", caseID: caseID, repetition: 0),
                completed: truthy(entry["completed"]),
                reward: try number(entry["total_reward"], field: "\(field).total_reward", path: path),
                steps: try integer(entry["steps"], field: "\(field).steps", path: path),
                promptTokens: entry["usage"]?["prompt_tokens"]?.intValue ?? 0,
                completionTokens: entry["usage"]?["completion_tokens"]?.intValue ?? 0,
                modelRequests: entry["usage"]?["total_calls"]?.intValue ?? 0,
                latency: (try? number(entry["duration_seconds"], field: "", path: path)) ?? 0,
                guardrailBlocked: (try? integer(entry["codemode_guardrail_blocked"], field: "", path: path)) ?? 0)
            if byCase[caseID] == nil { order.append(caseID) }
            byCase[caseID] = outcome
            recorded.formUnion(Self.recordedFigures(entry))
        }
        return StoredRun(
            id: id, source: .rlmCode, path: path, summaryPath: path,
            strategy: document["harness_strategy"]?.stringValue.flatMap(Strategy.init(rawValue:)),
            manifest: nil, summary: metrics, presets: [preset], trials: order.compactMap { byCase[$0] }, isFinished: true,
            cancelled: truthy(document["cancelled"]), cancelReason: nil,
            startedAt: timestamp(document["started_at"]),
            finishedAt: timestamp(document["finished_at"]) ?? idTimestamp(id), warnings: [],
            notRecorded: Set(CostFigure.Name.allCases).subtracting(recorded))
    }

    /// The cost figures one case result carries. RLM Code records usage and duration per case at
    /// most; cost, cached tokens and tool bytes never, so they are not recorded rather than 0.
    static func recordedFigures(_ entry: JSONValue) -> Set<CostFigure.Name> {
        var figures = Set<CostFigure.Name>()
        if let usage = entry["usage"] {
            if usage["prompt_tokens"]?.intValue != nil { figures.insert(.promptTokens) }
            if usage["completion_tokens"]?.intValue != nil { figures.insert(.completionTokens) }
            if usage["total_calls"]?.intValue != nil { figures.insert(.modelRequests) }
        }
        if entry["duration_seconds"]?.doubleValue != nil { figures.formUnion([.latencyP50, .latencyP95]) }
        return figures
    }

    /// Python truthiness of a JSON value.
    static func truthy(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: false
        case .bool(let flag)?: flag
        case .number(let number)?: number != 0
        case .string(let text)?: !text.isEmpty
        case .array(let items)?: !items.isEmpty
        case .object(let members)?: !members.isEmpty
        }
    }

    /// `str(value)` for a truthy id; whole numbers print without a fraction, as Python's ints do.
    static func truthyString(_ value: JSONValue?) -> String? {
        guard truthy(value), let value else { return nil }
        switch value {
        case .string(let text): return text
        case .number(let number):
            return number.rounded() == number && abs(number) < 9e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): return flag ? "True" : "False"
        default: return nil
        }
    }

    /// `float(value or 0.0)`.
    static func number(_ value: JSONValue?, field: String, path: String) throws -> Double {
        switch value {
        case nil, .null?: return 0
        case .number(let number)?: return number
        case .bool(let flag)?: return flag ? 1 : 0
        case .string(let text)?:
            if text.isEmpty { return 0 }
            if let number = Double(text.trimmingCharacters(in: .whitespaces)) { return number }
        default: break
        }
        throw StoreError.malformed(path: path, line: nil, reason: "\(field) is not a number")
    }

    /// `int(value or 0)`: numbers truncate; strings must be whole numbers.
    static func integer(_ value: JSONValue?, field: String, path: String) throws -> Int {
        if case .string(let text)? = value, !text.isEmpty {
            guard let whole = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw StoreError.malformed(path: path, line: nil, reason: "\(field) is not a whole number")
            }
            return whole
        }
        let number = try number(value, field: field, path: path)
        guard number.isFinite, abs(number) < 9e15 else {
            throw StoreError.malformed(path: path, line: nil, reason: "\(field) is out of range")
        }
        return Int(number)
    }

    static func timestamp(_ value: JSONValue?) -> Date? {
        guard let text = value?.stringValue else { return nil }
        return ISO8601Timestamp.parse(text)
    }

    /// RLM Code ids are `bench_%Y%m%d_%H%M%S_%f` in UTC: a recorded time when the file has no other.
    static func idTimestamp(_ id: String) -> Date? {
        let parts = id.split(separator: "_")
        guard parts.count == 4, parts[0] == "bench", parts[1].count == 8, parts[2].count == 6,
            let micros = Double(parts[3])
        else { return nil }
        let text = "\(parts[1].prefix(4))-\(parts[1].dropFirst(4).prefix(2))-\(parts[1].suffix(2))T"
            + "\(parts[2].prefix(2)):\(parts[2].dropFirst(2).prefix(2)):\(parts[2].suffix(2))Z"
        return ISO8601Timestamp.parse(text).map { $0.addingTimeInterval(micros / 1_000_000) }
    }
}
