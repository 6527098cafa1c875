import ModegateCore

/// Reading messages out of each wire format a transcript can hold: `modegate` (the scripted
/// model: `messages[]` with `tool_calls`), OpenAI Chat Completions and Azure (`messages[]`,
/// `choices[0].message`), Anthropic Messages (`system`, content blocks with `tool_use` and
/// `tool_result`) and the OpenAI Responses API (`instructions`, `input[]`/`output[]` items). The
/// shapes are told apart by their keys, not by the transcript's `format`, so a format added later
/// that reuses one of them reads too.
extension Conversation {
    /// The conversation a request carries.
    static func requestMessages(_ request: JSONValue) -> [Message] {
        var messages: [Message] = []
        if let system = request["system"] { messages.append(Message(role: "system", text: text(of: system))) }
        if let instructions = request["instructions"]?.stringValue { messages.append(Message(role: "system", text: instructions)) }
        let items = request["messages"]?.arrayValue ?? request["input"]?.arrayValue ?? []
        if let input = request["input"]?.stringValue { messages.append(Message(role: "user", text: input)) }
        return messages + items.compactMap(message)
    }

    /// The messages an answer adds.
    static func responseMessages(_ response: JSONValue) -> [Message] {
        if let message = response["message"] { return [self.message(message)].compactMap { $0 } }
        if let choice = response["choices"]?.arrayValue?.first, let message = choice["message"] {
            return [self.message(message)].compactMap { $0 }
        }
        if let output = response["output"]?.arrayValue { return output.compactMap(message) }
        if response["content"] != nil { return [message(response)].compactMap { $0 } }
        return []
    }

    /// One message or item; nil for items that say nothing to a reader (reasoning).
    static func message(_ item: JSONValue) -> Message? {
        switch item["type"]?.stringValue {
        case "function_call":
            return Message(role: "assistant", text: "", toolCalls: [call(name: item["name"], arguments: item["arguments"])])
        case "function_call_output":
            return Message(role: "tool", text: text(of: item["output"] ?? .null))
        case "reasoning":
            return nil
        default:
            break
        }
        var role = item["role"]?.stringValue ?? "message"
        var texts: [String] = []
        var calls = (item["tool_calls"]?.arrayValue ?? []).map { call in
            call["function"].map { Self.call(name: $0["name"], arguments: $0["arguments"]) }
                ?? Self.call(name: call["name"], arguments: call["arguments"] ?? call["input"])
        }
        var isError = item["is_error"]?.boolValue ?? false
        if let blocks = item["content"]?.arrayValue {
            var results = 0
            for block in blocks {
                switch block["type"]?.stringValue {
                case "tool_use":
                    calls.append(call(name: block["name"], arguments: block["input"]))
                case "tool_result":
                    results += 1
                    texts.append(text(of: block["content"] ?? .null))
                    if block["is_error"]?.boolValue == true { isError = true }
                default:
                    texts.append(text(of: block))
                }
            }
            if results > 0, results == blocks.count { role = "tool" }
        } else if let content = item["content"], !content.isNull {
            texts.append(text(of: content))
        }
        return Message(role: role, text: texts.filter { !$0.isEmpty }.joined(separator: "\n"), toolCalls: calls, isError: isError)
    }

    /// Text of a string, a text block, or a list of blocks; anything else as compact JSON.
    static func text(of value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .null: return ""
        case .array(let items): return items.map(text(of:)).filter { !$0.isEmpty }.joined(separator: "\n")
        case .object:
            if let text = value["text"]?.stringValue { return text }
            return value.jsonText
        default: return value.jsonText
        }
    }

    /// `name({"a":1})`; arguments a wire sends as a JSON string are shown as the string.
    static func call(name: JSONValue?, arguments: JSONValue?) -> String {
        let shown = arguments?.stringValue ?? arguments?.jsonText ?? ""
        return "\(name?.stringValue ?? "?")(\(shown))"
    }
}
