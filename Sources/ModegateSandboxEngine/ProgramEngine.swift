import CJavaScriptCore
import Foundation
import ModegateCore
import ModegateSandbox

/// Runs programs in JavaScriptCore on the thread that created it; every engine object stays on
/// that thread. Each program gets a fresh global context in one long-lived context group, so
/// nothing a program defines or pollutes survives into the next.
final class ProgramEngine {
    struct Finished {
        var outcome: SandboxOutcome
        var logs: [String]
        var logsTruncated: Bool
        /// The worker should be replaced (after running out of memory its heap may stay large).
        var recycle: Bool
    }

    /// Sends a wave of calls to the host and returns its raw `results` line; nil when the host is gone.
    typealias Exchange = ([ProgramSession.PendingCall]) -> Data?

    /// The program's body goes inside an async arrow function, on the same first line, so its
    /// line numbers are the program's own and top-level `await` and `return` work.
    static let prefix = "(async () => {"
    static let suffix = "\n})"

    private let group: JSContextGroupRef
    private let watchdog = Watchdog()
    /// A context kept for the engine's own use: starting it starts the engine, and it is the
    /// handle for collecting garbage between programs.
    private let housekeeping: JSGlobalContextRef
    /// The next program's session, prepared while the worker waits (creating a context and
    /// setting it up costs about 0.3 ms, which would otherwise sit on every program's path).
    private var spare: ProgramSession?

    init() {
        group = JSContextGroupCreate()
        // Start the engine now, before the memory limit: its start-up reserves a large address range.
        housekeeping = JSGlobalContextCreateInGroup(group, nil)
        _ = JSString.with("1 + 1") { JSEvaluateScript(housekeeping, $0, nil, nil, 1, nil) }
    }

    /// Frees what finished programs left behind and prepares the next program's context. Called
    /// after the result is sent, so the host never waits for either.
    func prepareForNextProgram() {
        JSGarbageCollect(housekeeping)
        if spare == nil, let context = JSGlobalContextCreateInGroup(group, nil) { spare = ProgramSession(context: context) }
    }

    func run(program: String, tools: [String], limits: SandboxLimits, exchange: Exchange) -> Finished {
        let session = spare ?? ProgramSession(context: JSGlobalContextCreateInGroup(group, nil)!)
        spare = nil
        session.begin(tools: tools, limits: limits)
        defer { session.close() }
        watchdog.start(budget: limits.cpuSeconds)
        let outcome = execute(program, session: session, exchange: exchange)
        let recycle = outcome == .outOfMemory
        return Finished(outcome: outcome, logs: session.logs, logsTruncated: session.logsTruncated, recycle: recycle)
    }

    private func execute(_ program: String, session: ProgramSession, exchange: Exchange) -> SandboxOutcome {
        let context = session.context
        var exception: JSValueRef?
        let source = Self.prefix + program + Self.suffix
        let function = watchdog.enter(group) {
            JSString.with(source) { script in
                JSString.with("program.js") { JSEvaluateScript(context, script, nil, $0, 1, &exception) }
            }
        }
        if let exception {
            let error = EngineException(context: context, value: exception)
            if error.name == "SyntaxError" { return syntaxError(program, error: error, exception: exception, context: context) }
            return outcome(rejection: exception, session: session)
        }
        guard let function = EngineValues.object(context, function) else {
            return .exception(name: "Error", message: "the program did not compile to a function", stack: "")
        }
        let promise = watchdog.enter(group) { JSObjectCallAsFunction(context, function, nil, 0, nil, &exception) }
        if let exception { return outcome(rejection: exception, session: session) }
        guard let promise else { return .value(.null) }
        session.observe(promise)
        var wave = 0
        while true {
            if watchdog.fired { return .timeout(.cpu) }
            if let reason = session.blockedReason { return .guardrailBlocked(reason: reason) }
            switch session.settlement {
            case .fulfilled(let value): return outcome(value: value, session: session)
            case .rejected(let reason): return outcome(rejection: reason, session: session)
            case .pending: break
            }
            guard !session.pending.isEmpty else { return .stalled }
            let calls = session.pending
            session.pending.removeAll()
            wave += 1
            guard let line = exchange(calls), let results = ResultsLine(line, context: session.context),
                results.count == calls.count
            else {
                return .workerFailure("the host stopped answering tool calls")
            }
            deliver(results, to: calls, session: session)
        }
    }

    /// Settles a wave's promises in one entry into the engine (one watchdog arming, one drain of
    /// the program's reactions) rather than one entry per call, which cost more than the calls.
    private func deliver(_ results: ResultsLine, to calls: [ProgramSession.PendingCall], session: ProgramSession) {
        let context = session.context
        var settlers: [JSValueRef?] = []
        var values: [JSValueRef?] = []
        settlers.reserveCapacity(calls.count)
        values.reserveCapacity(calls.count)
        for (index, call) in calls.enumerated() {
            switch results.result(at: index) {
            case .success(let value):
                settlers.append(call.resolve)
                values.append(value)
            case .failure(let message):
                settlers.append(call.reject)
                values.append(session.makeToolError(tool: call.name, message: message))
            }
        }
        guard let settleAll = session.settleAll else { return }
        var arguments: [JSValueRef?] = [
            JSObjectMakeArray(context, settlers.count, settlers, nil), JSObjectMakeArray(context, values.count, values, nil),
        ]
        _ = watchdog.enter(group) { JSObjectCallAsFunction(context, settleAll, nil, 2, &arguments, nil) }
    }

    private func outcome(value: JSValueRef, session: ProgramSession) -> SandboxOutcome {
        let text: String
        do {
            text = try EngineValues.json(session.context, value) ?? "null"
        } catch let error as EngineException {
            if Self.isOutOfMemory(error) { return .outOfMemory }
            return .exception(name: error.name, message: "the result is not JSON: \(error.message)", stack: error.stack)
        } catch {
            return .exception(name: "Error", message: "the result is not JSON", stack: "")
        }
        let bytes = text.utf8.count
        if bytes > session.limits.maxOutputBytes { return .outputTooLarge(bytes: bytes, limit: session.limits.maxOutputBytes) }
        do {
            return .value(try StableJSON.decoder().decode(JSONValue.self, from: Data(text.utf8)))
        } catch {
            return .exception(name: "Error", message: "the result could not be read back: \(error)", stack: "")
        }
    }

    private func outcome(rejection: JSValueRef, session: ProgramSession) -> SandboxOutcome {
        if watchdog.fired { return .timeout(.cpu) }
        if let failure = session.toolError(for: rejection) { return .toolError(tool: failure.tool, message: failure.message) }
        let error = EngineException(context: session.context, value: rejection)
        if Self.isOutOfMemory(error) { return .outOfMemory }
        return .exception(name: error.name, message: error.message, stack: error.stack)
    }

    static func isOutOfMemory(_ error: EngineException) -> Bool {
        error.name == "RangeError" && error.message.lowercased().contains("out of memory")
    }

    private func syntaxError(_ program: String, error: EngineException, exception: JSValueRef, context: JSContextRef) -> SandboxOutcome {
        let reportedLine = EngineValues.object(context, exception)
            .flatMap { EngineValues.property(context, $0, "line") }
            .map { Int(JSValueToNumber(context, $0, nil)) } ?? 1
        // An error on the wrapper's closing line means the program ended too early.
        let programLines = program.split(separator: "\n", omittingEmptySubsequences: false).count
        if reportedLine > programLines {
            let end = SyntaxPosition.end(of: program)
            return .syntaxError(line: end.line, column: end.column, message: "Unexpected end of the program")
        }
        let position = SyntaxPosition.locate(program: program, reportedLine: reportedLine) { prefix in
            self.checkSyntax(Self.prefix + prefix, context: context)
        }
        return .syntaxError(line: position.line, column: position.column, message: error.message)
    }

    /// The engine's parse error for `source`, or nil when it parses.
    private func checkSyntax(_ source: String, context: JSContextRef) -> String? {
        var exception: JSValueRef?
        let valid = JSString.with(source) { JSCheckScriptSyntax(context, $0, nil, 1, &exception) }
        if valid { return nil }
        return exception.map { EngineException(context: context, value: $0).message } ?? "syntax error"
    }
}
