import ModegateCore
import ModegateSandbox
import Synchronization

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
