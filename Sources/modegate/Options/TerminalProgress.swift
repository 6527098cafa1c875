import Foundation
import ModegateHarness
import Synchronization

/// Progress on stderr: one line redrawn in place on a terminal (trials done/total per arm,
/// elapsed, ETA); otherwise a plain line at every tenth of an arm.
final class TerminalProgress: ProgressSink, Sendable {
    /// The arms' counts and the clock the line is drawn from.
    private struct State {
        var arms: [(name: String, done: Int, total: Int)] = []
        var started = Date()
        var lastTenth: [String: Int] = [:]

        var line: String {
            let elapsed = Date().timeIntervalSince(started)
            let done = arms.reduce(0) { $0 + $1.done }
            let total = arms.reduce(0) { $0 + $1.total }
            let eta = done > 0 && total > done ? elapsed / Double(done) * Double(total - done) : 0
            let parts = arms.map { "\($0.name) \($0.done)/\($0.total)" }.joined(separator: "  ")
            return "\(parts)  elapsed \(TerminalProgress.format(elapsed))" + (eta > 0 ? "  eta \(TerminalProgress.format(eta))" : "")
        }
    }

    private let interactive: Bool
    private let state = Mutex(State())

    /// The command that finishes an interrupted run, from a run's id (nil: no such command).
    private let resumeCommand: (@Sendable (String) -> String)?

    init(interactive: Bool, resumeCommand: (@Sendable (String) -> String)? = nil) {
        self.interactive = interactive
        self.resumeCommand = resumeCommand
    }

    /// A forced exit (a second Ctrl-C) still says how to finish the run.
    func opened(runs: [String]) {
        guard let resumeCommand, let last = runs.last else { return }
        SignalWatch.shared.setExitNote("finished trials are kept; finish with `\(resumeCommand(last))`")
    }

    func started(arms: [(name: String, total: Int)]) {
        state.withLock { state in
            state.arms = arms.map { ($0.name, 0, $0.total) }
            state.started = Date()
        }
        message("running \(arms.map { "\($0.name) \($0.total)" }.joined(separator: ", ")) trials")
    }

    func finished(arm: String, done: Int, total: Int) {
        let (line, report, complete) = state.withLock { state in
            if let index = state.arms.firstIndex(where: { $0.name == arm }) { state.arms[index].done = done }
            let tenth = total > 0 ? done * 10 / total : 10
            let report = interactive || tenth != state.lastTenth[arm] || done == total
            state.lastTenth[arm] = tenth
            return (state.line, report, state.arms.allSatisfy { $0.done >= $0.total })
        }
        guard report else { return }
        if interactive {
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
            if complete { FileHandle.standardError.write(Data("\n".utf8)) }
        } else {
            FileHandle.standardError.write(Data("modegate: \(line)\n".utf8))
        }
    }

    func message(_ text: String) {
        FileHandle.standardError.write(Data("modegate: \(text)\n".utf8))
    }

    static func format(_ seconds: Double) -> String {
        seconds < 60 ? String(format: "%.1fs", seconds) : String(format: "%dm%02ds", Int(seconds) / 60, Int(seconds) % 60)
    }
}
