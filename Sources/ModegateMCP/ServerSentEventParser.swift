import Foundation

/// The `data` of each `message` event in a server-sent-event stream (WHATWG's event-stream
/// format), fed in the pieces the network delivers: a line split across two pieces is held
/// until its end arrives, so each message is handed on as soon as its event is complete.
struct ServerSentEventParser {
    private var pending: [UInt8] = []
    private var data: [String] = []
    private var event = "message"
    /// The previous piece ended in CR: an LF starting this one belongs to the same line end.
    private var afterCarriageReturn = false

    /// The messages whose events `bytes` completed.
    mutating func feed(_ bytes: Data) -> [Data] {
        var messages: [Data] = []
        for byte in bytes {
            if afterCarriageReturn {
                afterCarriageReturn = false
                if byte == UInt8(ascii: "\n") { continue }
            }
            switch byte {
            case UInt8(ascii: "\n"):
                line(&messages)
            case UInt8(ascii: "\r"):
                line(&messages)
                afterCarriageReturn = true
            default:
                pending.append(byte)
            }
        }
        return messages
    }

    /// The stream ended: what its last, unterminated event held.
    mutating func finish() -> [Data] {
        var messages: [Data] = []
        if !pending.isEmpty { line(&messages) }
        dispatch(&messages)
        return messages
    }

    private mutating func line(_ messages: inout [Data]) {
        let text = String(decoding: pending, as: UTF8.self)
        pending.removeAll(keepingCapacity: true)
        if text.isEmpty { return dispatch(&messages) }
        if text.hasPrefix(":") { return }
        var field = Substring(text)
        var value: Substring = ""
        if let colon = text.firstIndex(of: ":") {
            field = text[..<colon]
            value = text[text.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
        }
        switch field {
        case "data": data.append(String(value))
        case "event": event = value.isEmpty ? "message" : String(value)
        default: break
        }
    }

    private mutating func dispatch(_ messages: inout [Data]) {
        // Priming events (an id and an empty data line) carry no message.
        let joined = data.joined(separator: "\n")
        if event == "message", !joined.allSatisfy(\.isWhitespace) { messages.append(Data(joined.utf8)) }
        data.removeAll()
        event = "message"
    }
}
