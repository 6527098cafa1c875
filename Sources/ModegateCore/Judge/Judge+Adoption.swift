import Foundation

extension Judge {
    /// The gates of `thresholds.server_adoption`, on the candidate's totals per server. A server
    /// the candidate was never offered fails its gates: the threshold names the wrong server,
    /// or the arm lost it, and either way the evidence is not there.
    func adoptionGates(candidate: StoredRun) -> [GateResult] {
        var gates: [GateResult] = []
        for (server, limits) in thresholds.serverAdoption.sorted(by: { $0.key < $1.key }) {
            let totals = candidate.serverAdoption?[server]
            func gate(_ name: GateResult.Name, _ threshold: Double?, _ comparison: GateResult.Comparison,
                      _ value: (ServerAdoptionTotals) -> Double?, _ what: (ServerAdoptionTotals) -> String) {
                guard let threshold else { return }
                var result: GateResult
                if let totals, let observed = value(totals) {
                    let passed = comparison == .atLeast ? observed >= threshold - Self.tolerance : observed <= threshold + Self.tolerance
                    let verb = switch (comparison, passed) {
                    case (.atLeast, true): "meets the minimum"
                    case (.atLeast, false): "misses the minimum"
                    case (.atMost, true): "within the maximum"
                    case (.atMost, false): "exceeds the maximum"
                    }
                    result = GateResult(
                        name: name, status: passed ? .pass : .fail, observed: observed, threshold: threshold, comparison: comparison,
                        detail: "\(what(totals)): \(Self.percent(observed)) \(verb) \(Self.percent(threshold))")
                } else {
                    result = GateResult(
                        name: name, status: totals == nil ? .fail : .pass, observed: .nan, threshold: threshold, comparison: comparison,
                        detail: totals == nil ? "the candidate run was not offered MCP server \(server)" : "server \(server) had no calls to judge")
                }
                result.server = server
                gates.append(result)
            }
            gate(.serverShare, limits.minShare, .atLeast, { $0.share },
                 { "\($0.calls) of \($0.calls + $0.otherCalls) candidate tool calls went to \(server)" })
            gate(.serverTrialsUsing, limits.minTrialsUsing, .atLeast, { $0.trials == 0 ? nil : Double($0.trialsUsing) / Double($0.trials) },
                 { "\($0.trialsUsing) of \($0.trials) candidate trials called \(server)" })
            // With no calls there is no error rate; a gate on it passes vacuously, and min_share says the rest.
            gate(.serverErrorRate, limits.maxErrorRate, .atMost, { $0.calls == 0 ? nil : Double($0.errorCalls) / Double($0.calls) },
                 { "\($0.errorCalls) of \($0.calls) calls to \(server) failed" })
        }
        return gates
    }

    private static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}
