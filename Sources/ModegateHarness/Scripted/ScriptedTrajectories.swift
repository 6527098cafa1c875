import Foundation
import ModegateCore
import ModegateSandbox
import Synchronization

/// The conversations the scripted tool-calling policy has already played, one per case: each
/// turn's calls with the results that came back, and the final answer.
///
/// The policy is a deterministic function of the tool results it has seen, so while a trial's
/// results equal the recorded ones its next turn is the recorded one and the reference program
/// need not run again. At the first difference (a fault, a changed tool) the program runs live,
/// fed the results already seen. The tools are still called every trial; only the model's
/// thinking is remembered.
final class ScriptedTrajectories: Sendable {
    struct Key: Hashable, Sendable {
        var preset: String
        var caseID: String
        var reference: String
    }

    struct Wave: Sendable {
        var calls: [ToolInvocation]
        /// The tool messages' text as the model saw it, compared on replay.
        var contents: [String]
        /// The same results as the program received them, fed back when a replay diverges.
        var results: [ToolResult]
    }

    struct Trajectory: Sendable {
        var waves: [Wave]
        var answer: String
    }

    private let recorded = Mutex<[Key: Trajectory]>([:])

    func trajectory(for key: Key) -> Trajectory? { recorded.withLock { $0[key] } }

    /// Keeps the first trajectory recorded for a case; later ones add nothing a replay needs.
    func record(_ trajectory: Trajectory, for key: Key) {
        recorded.withLock { recorded in
            if recorded[key] == nil { recorded[key] = trajectory }
        }
    }
}

/// Waves a program's calls are answered from without a model turn, while they repeat the ones
/// already played, in order.
final class PlayedWaves: Sendable {
    private let waves: Mutex<ArraySlice<(calls: [ToolInvocation], results: [ToolResult])>>

    init(_ waves: [(calls: [ToolInvocation], results: [ToolResult])]) { self.waves = Mutex(waves[...]) }

    /// The recorded results when this wave repeats the next played one; nil (and no more
    /// answers) once the program asks for anything else.
    func answer(_ wave: [ToolInvocation]) -> [ToolResult]? {
        waves.withLock { waves in
            guard let next = waves.first else { return nil }
            guard Self.same(next.calls, wave) else {
                waves = []
                return nil
            }
            waves.removeFirst()
            return next.results
        }
    }

    /// Call ids are the program's own numbering; a call is the same when its tool and arguments are.
    static func same(_ a: [ToolInvocation], _ b: [ToolInvocation]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.name == $1.name && $0.arguments == $1.arguments }
    }
}
