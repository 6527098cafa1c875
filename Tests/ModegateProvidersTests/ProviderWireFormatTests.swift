import Foundation
import ModegateCore
@testable import ModegateProviders
import Testing

/// The wire formats' pure parts: URLs, bodies, answers, refusals, redaction and replay's diff.
/// (The same paths against real servers: ModegateIntegrationTests/Providers.)
@Suite struct ProviderWireFormatTests {
    static let conversation = ModelRequest(
        messages: [
            .system("Be brief."), .user("Add 1 and 2."),
            ChatMessage(role: .assistant, content: "", toolCalls: [
                ModelToolCall(id: "call_1", name: "add", arguments: ["a": 1, "b": 2]),
                ModelToolCall(id: "call_2", name: "add", arguments: ["a": 2, "b": 1]),
            ]),
            .toolResult("call_1", "{\"sum\":3}"), .toolResult("call_2", "boom", isError: true),
        ],
        tools: [ToolDescriptor(name: "add", description: "Adds.", inputSchema: ["type": "object"])])
    static let sampling = WireSampling(model: "m", temperature: 0, maxTokens: 100)

    @Test(arguments: [
        ("https://res.openai.azure.com", "2024-10-21", "https://res.openai.azure.com/openai/deployments/dep/chat/completions?api-version=2024-10-21"),
        ("https://res.openai.azure.com/", "2024-10-21", "https://res.openai.azure.com/openai/deployments/dep/chat/completions?api-version=2024-10-21"),
        ("https://res.openai.azure.com/openai/deployments/other/chat/completions?api-version=2024-06-01", nil,
         "https://res.openai.azure.com/openai/deployments/other/chat/completions?api-version=2024-06-01"),
        ("https://res.openai.azure.com/openai/deployments/other/chat/completions?api-version=2024-06-01", "2025-01-01",
         "https://res.openai.azure.com/openai/deployments/other/chat/completions?api-version=2025-01-01"),
        ("https://res.openai.azure.com/openai/deployments/other", "2024-10-21",
         "https://res.openai.azure.com/openai/deployments/other/chat/completions?api-version=2024-10-21"),
        ("https://res.openai.azure.com/openai/v1", nil, "https://res.openai.azure.com/openai/v1/chat/completions"),
    ] as [(String, String?, String)])
    func azureURLsFromTheResourceEndpointOrTheDeploymentURL(base: String, version: String?, expected: String) throws {
        #expect(try AzureOpenAIFormat.endpoint(baseURL: base, deployment: "dep", apiVersion: version).absoluteString == expected)
    }

    @Test func azureWithoutAVersionOrAHostIsASetupError() {
        #expect(throws: ProviderSetupError.self) { try AzureOpenAIFormat.endpoint(baseURL: "https://res.openai.azure.com", deployment: "d", apiVersion: nil) }
        #expect(throws: ProviderSetupError.self) { try AzureOpenAIFormat.endpoint(baseURL: "not a url", deployment: "d", apiVersion: "v") }
    }

    @Test func openAIBodySendsEmptyContentBesideToolCallsAndTheLearnedSampling() throws {
        let body = OpenAIChatFormat.body(Self.conversation, sampling: Self.sampling)
        let assistant = try #require(body["messages"]?.arrayValue?[2])
        #expect(assistant["content"] == "", "llama.cpp answers 500 to null here")
        #expect(assistant["tool_calls"]?.arrayValue?.first?["function"]?["arguments"] == "{\"a\":1,\"b\":2}")
        #expect(body["messages"]?.arrayValue?[4]["tool_call_id"] == "call_2")
        #expect(body["tool_choice"] == "auto" && body["max_tokens"] == 100 && body["temperature"] == 0)
        var learned = Self.sampling
        learned.maxTokensField = "max_completion_tokens"
        learned.temperature = nil
        let adjusted = OpenAIChatFormat.body(Self.conversation, sampling: learned)
        #expect(adjusted["max_completion_tokens"] == 100 && adjusted["max_tokens"] == nil && adjusted["temperature"] == nil)
    }

    @Test func openAIRefusalsOfAParameterAdjustTheSamplingAndOthersDoNot() throws {
        func refusal(_ param: String, _ message: String) -> Data {
            Data(JSONValue.object(["error": ["message": .string(message), "param": .string(param), "type": "invalid_request_error"]]).jsonText.utf8)
        }
        let first = try #require(OpenAIChatFormat.adjusting(Self.sampling, after: refusal(
            "max_tokens", "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.")))
        #expect(first.0.maxTokensField == "max_completion_tokens")
        let second = try #require(OpenAIChatFormat.adjusting(first.0, after: refusal("temperature", "Unsupported value: 'temperature'")))
        #expect(second.0.temperature == nil && second.note.contains("temperature 0;"))
        #expect(OpenAIChatFormat.adjusting(second.0, after: refusal("messages", "messages too long")) == nil)
        #expect(OpenAIChatFormat.adjusting(Self.sampling, after: Data("<html>".utf8)) == nil)
    }

    @Test func anthropicBodyGroupsOneTurnsResultsIntoOneUserMessage() throws {
        var sampling = Self.sampling
        sampling.temperature = 1.5
        let body = AnthropicMessagesFormat.body(Self.conversation, sampling: sampling)
        #expect(body["system"] == "Be brief.")
        let messages = try #require(body["messages"]?.arrayValue)
        #expect(messages.map { $0["role"]?.stringValue ?? "" } == ["user", "assistant", "user"])
        #expect(messages[1]["content"]?.arrayValue?.count == 2, "an empty text block is not sent")
        let results = try #require(messages[2]["content"]?.arrayValue)
        #expect(results.map { $0["tool_use_id"]?.stringValue ?? "" } == ["call_1", "call_2"])
        #expect(results[1]["is_error"] == true)
        #expect(body["temperature"] == 1, "the Messages API takes 0…1")
    }

    @Test func anthropicAnswersBecomeCallsWithUsageAndMalformedOnesModelErrors() throws {
        let answer = """
            {"content": [{"type": "text", "text": "Adding."}, {"type": "tool_use", "id": "toolu_1", "name": "add", "input": {"a": 1}}],
             "stop_reason": "tool_use", "usage": {"input_tokens": 10, "cache_read_input_tokens": 90, "output_tokens": 5}}
            """
        let response = try AnthropicMessagesFormat.response(from: Data(answer.utf8))
        #expect(response.message.toolCalls.map(\.name) == ["add"] && response.message.content == "Adding.")
        #expect(response.usage == TokenUsage(prompt: 100, completion: 5, cached: 90, estimated: false))
        #expect(throws: ModelError.self) { try AnthropicMessagesFormat.response(from: Data("{\"content\": [{\"type\": \"tool_use\", \"name\": \"add\", \"input\": 3}]}".utf8)) }
        #expect(throws: ModelError.self) { try OpenAIChatFormat.response(from: Data("{\"choices\": []}".utf8)) }
    }

    @Test func responsesBodySendsTheWholeConversationAsInputItems() throws {
        let body = OpenAIResponsesFormat.body(Self.conversation, sampling: Self.sampling)
        #expect(body["instructions"] == "Be brief.")
        #expect(body["previous_response_id"] == nil && body["store"] == false, "stateless: every request replays alone")
        let input = try #require(body["input"]?.arrayValue)
        #expect(input.map { $0["type"]?.stringValue ?? "" } == ["message", "function_call", "function_call", "function_call_output", "function_call_output"],
                "an assistant turn with only tool calls sends no empty message")
        #expect(input[0] == ["type": "message", "role": "user", "content": "Add 1 and 2."])
        #expect(input[1] == ["type": "function_call", "call_id": "call_1", "name": "add", "arguments": "{\"a\":1,\"b\":2}"])
        #expect(input[4] == ["type": "function_call_output", "call_id": "call_2", "output": "boom"])
        let tool = try #require(body["tools"]?.arrayValue?.first)
        #expect(tool == ["type": "function", "name": "add", "description": "Adds.", "parameters": ["type": "object"], "strict": false])
        #expect(body["tool_choice"] == "auto" && body["max_output_tokens"] == 100 && body["temperature"] == 0 && body["max_tokens"] == nil)
        let answered = ModelRequest(messages: Self.conversation.messages + [
            ChatMessage(role: .assistant, content: "{\"sum\": 3}"), .user("Again."),
        ], tools: [])
        let later = try #require(OpenAIResponsesFormat.body(answered, sampling: Self.sampling)["input"]?.arrayValue)
        #expect(later.suffix(2) == [["type": "message", "role": "assistant", "content": "{\"sum\": 3}"],
                                    ["type": "message", "role": "user", "content": "Again."]])
        #expect(OpenAIResponsesFormat.body(answered, sampling: Self.sampling)["tools"] == nil)
    }

    @Test func responsesAnswersBecomeTextCallsAndUsageWithCachedTokens() throws {
        let calls = #"""
            {"id": "resp_1", "object": "response", "status": "completed", "error": null, "incomplete_details": null,
             "output": [{"type": "reasoning", "id": "rs_1", "summary": []},
                        {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "Adding.", "annotations": []}]},
                        {"type": "function_call", "id": "fc_1", "call_id": "call_9", "name": "add", "arguments": "{\"a\": 1}"},
                        {"type": "function_call", "id": "fc_2", "call_id": "call_10", "name": "add", "arguments": ""}],
             "usage": {"input_tokens": 120, "input_tokens_details": {"cached_tokens": 100}, "output_tokens": 7}}
            """#
        let response = try OpenAIResponsesFormat.response(from: Data(calls.utf8))
        #expect(response.message.content == "Adding.")
        #expect(response.message.toolCalls == [ModelToolCall(id: "call_9", name: "add", arguments: ["a": 1]),
                                               ModelToolCall(id: "call_10", name: "add", arguments: [:])],
                "the call_id, not the item id, is what a function_call_output answers")
        #expect(response.usage == TokenUsage(prompt: 120, completion: 7, cached: 100, estimated: false))
        #expect(response.stopReason == .toolUse)
        let text = #"{"status": "completed", "output": [{"type": "message", "content": [{"type": "output_text", "text": "{\"sum\": 3}"}]}]}"#
        let answer = try OpenAIResponsesFormat.response(from: Data(text.utf8))
        #expect(answer.message.content == #"{"sum": 3}"# && answer.stopReason == .endTurn && answer.usage.estimated)
    }

    /// An answer without usage, with `"usage": null` or with no counts in it is never 0 tokens
    /// marked reported: every format marks it estimated, and the estimate comes from the bytes.
    @Test func missingOrNullUsageIsEstimatedFromBytesInEveryFormat() throws {
        let chat = #"{"choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "{\"sum\": 3}"}}]"#
        let anthropic = #"{"content": [{"type": "text", "text": "{\"sum\": 3}"}], "stop_reason": "end_turn""#
        let responses = #"{"status": "completed", "output": [{"type": "message", "content": [{"type": "output_text", "text": "{\"sum\": 3}"}]}]"#
        for usage in ["", #", "usage": null"#, #", "usage": {}"#, #", "usage": {"total_tokens": 12}"#] {
            let answers = [
                try OpenAIChatFormat.response(from: Data((chat + usage + "}").utf8)),
                try AnthropicMessagesFormat.response(from: Data((anthropic + usage + "}").utf8)),
                try OpenAIResponsesFormat.response(from: Data((responses + usage + "}").utf8)),
            ]
            for answer in answers {
                #expect(answer.usage.estimated, "usage '\(usage)' read as reported")
                let estimated = answer.estimatingUnreported(for: Self.conversation).usage
                #expect(estimated.estimated && estimated.prompt == (Self.conversation.byteCount + 3) / 4 && estimated.completion == 3,
                        "\(estimated)")
            }
        }
        // Reported counts, even zero ones, stay reported and are not replaced.
        let reported = try OpenAIChatFormat.response(from: Data((chat + #", "usage": {"prompt_tokens": 0, "completion_tokens": 0}}"#).utf8))
        #expect(!reported.usage.estimated && reported.estimatingUnreported(for: Self.conversation).usage.prompt == 0)
    }

    @Test func responsesThatAreIncompleteFailedOrMalformedAreModelErrors() throws {
        let cut = #"{"status": "incomplete", "incomplete_details": {"reason": "max_output_tokens"}, "output": [{"type": "message", "content": [{"type": "output_text", "text": "The sum"}]}]}"#
        let limited = try OpenAIResponsesFormat.response(from: Data(cut.utf8))
        #expect(limited.stopReason == .maxTokens && limited.message.content == "The sum")
        func message(_ text: String) -> String {
            do { _ = try OpenAIResponsesFormat.response(from: Data(text.utf8)); return "no error" }
            catch let error as ModelError { return error.message } catch { return "\(error)" }
        }
        #expect(message(#"{"status": "incomplete", "incomplete_details": {"reason": "content_filter"}, "output": []}"#)
            .hasPrefix("the response is incomplete (content_filter)"))
        #expect(message(#"{"status": "failed", "error": {"code": "server_error", "message": "The model failed."}, "output": []}"#)
            == "the response failed with an error (server_error): The model failed.")
        #expect(message(#"{"status": "in_progress", "output": []}"#).hasPrefix("the response has status 'in_progress'"))
        #expect(message(#"{"status": "completed"}"#).hasPrefix("the model server's answer has no output items"))
        #expect(message("<html>").hasPrefix("the model server answered with something that is not JSON"))
        #expect(message(#"{"output": [{"type": "function_call", "call_id": "c", "name": "add", "arguments": "[1]"}]}"#)
            == "the arguments of tool call 0 (add) are not a JSON object: [1]")
        #expect(message(#"{"output": [{"type": "function_call", "call_id": "c", "arguments": "{}"}]}"#) == "function_call item 0 has no name")
    }

    @Test func responsesRefusalOfTemperatureSendsTheDefaultAndOthersChangeNothing() throws {
        func refusal(_ param: String) -> Data {
            Data(JSONValue.object(["error": ["message": "Unsupported parameter.", "param": .string(param), "type": "invalid_request_error"]]).jsonText.utf8)
        }
        let adjusted = try #require(OpenAIResponsesFormat.adjusting(Self.sampling, after: refusal("temperature")))
        #expect(adjusted.0.temperature == nil && adjusted.note.contains("temperature 0;"))
        #expect(OpenAIResponsesFormat.body(Self.conversation, sampling: adjusted.0)["temperature"] == nil)
        #expect(OpenAIResponsesFormat.adjusting(adjusted.0, after: refusal("temperature")) == nil)
        #expect(OpenAIResponsesFormat.adjusting(Self.sampling, after: refusal("max_output_tokens")) == nil)
    }

    @Test func responsesEndpointAndReplayCodec() throws {
        let plan = ModelPlan(provider: .openaiResponses, name: "gpt-4.1-mini", temperature: 0, maxOutputTokens: 10, timeoutSeconds: 5, maxRetries: 0)
        let provider = try #require(try LiveProvider.make(plan, environment: [:]))
        #expect(provider.endpointDescription == "https://api.openai.com/v1/responses")
        #expect(provider.transcriptFormat == "openai_responses")
        var local = plan
        local.baseURL = "http://127.0.0.1:8080/v1/"
        #expect(try LiveProvider.make(local, environment: [:])?.endpointDescription == "http://127.0.0.1:8080/v1/responses")
        #expect(ModelPlan.Provider.openaiResponses.isLive)
        let body = OpenAIResponsesFormat.body(Self.conversation, sampling: Self.sampling)
        #expect(OpenAIResponsesFormat.conversation(of: body)["temperature"] == nil, "replay compares the conversation, not sampling")
        #expect(OpenAIResponsesFormat.conversation(of: body)["input"] == body["input"])
    }

    @Test func refusalsAreTypedAndNameTheFixNeverTheKey() {
        let url = URL(string: "https://api.example.com/v1/chat/completions?key=sk-in-query")!
        let context = ProviderHTTPClient.error(status: 400, data: Data(#"{"error": {"message": "This model's maximum context length is 128000 tokens. However, your messages resulted in 130000 tokens.", "code": "context_length_exceeded"}}"#.utf8), url: url, keyVariable: "OPENAI_API_KEY")
        #expect(context.message.hasPrefix("the conversation no longer fits the model's context window (HTTP 400 from https://api.example.com/v1/chat/completions)"))
        let refused = ProviderHTTPClient.error(status: 401, data: Data(#"{"error": "Incorrect API key provided: sk-abc"}"#.utf8), url: url, keyVariable: "OPENAI_API_KEY")
        #expect(refused.message == "HTTP 401 from https://api.example.com/v1/chat/completions: the server refused the key in OPENAI_API_KEY; check it and its permissions")
        let missing = ProviderHTTPClient.error(status: 404, data: Data("model gpt-9 does not exist".utf8), url: url, keyVariable: nil)
        #expect(missing.message.contains("no such model or deployment, or a wrong base_url"))
        let overloaded = ProviderHTTPClient.error(status: 529, data: Data("overloaded".utf8), url: url, keyVariable: nil, attempts: 5)
        #expect(overloaded.message.contains("gave up after 5 attempts; raise model.max_retries"))
        #expect(![context, refused, missing, overloaded].contains { $0.message.contains("sk-in-query") })
    }

    @Test func theNeutralFormatReadsBackWhatItWrote() throws {
        let response = ModelResponse(
            message: Self.conversation.messages[2], usage: TokenUsage(prompt: 7, completion: 3, estimated: true), stopReason: .toolUse)
        let read = try NeutralTranscriptFormat.response(from: Data(NeutralTranscriptFormat.answer(response).jsonText.utf8))
        #expect(read == response)
    }

    @Test func secretsAreRedactedAsWrittenAndAsJSONEscapesThem() {
        let redactor = SecretRedactor(secrets: ["API_KEY": "sk-a/b\"c-123456", "SHORT": "abc"])
        #expect(redactor.redact("key sk-a/b\"c-123456 and abc") == "key [redacted:API_KEY] and abc")
        #expect(redactor.redact(#"{"k":"sk-a/b\"c-123456"}"#) == #"{"k":"[redacted:API_KEY]"}"#)
    }

    @Test func replayNamesTheFirstDifference() {
        let recorded: JSONValue = ["messages": [["content": "a"], ["content": "b"]], "model": "m"]
        #expect(JSONDifference.first(recorded, recorded) == nil)
        #expect(JSONDifference.first(recorded, ["messages": [["content": "a"], ["content": "c"]], "model": "m"])
            == #"$.messages[1].content: recorded "b", now "c""#)
        #expect(JSONDifference.first(recorded, ["messages": [["content": "a"]], "model": "m"]) == "$.messages: recorded 2 items, now 1")
    }
}
