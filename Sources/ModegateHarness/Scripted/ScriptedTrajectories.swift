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
        /// The tools the trial is offered: a reference may branch on them (`if (tools.git_log)`),
        /// so an arm with an added server plays a conversation of its own.
        var toolNames: [String]
        /// The turn of a multi-turn case (0 first): each turn's program plays its own conversation.
        var turn = 0
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
