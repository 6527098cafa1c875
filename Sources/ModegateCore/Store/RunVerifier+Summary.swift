import Foundation

extension RunVerifier {
    /// At most this many differences of one summary are listed; the rest are counted.
    static let listedDifferences = 12

    /// Recomputes the summary from the results lines and compares every field. What the trials
    /// cannot give (how the arm reached its tools, why it stopped, its provenance, when it
    /// finished) is taken from the stored summary; the provenance is checked against the files.
    /// Returns the stored summary with its text (for the lines of later findings), nil for an
    /// unfinished run (no `summary.json`).
    func checkSummary(
        folder: URL, results: [TrialRecord], manifest: RunManifest, file: String, into report: inout RunVerification
    ) -> (summary: RunSummary, text: String)? {
        let stored: RunSummary
        do {
            guard let read = try NativeRunReader.readSummary(folder: folder) else {
                report.notes.append("\(file): none: the run did not finish (resume it with `modegate run GATE --resume \(manifest.runID)`), so there is no summary to check")
                return nil
            }
            stored = read
        } catch {
            report.findings.append(Self.finding(error, file: file))
            return nil
        }
        let recomputed = RunSummary.summarizing(
            results, manifest: manifest, mode: stored.mode, mcpEnabled: stored.mcpEnabled, mcpServer: stored.mcpServer,
            cancelled: stored.cancelled, cancelReason: stored.cancelReason, toolAPI: stored.toolAPI,
            toolWarnings: stored.toolWarnings ?? [], stoppedEarly: stored.stoppedEarly, provenance: stored.provenance)
        var differences: [(key: String, message: String)] = []
        if let recorded = Self.json(stored), var expected = Self.json(recomputed) {
            // When the run finished is the manifest's to say, stamped after the summary was made.
            if case .object(var members) = expected {
                members["finished_at"] = recorded["finished_at"]
                expected = .object(members)
            }
            Self.differences(recorded, expected, path: "", into: &differences)
        }
        let text = (try? String(contentsOf: folder.appendingPathComponent("summary.json"), encoding: .utf8)) ?? ""
        for difference in differences.prefix(Self.listedDifferences) {
            report.findings.append(VerifyFinding(path: file, line: Self.line(ofKey: difference.key, in: text), message: difference.message))
        }
        if differences.count > Self.listedDifferences {
            report.findings.append(VerifyFinding(path: file, message: "and \(differences.count - Self.listedDifferences) more fields differ from what results.jsonl gives"))
        }
        if differences.isEmpty { report.agreed.append("summary.json is what results.jsonl gives") }
        let finishedWhole = !stored.cancelled && stored.stoppedEarly == nil
        if finishedWhole, results.count < manifest.plannedTrials {
            report.findings.append(VerifyFinding(
                path: file, line: Self.line(ofKey: "total_cases", in: text),
                message: "the run finished, neither cancelled nor stopped early, with \(results.count) trials of the \(manifest.plannedTrials) its manifest plans"))
        }
        return (stored, text)
    }

    private static func json<T: Encodable>(_ value: T) -> JSONValue? {
        (try? StableJSON.data(value, pretty: false)).flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
    }

    /// Every place `recorded` and `expected` differ, by path; numbers within rounding agree.
    static func differences(_ recorded: JSONValue, _ expected: JSONValue, path: String, into found: inout [(key: String, message: String)]) {
        let top = path.split(separator: ".").first.map { String($0.split(separator: "[").first ?? $0) } ?? path
        switch (recorded, expected) {
        case (.object(let left), .object(let right)):
            for key in Set(left.keys).union(right.keys).sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                switch (left[key], right[key]) {
                case (let a?, let b?): differences(a, b, path: child, into: &found)
                case (let a?, nil) where a != .null:
                    found.append((top.isEmpty ? key : top, "\(child) is \(brief(a)); results.jsonl gives none"))
                case (nil, let b?) where b != .null:
                    found.append((top.isEmpty ? key : top, "\(child) is missing; results.jsonl gives \(brief(b))"))
                default: break
                }
            }
        case (.array(let left), .array(let right)):
            guard left.count == right.count else {
                found.append((top, "\(path) has \(left.count) entries; results.jsonl gives \(right.count)"))
                return
            }
            for (index, pair) in zip(left, right).enumerated() { differences(pair.0, pair.1, path: "\(path)[\(index)]", into: &found) }
        case (.number(let a), .number(let b)):
            if abs(a - b) > 1e-9 * max(1, abs(a), abs(b)) { found.append((top, "\(path) is \(brief(recorded)); results.jsonl gives \(brief(expected))")) }
        default:
            if recorded != expected { found.append((top, "\(path) is \(brief(recorded)); results.jsonl gives \(brief(expected))")) }
        }
    }

    private static func brief(_ value: JSONValue) -> String {
        let text = value.jsonText
        return text.count > 80 ? String(text.prefix(77)) + "…" : text
    }

    /// The 1-based line of a top-level key in a pretty-printed JSON file.
    static func line(ofKey key: String, in text: String) -> Int? {
        var number = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  \"\(key)\"") { return number }
            number += 1
        }
        return nil
    }
}
