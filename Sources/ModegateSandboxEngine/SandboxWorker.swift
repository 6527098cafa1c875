import Foundation
import ModegateCore
#if canImport(Glibc)
import Glibc
import ModegateSandbox
#endif

/// The entry the `modegate __sandbox-worker` command finds with `dlsym`: the engine lives in this
/// separately loaded library so that only worker processes load JavaScriptCore, whose start-up
/// would otherwise add ~10 ms to every modegate command.
@_cdecl("modegate_sandbox_worker_main")
public func modegateSandboxWorkerMain(_ memoryMB: Int32) {
    SandboxWorker.main(memoryMB: Int(memoryMB))
}

/// The worker process: `modegate __sandbox-worker --memory-mb N`. It starts the engine, then
/// limits itself (address space, no file writes), then runs programs sent as JSON lines on
/// stdin, answering on stdout. It never returns.
enum SandboxWorker {
    static func main(memoryMB: Int) -> Never {
        signal(SIGPIPE, SIG_IGN)
        // WebAssembly is a second compiler and memory model we do not need to trust.
        setenv("JSC_useWasm", "0", 1)
        // The protocol owns the real stdout; anything else that prints goes to stderr instead.
        let protocolOutput = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        let channel = LineChannel(input: STDIN_FILENO, output: protocolOutput)
        let engine = ProgramEngine()
        let startSize = ResourceLimits.currentAddressSpace() ?? 0
        ResourceLimits.applyAfterEngineStart(memoryMB: memoryMB)
        let encoder = StableJSON.encoder(pretty: false)
        let decoder = StableJSON.decoder()
        func send(_ message: WorkerMessage) {
            guard let data = try? encoder.encode(message), channel.writeLine(data) else { exit(0) }
        }
        engine.prepareForNextProgram()
        send(.ready)
        while let line = channel.readLine() {
            guard case .run(let program, let tools, let limits)? = try? decoder.decode(HostMessage.self, from: line) else {
                continue
            }
            let finished = engine.run(program: program, tools: tools, limits: limits) { calls in
                guard channel.writeLine(WaveLine.encode(calls)) else { exit(0) }
                return channel.readLine(spinning: true)
            }
            // The engine's address space only grows (freed memory stays reserved), and running out
            // of it inside the engine can crash the process instead of raising a catchable error;
            // a worker that has used half its headroom is replaced before that can happen.
            let grown = (ResourceLimits.currentAddressSpace() ?? 0)
                > startSize + (UInt64(memoryMB) << 20) + ResourceLimits.engineSlack / 2
            let recycle = finished.recycle || grown
            send(.done(outcome: finished.outcome, logs: finished.logs, logsTruncated: finished.logsTruncated,
                       recycle: recycle))
            if recycle { exit(0) }
            engine.prepareForNextProgram()
        }
        exit(0)
    }
}

/// The `wave` message, written by hand around the arguments' JSON as the engine produced it.
enum WaveLine {
    static func encode(_ calls: [ProgramSession.PendingCall]) -> Data {
        var text = #"{"calls":["#
        for (index, call) in calls.enumerated() {
            if index > 0 { text += "," }
            text += #"{"arguments":"# + call.argumentsJSON + #","id":"# + String(call.id) + #","name":"#
            JSONValue.writeString(call.name, to: &text)
            text += "}"
        }
        text += #"],"type":"wave"}"#
        return Data(text.utf8)
    }
}
