import CJavaScriptCore
import Foundation
import ModegateCore
import ModegateSandbox

/// Small typed operations on engine values, each keeping exceptions on the JavaScript side.
enum EngineValues {
    static func property(_ context: JSContextRef, _ object: JSObjectRef, _ name: String) -> JSValueRef? {
        JSString.with(name) { JSObjectGetProperty(context, object, $0, nil) }
    }

    static func object(_ context: JSContextRef, _ value: JSValueRef?) -> JSObjectRef? {
        guard let value, JSValueIsObject(context, value) else { return nil }
        return JSValueToObject(context, value, nil)
    }

    static func set(_ context: JSContextRef, _ object: JSObjectRef, _ name: String, _ value: JSValueRef,
                    attributes: JSPropertyAttributes = JSPropertyAttributes(kJSPropertyAttributeNone)) {
        JSString.with(name) { JSObjectSetProperty(context, object, $0, value, attributes, nil) }
    }

    static func delete(_ context: JSContextRef, _ object: JSObjectRef, _ name: String) {
        _ = JSString.with(name) { JSObjectDeleteProperty(context, object, $0, nil) }
    }

    static func string(_ context: JSContextRef, _ text: String) -> JSValueRef {
        JSString.with(text) { JSValueMakeString(context, $0) }
    }

    /// `JSON.stringify(value)` through the engine's own serializer (not the global `JSON`, which a
    /// program may have replaced). nil for `undefined`, functions and symbols; throws on cycles.
    static func json(_ context: JSContextRef, _ value: JSValueRef) throws -> String? {
        var exception: JSValueRef?
        let string = JSValueCreateJSONString(context, value, 0, &exception)
        if let exception { throw EngineException(context: context, value: exception) }
        guard let string else { return nil }
        defer { JSStringRelease(string) }
        return JSString.read(string)
    }

    /// A value from JSON text; nil when the text is not JSON.
    static func fromJSON(_ context: JSContextRef, _ text: String) -> JSValueRef? {
        JSString.with(text) { JSValueMakeFromJSONString(context, $0) }
    }

    static func makeError(_ context: JSContextRef, name: String, message: String) -> JSObjectRef {
        var argument: JSValueRef? = string(context, message)
        let error = JSObjectMakeError(context, 1, &argument, nil) ?? JSObjectMake(context, nil, nil)!
        set(context, error, "name", string(context, name))
        return error
    }
}
