import Foundation
import Testing
@testable import ModegateCore

/// The adoption figures of one server in a trial's calls, and their sums over an arm.
@Suite struct ServerAdoptionTests {
    static func call(_ name: String, server: String?, at: Double, error: Bool = false, reply: String = "ok") -> ToolCallTrace {
        var trace = ToolCallTrace(name: name, arguments: [:], isError: error, reply: reply, turn: 1, at: at)
        trace.server = server
        return trace
    }

    @Test func aTrialsCallsGiveEveryFigure() {
        // read, read, git, git (0.4 s later: a burst), read, git (5 s later: alone), git (0.2 s: a second burst)
        let calls = [
            Self.call("read_file", server: nil, at: 0.0), Self.call("read_file", server: nil, at: 0.5),
            Self.call("git_log", server: "git", at: 1.0, reply: "12345"), Self.call("git_show", server: "git", at: 1.4, error: true, reply: "no"),
            Self.call("read_file", server: nil, at: 2.0),
            Self.call("git_log", server: "git", at: 7.0), Self.call("git_diff", server: "git", at: 7.2),
        ]
        let figures = ServerAdoption(server: "git", calls: calls, modelRequests: 4)
        #expect(figures.calls == 4 && figures.otherCalls == 3)
        #expect(figures.share == 4.0 / 7.0)
        #expect(figures.callsPerTurn == 7.0 / 4.0)
        #expect(figures.callsBeforeFirst == 2)
        #expect(figures.longestStreakWithout == 2)
        #expect(figures.bursts == 2)
        #expect(figures.resultBytes == 5 + 2 + 2 + 2)
        #expect(figures.errorCalls == 1)
        #expect(figures.inferenceRounds == 4)
    }

    @Test func aServerNeverCalledHasNoFirstCallAndTheWholeTrialAsItsStreak() {
        let calls = (0..<5).map { Self.call("read_file", server: nil, at: Double($0)) }
        let figures = ServerAdoption.of(servers: ["git"], calls: calls, modelRequests: 3)["git"]
        #expect(figures?.calls == 0 && figures?.callsBeforeFirst == nil && figures?.longestStreakWithout == 5 && figures?.share == 0)

        var totals = ServerAdoptionTotals()
        totals.add(try! #require(figures))
        totals.add(ServerAdoption(server: "git", calls: [Self.call("read_file", server: nil, at: 0), Self.call("git_log", server: "git", at: 1)], modelRequests: 2))
        #expect(totals.trials == 2 && totals.trialsUsing == 1)
        #expect(totals.share == 1.0 / 7.0)
        #expect(totals.meanCallsBeforeFirst == 1)
        #expect(totals.longestStreakWithout == 5)
        let json = String(decoding: try! StableJSON.data(totals, pretty: false), as: UTF8.self)
        #expect(json.contains("\"trials_using\":1") && json.contains("\"calls_before_first_sum\":1"))
        #expect(try! StableJSON.decoder().decode(ServerAdoptionTotals.self, from: Data(json.utf8)) == totals)
    }
}
