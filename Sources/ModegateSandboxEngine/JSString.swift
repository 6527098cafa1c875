import CJavaScriptCore
import ModegateSandbox

/// Conversions between Swift strings and the engine's strings. The caller owns the returned
/// `JSStringRef` from `make` and releases it; `withJSString` does that for a scoped use.
enum JSString {
    static func make(_ text: String) -> JSStringRef {
        JSStringCreateWithUTF8CString(text)
    }

    static func with<Result>(_ text: String, _ body: (JSStringRef) -> Result) -> Result {
        let string = make(text)
        defer { JSStringRelease(string) }
        return body(string)
    }

    /// Copies an engine string into Swift; nil for a nil reference.
    static func read(_ string: JSStringRef?) -> String? {
        guard let string else { return nil }
        let capacity = JSStringGetMaximumUTF8CStringSize(string)
        var buffer = [CChar](repeating: 0, count: capacity)
        let written = JSStringGetUTF8CString(string, &buffer, capacity)
        guard written > 0 else { return "" }
        return String(decoding: buffer[0..<(written - 1)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `String(value)` in JavaScript terms; never throws into Swift.
    static func describe(_ context: JSContextRef, _ value: JSValueRef?) -> String {
        guard let value else { return "undefined" }
        var exception: JSValueRef?
        guard let string = JSValueToStringCopy(context, value, &exception) else { return "<unprintable value>" }
        defer { JSStringRelease(string) }
        return read(string) ?? ""
    }
}
