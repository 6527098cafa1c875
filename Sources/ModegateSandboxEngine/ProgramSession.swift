import CJavaScriptCore
import Foundation
import ModegateCore
import ModegateSandbox

/// One program's life in the engine: a fresh global context, the `tools` and `console` it sees,
/// the calls it has pending and how it settled. Lives and dies on the engine's thread.
final class ProgramSession {
    enum Settlement {
        case pending
        case fulfilled(JSValueRef)
        case rejected(JSValueRef)
    }

    struct PendingCall {
        var id: Int
        var name: String
        /// The arguments exactly as the engine serialized them; the host parses them once.
        var argumentsJSON: String
        var resolve: JSObjectRef
        var reject: JSObjectRef
    }

    let context: JSGlobalContextRef
    /// Set by `begin`, when the program arrives.
    private(set) var limits = SandboxLimits()
    private(set) var natives: [NativeFunction] = []
    private(set) var settlement = Settlement.pending
    var pending: [PendingCall] = []
    private(set) var callsMade = 0
    private(set) var blockedReason: String?
    private(set) var logs: [String] = []
    private(set) var logBytes = 0
    private(set) var logsTruncated = false
    /// Errors we threw for failed tools, to tell an uncaught tool failure from other exceptions.
    private var toolErrors: [(error: JSObjectRef, tool: String, message: String)] = []
    private var protected: [JSValueRef] = []
    /// `Promise.prototype.then` as it was before the program could replace it.
    private var then: JSObjectRef?
    private var functionPrototype: JSObjectRef?
    /// `(settlers, values) => settlers[i](values[i])` for every i, compiled before the program
    /// runs: settles a whole wave in one entry into the engine.
    private(set) var settleAll: JSObjectRef?

    /// A session in `context`, a fresh global context no program has used, prepared as far as
    /// possible before the program arrives (the worker does this while it waits).
    init(context: JSGlobalContextRef) {
        self.context = context
        JSString.with("eval and new Function are disabled in the sandbox") {
            JSGlobalContextSetEvalEnabled(context, false, $0)
        }
        let global = JSContextGetGlobalObject(context)!
        // `WebAssembly` is absent already (the worker starts the engine with JSC_useWasm=0), and
        // `console` is replaced below; deleting them would only make the engine build them first.
        then = EngineValues.object(context, EngineValues.property(context, global, "Promise"))
            .flatMap { EngineValues.object(context, EngineValues.property(context, $0, "prototype")) }
            .flatMap { EngineValues.object(context, EngineValues.property(context, $0, "then")) }
        if let then { keep(then) }
        functionPrototype = EngineValues.object(context, EngineValues.property(context, global, "Function"))
            .flatMap { EngineValues.object(context, EngineValues.property(context, $0, "prototype")) }
        installConsole(on: global)
        let source = "(function (settlers, values) { for (let i = 0; i < settlers.length; i++) settlers[i](values[i]); })"
        settleAll = EngineValues.object(context, JSString.with(source) { JSEvaluateScript(context, $0, nil, nil, 1, nil) })
        if let settleAll { keep(settleAll) }
    }

    /// Makes the program's tools and limits its own.
    func begin(tools: [String], limits: SandboxLimits) {
        self.limits = limits
        install(tools: tools, on: JSContextGetGlobalObject(context)!)
    }

    /// Releases the context and everything protected in it; the session is unusable afterwards.
    /// The garbage it leaves is collected by the engine after the host has its answer.
    func close() {
        for value in protected { JSValueUnprotect(context, value) }
        protected.removeAll()
        JSGlobalContextRelease(context)
        natives.removeAll()
    }

    func keep(_ value: JSValueRef) {
        JSValueProtect(context, value)
        protected.append(value)
    }

    /// A host function that behaves like a JavaScript one (it has `call`, `apply` and `bind`).
    func native(_ body: @escaping NativeFunction.Body) -> JSObjectRef {
        let function = NativeFunction(body)
        natives.append(function)
        let object = function.makeObject(in: context)
        if let functionPrototype { JSObjectSetPrototype(context, object, functionPrototype) }
        return object
    }

    /// Watches a promise with the original `then`, so a program that replaces `then` cannot hide its result.
    func observe(_ promise: JSValueRef) {
        let fulfilled = native { [unowned self] _, arguments, _ in
            let value = arguments.first ?? JSValueMakeUndefined(self.context)!
            self.keep(value)
            self.settlement = .fulfilled(value)
            return nil
        }
        let rejected = native { [unowned self] _, arguments, _ in
            let value = arguments.first ?? JSValueMakeUndefined(self.context)!
            self.keep(value)
            self.settlement = .rejected(value)
            return nil
        }
        guard let then, let promiseObject = EngineValues.object(context, promise) else {
            settlement = .fulfilled(promise)
            return
        }
        var handlers: [JSValueRef?] = [fulfilled, rejected]
        JSObjectCallAsFunction(context, then, promiseObject, 2, &handlers, nil)
    }

    /// The tool failure a rejection came from, when it is one of ours.
    func toolError(for value: JSValueRef) -> (tool: String, message: String)? {
        toolErrors.first { JSValueIsStrictEqual(context, $0.error, value) }.map { ($0.tool, $0.message) }
    }

    func makeToolError(tool: String, message: String) -> JSObjectRef {
        let error = EngineValues.makeError(context, name: "ToolError", message: message)
        EngineValues.set(context, error, "tool", EngineValues.string(context, tool))
        keep(error)
        toolErrors.append((error, tool, message))
        return error
    }

    // MARK: What the program sees

    private func install(tools: [String], on global: JSObjectRef) {
        let toolsObject = JSObjectMake(context, nil, nil)!
        JSObjectSetPrototype(context, toolsObject, JSValueMakeNull(context))
        let fixed = JSPropertyAttributes(kJSPropertyAttributeReadOnly | kJSPropertyAttributeDontDelete)
        for name in tools {
            EngineValues.set(context, toolsObject, name, native { [unowned self] _, arguments, exception in
                self.call(tool: name, arguments: arguments, exception: exception)
            }, attributes: fixed)
        }
        JSObjectSetPrototype(context, toolsObject, JSValueMakeNull(context))
        freeze(toolsObject, global: global)
        EngineValues.set(context, global, "tools", toolsObject, attributes: fixed)
    }

    private func freeze(_ object: JSObjectRef, global: JSObjectRef) {
        guard let objectConstructor = EngineValues.object(context, EngineValues.property(context, global, "Object")),
            let freeze = EngineValues.object(context, EngineValues.property(context, objectConstructor, "freeze"))
        else { return }
        var argument: JSValueRef? = object
        JSObjectCallAsFunction(context, freeze, objectConstructor, 1, &argument, nil)
    }

    private func installConsole(on global: JSObjectRef) {
        let console = JSObjectMake(context, nil, nil)!
        for level in ["log", "info", "warn", "error", "debug"] {
            EngineValues.set(context, console, level, native { [unowned self] context, arguments, _ in
                self.log(arguments.map { Self.format(context, $0) }.joined(separator: " "))
                return nil
            })
        }
        EngineValues.set(context, global, "console", console)
    }

    private func log(_ line: String) {
        guard !logsTruncated else { return }
        let size = line.utf8.count + 1
        if logBytes + size > limits.maxLogBytes {
            logsTruncated = true
            return
        }
        logBytes += size
        logs.append(line)
    }

    /// Strings print as they are, other values as JSON where possible (like a terminal console).
    private static func format(_ context: JSContextRef, _ value: JSValueRef) -> String {
        if JSValueIsString(context, value) { return JSString.describe(context, value) }
        if JSValueIsObject(context, value), let text = try? EngineValues.json(context, value) { return text }
        return JSString.describe(context, value)
    }

    /// `tools.NAME(args)`: checks policy, then returns a promise the host settles later.
    private func call(tool: String, arguments: [JSValueRef], exception: UnsafeMutablePointer<JSValueRef?>?) -> JSValueRef? {
        func fail(_ error: JSObjectRef) -> JSValueRef? {
            exception?.pointee = error
            return nil
        }
        if blockedReason == nil, limits.deniedTools.contains(tool) {
            blockedReason = "tool '\(tool)' is denied by policy"
        }
        if blockedReason == nil, callsMade >= limits.maxToolCalls {
            blockedReason = "the program exceeded its budget of \(limits.maxToolCalls) tool calls"
        }
        if let blockedReason {
            return fail(EngineValues.makeError(context, name: "GuardrailError", message: blockedReason))
        }
        let argument: JSValueRef = arguments.first ?? JSValueMakeUndefined(context)
        let json: String
        do {
            json = try EngineValues.json(context, argument) ?? "null"
        } catch let error as EngineException {
            return fail(EngineValues.makeError(context, name: "TypeError", message: "tools.\(tool): arguments must be JSON: \(error.message)"))
        } catch {
            return fail(EngineValues.makeError(context, name: "TypeError", message: "tools.\(tool): arguments must be JSON"))
        }
        var resolve: JSObjectRef?
        var reject: JSObjectRef?
        guard let promise = JSObjectMakeDeferredPromise(context, &resolve, &reject, nil), let resolve, let reject else {
            return fail(EngineValues.makeError(context, name: "Error", message: "could not create a promise"))
        }
        keep(resolve)
        keep(reject)
        callsMade += 1
        pending.append(PendingCall(id: callsMade, name: tool, argumentsJSON: json, resolve: resolve, reject: reject))
        return promise
    }
}
