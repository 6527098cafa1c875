import Foundation
import ModegateCore
import ModegateSandbox
import Synchronization
@testable import ModegateHarness

/// A trial player in process: it logs each trial's start and end, and holds every trial until
/// the test lets it go (or, with `holding: false`, finishes at once). `outcome` decides each
/// trial's record, so a test can make trials fail as a real run's would. Nothing sleeps: the
/// test waits for a count of trials to be running by yielding, and a cancelled trial (Ctrl-C)
/// comes back `cancelled` at once, as `TrialRunner`'s does.
final class HeldPlayer: TrialPlaying, Sendable {
    enum Event: Equatable, CustomStringConvertible {
        case start(String), end(String)
        var description: String {
            switch self {
            case .start(let key): "+\(key)"
            case .end(let key): "-\(key)"
            }
        }
    }

    private struct State {
        var events: [Event] = []
        var running = 0
        var mostRunning = 0
        var held: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())
    private let holding: Bool
    private let outcome: @Sendable (TrialSpec, Int) -> TrialError?

    /// A player that holds trials when `holding`; `outcome(spec, n)` is the n-th (from 1) trial's error.
    init(holding: Bool = false, outcome: @escaping @Sendable (TrialSpec, Int) -> TrialError? = { _, _ in nil }) {
        self.holding = holding
        self.outcome = outcome
    }

    /// `arm/case#repetition` of a trial.
    static func key(_ spec: TrialSpec) -> String { "\(spec.arm.role.rawValue)/\(spec.workloadCase.testCase.id)#\(spec.repetition)" }

    var events: [Event] { state.withLock { $0.events } }
    var started: [String] { events.compactMap { if case .start(let key) = $0 { key } else { nil } } }
    var running: Int { state.withLock { $0.running } }
    var mostRunning: Int { state.withLock { $0.mostRunning } }

    func play(_ spec: TrialSpec, runID: String) async -> PlayedTrial {
        let key = Self.key(spec)
        let (id, number) = state.withLock { state -> (Int, Int) in
            state.events.append(.start(key))
            state.running += 1
            state.mostRunning = max(state.mostRunning, state.running)
            state.nextID += 1
            return (state.nextID, state.events.filter { if case .start = $0 { true } else { false } }.count)
        }
        if holding {
            await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    let now = state.withLock { state -> Bool in
                        if Task.isCancelled { return true }
                        state.held[id] = continuation
                        return false
                    }
                    if now { continuation.resume() }
                }
            } onCancel: {
                state.withLock { $0.held.removeValue(forKey: id) }?.resume()
            }
        }
        let error = Task.isCancelled ? TrialError(category: .cancelled, message: "the run was interrupted") : outcome(spec, number)
        state.withLock { state in
            state.running -= 1
            state.events.append(.end(key))
        }
        return Self.played(spec, runID: runID, error: error)
    }

    /// Lets the longest-held trial finish.
    func releaseOne() {
        state.withLock { state in state.held.keys.min().flatMap { state.held.removeValue(forKey: $0) } }?.resume()
    }

    /// Waits (yielding, never sleeping) until `started` trials have started (any number, when
    /// nil) and `count` of them are held; false after a million yields, so a wrong expectation
    /// fails instead of spinning.
    func waitUntilHeld(_ count: Int, started: Int? = nil) async -> Bool {
        for _ in 0..<1_000_000 {
            let (held, begun) = state.withLock { state in (state.held.count, state.events.count { if case .start = $0 { true } else { false } }) }
            if held == count && (started == nil || started == begun) { return true }
            await Task.yield()
        }
        return false
    }

    static func played(_ spec: TrialSpec, runID: String, error: TrialError?) -> PlayedTrial {
        let at = Date(timeIntervalSince1970: 0)
        let workload = spec.workloadCase
        let record = TrialRecord(
            runID: runID, preset: workload.preset, caseID: workload.testCase.id, repetition: spec.repetition,
            strategy: spec.arm.strategy, completed: error == nil, reward: error == nil ? 1 : 0, steps: 1, error: error,
            startedAt: at, finishedAt: at)
        let transcript = TrialTranscript(
            runID: runID, arm: spec.arm.role, preset: workload.preset, caseID: workload.testCase.id,
            repetition: spec.repetition, strategy: spec.arm.strategy, provider: "scripted", format: "scripted",
            model: "scripted", exchanges: [])
        return PlayedTrial(record: record, transcript: transcript)
    }
}

/// An arm's recorder in memory that can refuse its n-th trial, as a full disk would.
final class MemoryRecorder: ArmRecording, Sendable {
    struct Refused: Error, CustomStringConvertible { var description: String { "no space left on device" } }

    let arm: ArmSettings
    let planned: Int
    private let recorded: Mutex<[TrialRecord]>
    private let refusing: Int?

    init(_ role: ArmRole, planned: Int, earlier: [TrialRecord] = [], refusing: Int? = nil) {
        arm = ArmSettings(role: role, strategy: role == .baseline ? .toolCall : .codemode, maxSteps: 5, discovery: false,
                          limits: SandboxLimits())
        self.planned = planned
        recorded = Mutex(earlier)
        self.refusing = refusing
    }

    var runID: String { "run-\(arm.role.rawValue)" }
    var logFolder: URL? { nil }
    var trials: [TrialRecord] { recorded.withLock { $0 } }

    func record(_ played: PlayedTrial) throws -> Int {
        try recorded.withLock { trials in
            if let refusing, trials.count + 1 == refusing { throw Refused() }
            trials.append(played.record)
            return trials.count
        }
    }

    func finish(at date: Date, stoppedBy reason: StopReason?, notes: ArmNotes) throws {}
}
