import CJavaScriptCore
import ModegateSandbox

/// A Swift closure callable from JavaScript. The engine calls one C callback for every native
/// function; the closure is found through the function object's private data.
final class NativeFunction {
    typealias Body = (_ context: JSContextRef, _ arguments: [JSValueRef], _ exception: UnsafeMutablePointer<JSValueRef?>?) -> JSValueRef?

    let body: Body

    init(_ body: @escaping Body) { self.body = body }

    /// One class for all native functions: objects of it are callable and `typeof` says "function".
    nonisolated(unsafe) static let jsClass: JSClassRef = {
        var definition = kJSClassDefinitionEmpty
        definition.className = ("ModegateNativeFunction" as StaticString).utf8Start.withMemoryRebound(
            to: CChar.self, capacity: 1) { $0 }
        definition.callAsFunction = { context, function, _, count, arguments, exception in
            guard let context, let function, let pointer = JSObjectGetPrivate(function) else {
                return JSValueMakeUndefined(context)
            }
            let native = Unmanaged<NativeFunction>.fromOpaque(pointer).takeUnretainedValue()
            let values = (0..<count).compactMap { arguments?[$0] }
            return native.body(context, values, exception) ?? JSValueMakeUndefined(context)
        }
        return JSClassCreate(&definition)
    }()

    /// A function object bound to this closure. The caller keeps `self` alive as long as the
    /// function can be called (the session holds every native function until its context is released).
    func makeObject(in context: JSContextRef) -> JSObjectRef {
        JSObjectMake(context, Self.jsClass, Unmanaged.passUnretained(self).toOpaque())
    }
}
