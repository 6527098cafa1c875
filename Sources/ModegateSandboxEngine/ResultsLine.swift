import CJavaScriptCore
import Foundation
import ModegateSandbox

/// The host's `results` message, parsed by the engine itself: each value arrives as a
/// JavaScript value ready to resolve a promise, with no Swift JSON round trip in between.
struct ResultsLine {
    enum Result {
        case success(JSValueRef)
        case failure(String)
    }

    private let context: JSContextRef
    private let results: JSObjectRef
    let count: Int

    /// nil when the line is not a well-formed `results` message.
    init?(_ line: Data, context: JSContextRef) {
        let text = String(decoding: line, as: UTF8.self)
        guard let message = EngineValues.object(context, EngineValues.fromJSON(context, text)),
            let results = EngineValues.object(context, EngineValues.property(context, message, "results")),
            let length = EngineValues.property(context, results, "length")
        else { return nil }
        self.context = context
        self.results = results
        self.count = Int(JSValueToNumber(context, length, nil))
    }

    func result(at index: Int) -> Result {
        guard let entry = EngineValues.object(context, JSObjectGetPropertyAtIndex(context, results, UInt32(index), nil)) else {
            return .failure("the host sent no result for this call")
        }
        let ok = EngineValues.property(context, entry, "ok").map { JSValueToBoolean(context, $0) } ?? false
        if ok { return .success(EngineValues.property(context, entry, "value") ?? JSValueMakeNull(context)) }
        let message = EngineValues.property(context, entry, "error").map { JSString.describe(context, $0) }
        return .failure(message ?? "tool failed")
    }
}
