import Foundation

/// Maps one agent invocation's spans to a trial (docs/import.md): `chat` spans are its model
/// requests with their tokens, `execute_tool` spans (and MCP `tools/call` spans outside one) its
/// tool calls, the `invoke_agent` span its time and its failure.
struct OTelTrialMapper {
    let forest: OTelTraceForest
    let settings: OTelImportSettings

    /// Operations that are one model request.
    static let chatOperations: Set<String> = ["chat", "text_completion", "generate_content"]
    static let toolOperation = "execute_tool"
    static let mcpToolCall = "tools/call"

    /// The trial of the `invoke_agent` span at `root`, from its members (indices, the root included).
    func trial(root: Int, members: [Int]) -> OTelObservedTrial {
        let span = forest.spans[root]
        var trial = OTelObservedTrial(root: span)
        readAttributes(of: root, into: &trial)
        let ordered = members.sorted { forest.spans[$0].startNanos < forest.spans[$1].startNanos }
        let chats = ordered.filter { Self.chatOperations.contains(forest.spans[$0].operation ?? "") }
        addChats(chats, into: &trial)
        addTools(ordered, chatStarts: chats.map { forest.spans[$0].startNanos }, root: root, into: &trial)
        trial.counters.latency.total = span.seconds
        if trial.provider == nil { trial.provider = Self.provider(of: span) }
        if trial.model == nil { trial.model = span.attributes["gen_ai.request.model"]?.stringValue }
        if span.failed { trial.error = TrialError(category: errorCategory(root, trial), message: span.failure ?? "the agent failed") }
        // Without chat spans that report usage, an invocation's own usage (some agents sum it there).
        if trial.counters.promptTokens == 0, trial.counters.completionTokens == 0, let usage = Self.usage(of: span) {
            trial.counters.promptTokens = usage.prompt
            trial.counters.completionTokens = usage.completion
            trial.counters.cachedTokens = usage.cached
        }
        return trial
    }

    // MARK: Attributes

    /// An attribute of the trial: on its `invoke_agent` span, else its nearest ancestor's, else the resource's.
    func attribute(_ name: String, of root: Int) -> JSONValue? {
        if let value = forest.spans[root].attributes[name] { return value }
        for up in forest.ancestors(of: root) {
            if let value = forest.spans[up].attributes[name] { return value }
        }
        return forest.spans[root].resource[name]
    }

    private func readAttributes(of root: Int, into trial: inout OTelObservedTrial) {
        let names = settings.attributes
        if let value = attribute(names.caseID, of: root) {
            if let text = value.stringValue ?? value.intValue.map(String.init), !text.isEmpty {
                trial.caseID = text
            } else {
                trial.diagnostics.append(trial.diagnostic("\(names.caseID) is \(value.jsonText), not a case id (a string)"))
            }
        }
        if let value = attribute(names.repetition, of: root) {
            if let number = value.intValue ?? value.stringValue.flatMap({ Int($0) }), number >= 0 {
                trial.repetition = number
            } else {
                trial.diagnostics.append(trial.diagnostic("\(names.repetition) is \(value.jsonText), not a whole number ≥ 0"))
            }
        }
        if let value = attribute(names.reward, of: root) {
            if let number = value.doubleValue ?? value.stringValue.flatMap({ Double($0) }), (0...1).contains(number) {
                trial.reward = number
            } else {
                trial.diagnostics.append(trial.diagnostic("\(names.reward) is \(value.jsonText), not a number from 0 to 1"))
            }
        }
        if let value = attribute(names.completed, of: root) {
            if let flag = Self.flag(value) {
                trial.completed = flag
            } else {
                trial.diagnostics.append(trial.diagnostic("\(names.completed) is \(value.jsonText), not true or false"))
            }
        }
    }

    static func flag(_ value: JSONValue) -> Bool? {
        if let flag = value.boolValue { return flag }
        if let number = value.intValue, number == 0 || number == 1 { return number == 1 }
        switch value.stringValue?.lowercased() {
        case "true"?: return true
        case "false"?: return false
        default: return nil
        }
    }

    /// The failed trial's kind: the category attribute when it names one, `timeout` and
    /// `cancelled` from `error.type`, `provider` when a model request failed, else `model`.
    private func errorCategory(_ root: Int, _ trial: OTelObservedTrial) -> TrialError.Category {
        if let named = attribute(settings.attributes.errorCategory, of: root)?.stringValue,
            let category = TrialError.Category(rawValue: named)
        {
            return category
        }
        switch forest.spans[root].attributes["error.type"]?.stringValue?.lowercased() {
        case "timeout"?: return .timeout
        case "cancelled"?, "canceled"?: return .cancelled
        default: break
        }
        return trial.exchanges.contains { $0.error != nil } ? .provider : .model
    }

    // MARK: Model requests

    static func provider(of span: OTLPSpan) -> String? {
        (span.attributes["gen_ai.provider.name"] ?? span.attributes["gen_ai.system"])?.stringValue
    }

    /// `gen_ai.usage.*` of a span, nil when it reports neither input nor output tokens.
    static func usage(of span: OTLPSpan) -> (prompt: Int, completion: Int, cached: Int)? {
        let attributes = span.attributes
        let input = (attributes["gen_ai.usage.input_tokens"] ?? attributes["gen_ai.usage.prompt_tokens"])?.intValue
        let output = (attributes["gen_ai.usage.output_tokens"] ?? attributes["gen_ai.usage.completion_tokens"])?.intValue
        guard input != nil || output != nil else { return nil }
        return (input ?? 0, output ?? 0, attributes["gen_ai.usage.cache_read.input_tokens"]?.intValue ?? 0)
    }

    private func addChats(_ chats: [Int], into trial: inout OTelObservedTrial) {
        for (turn, index) in chats.enumerated() {
            let span = forest.spans[index]
            let requested = span.attributes["gen_ai.request.model"]?.stringValue
            let answered = span.attributes["gen_ai.response.model"]?.stringValue
            if trial.model == nil { trial.model = answered ?? requested }
            if trial.provider == nil { trial.provider = Self.provider(of: span) }
            let usage = Self.usage(of: span)
            if let usage {
                trial.counters.promptTokens += usage.prompt
                trial.counters.completionTokens += usage.completion
                trial.counters.cachedTokens += usage.cached
            } else {
                trial.chatsWithoutUsage += 1
            }
            if !span.failed { trial.counters.modelRequests += 1 }
            trial.counters.latency.model += span.seconds
            trial.exchanges.append(OTelTranscriptFormat.exchange(
                turn: turn + 1, span: span, model: requested, answeredModel: answered, usage: usage))
        }
    }

    // MARK: Tool calls

    /// A span that is a tool call: `execute_tool`, or an MCP `tools/call` not made for an
    /// `execute_tool` parent (whose transport it then is).
    private func isToolCall(_ index: Int) -> Bool {
        let span = forest.spans[index]
        if span.operation == Self.toolOperation && span.mcpMethod == nil { return true }
        guard span.mcpMethod == Self.mcpToolCall || span.operation == Self.toolOperation else { return false }
        return !isTransport(index)
    }

    /// An MCP `tools/call` span directly under an `execute_tool` span of the same tool: the same
    /// call, seen by the MCP client. (Under a program's span, a call to another tool is the
    /// program's own call.)
    private func isTransport(_ index: Int) -> Bool {
        let span = forest.spans[index]
        guard span.mcpMethod == Self.mcpToolCall, let up = forest.parent(of: index) else { return false }
        let parent = forest.spans[up]
        return parent.operation == Self.toolOperation && parent.mcpMethod == nil && Self.toolName(parent) == Self.toolName(span)
    }

    private func addTools(_ ordered: [Int], chatStarts: [UInt64], root: Int, into trial: inout OTelObservedTrial) {
        let rootStart = forest.spans[root].startNanos
        // The MCP client span of each execute_tool span that has one.
        var transports: [Int: Int] = [:]
        for index in ordered where isTransport(index) {
            if let up = forest.parent(of: index) { transports[up] = index }
        }
        let tools = ordered.filter(isToolCall)
        let toolSet = Set(tools)
        for index in tools {
            let span = forest.spans[index]
            let mcp: OTLPSpan? = span.mcpMethod != nil ? span : transports[index].map { forest.spans[$0] }
            let name = Self.toolName(span) ?? mcp.flatMap(Self.toolName) ?? span.name
            let nested = forest.ancestors(of: index, upTo: root).contains(where: toolSet.contains)
            let failed = span.failed || (mcp?.failed ?? false)
            let reply: String = failed ? (span.failure ?? mcp?.failure ?? "error") : (Self.result(span) ?? "")
            let server = mcp.map { serverName(of: $0, or: span) }
            if let server { trial.servers.insert(server) }
            if settings.strategy == .codemode, !nested, countMeta(name, span: span, failed: failed, into: &trial) {
                trial.counters.modelVisibleToolBytes += reply.utf8.count
                if server != nil { trial.counters.mcpToolCalls += 1 }
                continue
            }
            let turn = chatStarts.lastIndex { $0 <= span.startNanos }.map { $0 + 1 }
            var call = ToolCallTrace(
                name: name, arguments: Self.arguments(span), isError: failed, reply: reply, turn: turn,
                at: Double(span.startNanos &- rootStart) / 1e9)
            call.server = server
            trial.calls.append(call)
            trial.counters.toolCalls += 1
            if failed { trial.counters.failedToolCalls += 1 }
            if server != nil { trial.counters.mcpToolCalls += 1 }
            trial.counters.toolResponseBytes += reply.utf8.count
            if !nested { trial.counters.modelVisibleToolBytes += reply.utf8.count }
            trial.counters.latency.tool += span.seconds
        }
    }

    /// Counts a Code Mode meta-tool call (a program, a tool search or description); false for any other tool.
    private func countMeta(_ name: String, span: OTLPSpan, failed: Bool, into trial: inout OTelObservedTrial) -> Bool {
        if settings.programTools.contains(name) {
            trial.counters.codemodeChainCalls += 1
            trial.counters.latency.sandbox += span.seconds
            if trial.counters.codemodeChainCalls == 1, failed {
                trial.firstProgramFailure = span.attributes["error.type"]?.stringValue ?? "exception"
            }
            return true
        }
        if settings.searchTools.contains(name) {
            trial.counters.codemodeSearchCalls += 1
            return true
        }
        if settings.describeTools.contains(name) {
            trial.counters.codemodeDiscoveryCalls += 1
            return true
        }
        return false
    }

    static func toolName(_ span: OTLPSpan) -> String? {
        if let name = span.attributes["gen_ai.tool.name"]?.stringValue, !name.isEmpty { return name }
        // `execute_tool get_weather`, `tools/call get_weather`.
        let parts = span.name.split(separator: " ", maxSplits: 1)
        return parts.count == 2 ? String(parts[1]) : nil
    }

    /// `gen_ai.tool.call.arguments` (opt-in): an object, or its JSON text; `{}` without it.
    static func arguments(_ span: OTLPSpan) -> JSONValue {
        guard let value = span.attributes["gen_ai.tool.call.arguments"] else { return .object([:]) }
        if let text = value.stringValue, let parsed = try? JSONParser.parse(text) { return parsed }
        return value
    }

    /// `gen_ai.tool.call.result` (opt-in) as text; nil without it.
    static func result(_ span: OTLPSpan) -> String? {
        span.attributes["gen_ai.tool.call.result"].map(OTLPSpan.text)
    }

    /// The MCP server a call went to: the configured attribute, else `server.address[:server.port]`, else `mcp`.
    private func serverName(of mcp: OTLPSpan, or tool: OTLPSpan) -> String {
        let key = settings.attributes.server
        if let name = (mcp.attributes[key] ?? tool.attributes[key])?.stringValue, !name.isEmpty { return name }
        if let address = mcp.attributes["server.address"]?.stringValue, !address.isEmpty {
            return mcp.attributes["server.port"]?.intValue.map { "\(address):\($0)" } ?? address
        }
        return "mcp"
    }
}
