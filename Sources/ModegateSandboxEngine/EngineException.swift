import CJavaScriptCore

/// A JavaScript exception seen from Swift: its name, message and stack as strings.
struct EngineException: Error {
    var name: String
    var message: String
    var stack: String

    init(context: JSContextRef, value: JSValueRef) {
        if let object = EngineValues.object(context, value) {
            let name = EngineValues.property(context, object, "name")
            let message = EngineValues.property(context, object, "message")
            let stack = EngineValues.property(context, object, "stack")
            self.name = name.map { JSString.describe(context, $0) }.flatMap { $0 == "undefined" ? nil : $0 } ?? "Error"
            self.message = message.map { JSString.describe(context, $0) }.flatMap { $0 == "undefined" ? nil : $0 }
                ?? JSString.describe(context, value)
            self.stack = stack.map { JSString.describe(context, $0) }.flatMap { $0 == "undefined" ? nil : $0 } ?? ""
        } else {
            name = "Error"
            message = "uncaught value: " + JSString.describe(context, value)
            stack = ""
        }
    }
}
