/// The model both arms use (`model:`). Secrets are named, never held: `apiKeyEnv` is the name of an
/// environment variable that the provider reads when it sends a request.
public struct ModelPlan: Sendable, Codable, Equatable {
    /// Which API the model is reached through.
    public enum Provider: String, Sendable, Codable, CaseIterable {
        /// The offline, deterministic model: runs in seconds without a network.
        case scripted
        /// Chat Completions; also vLLM, llama.cpp server and Ollama through `baseURL`.
        case openai
        /// OpenAI's Responses API, stateless: the whole conversation in every request.
        case openaiResponses = "openai_responses"
        /// Azure OpenAI's Chat Completions, by deployment.
        case azureOpenAI = "azure_openai"
        /// Anthropic's Messages API.
        case anthropic
        /// Plays back the answers recorded in a run's transcripts, with no network.
        case replay

        /// A provider that sends requests over the network and bills for them.
        public var isLive: Bool { self == .openai || self == .openaiResponses || self == .azureOpenAI || self == .anthropic }
    }

    /// The provider's rate limit (`rate_limit:`): requests and tokens a minute, either or both.
    public struct RateLimit: Sendable, Codable, Equatable {
        public var requestsPerMinute: Int?
        public var tokensPerMinute: Int?

        public init(requestsPerMinute: Int? = nil, tokensPerMinute: Int? = nil) {
            self.requestsPerMinute = requestsPerMinute
            self.tokensPerMinute = tokensPerMinute
        }

        enum CodingKeys: String, CodingKey {
            case requestsPerMinute = "requests_per_minute"
            case tokensPerMinute = "tokens_per_minute"
        }
    }

    /// Prices that turn token usage into cost.
    public struct Pricing: Sendable, Codable, Equatable {
        /// Price of one million input tokens.
        public var inputPerMillion: Double
        /// Price of one million output tokens.
        public var outputPerMillion: Double
        /// `nil` = cached input tokens cost the same as other input tokens.
        public var cachedInputPerMillion: Double?
        /// Three-letter ISO 4217 code of the prices, e.g. USD.
        public var currency: String

        /// Prices as given.
        public init(inputPerMillion: Double, outputPerMillion: Double, cachedInputPerMillion: Double? = nil,
                    currency: String) {
            self.inputPerMillion = inputPerMillion
            self.outputPerMillion = outputPerMillion
            self.cachedInputPerMillion = cachedInputPerMillion
            self.currency = currency
        }

        /// What these tokens cost: fresh input, cached input (at its own price when given) and output.
        public func cost(prompt: Int, completion: Int, cached: Int = 0) -> Double {
            let cachedPrice = cachedInputPerMillion ?? inputPerMillion
            return (Double(max(prompt - cached, 0)) * inputPerMillion + Double(cached) * cachedPrice
                + Double(completion) * outputPerMillion) / 1_000_000
        }

        enum CodingKeys: String, CodingKey {
            case currency
            case inputPerMillion = "input_per_million"
            case outputPerMillion = "output_per_million"
            case cachedInputPerMillion = "cached_input_per_million"
        }
    }

    /// Which API serves the model.
    public var provider: Provider
    /// Model or deployment name; always set unless the provider is `scripted`.
    public var name: String?
    /// API base URL (a vLLM, llama.cpp or Ollama server, or the Azure resource); nil for the provider's own.
    public var baseURL: String?
    /// Name of the environment variable that holds the API key; the key itself is never in the plan.
    public var apiKeyEnv: String?
    /// Azure OpenAI `api-version`; always set for `azureOpenAI`.
    public var apiVersion: String?
    /// Sampling temperature.
    public var temperature: Double
    /// Output token limit per model request.
    public var maxOutputTokens: Int
    /// Timeout of one model request.
    public var timeoutSeconds: Int
    /// Retries on 429 and 5xx, with backoff that honours `Retry-After`.
    public var maxRetries: Int
    /// `nil` = cost is unknown, so cost gates and the cost budget cannot be judged.
    public var pricing: Pricing?
    /// Requests to this model are paced to its rate limit, shared by both arms; nil for none.
    public var rateLimit: RateLimit?
    /// With `replay`: the recorded transcripts (a run folder, a `transcripts.jsonl`, or a folder
    /// of either), relative to the working directory.
    public var cassette: String?

    /// A plan as given; the loader checks what each provider needs.
    public init(
        provider: Provider, name: String? = nil, baseURL: String? = nil, apiKeyEnv: String? = nil,
        apiVersion: String? = nil, temperature: Double, maxOutputTokens: Int, timeoutSeconds: Int, maxRetries: Int,
        pricing: Pricing? = nil, cassette: String? = nil
    ) {
        self.cassette = cassette
        self.provider = provider
        self.name = name
        self.baseURL = baseURL
        self.apiKeyEnv = apiKeyEnv
        self.apiVersion = apiVersion
        self.temperature = temperature
        self.maxOutputTokens = maxOutputTokens
        self.timeoutSeconds = timeoutSeconds
        self.maxRetries = maxRetries
        self.pricing = pricing
    }

    enum CodingKeys: String, CodingKey {
        case provider, name, temperature, pricing, cassette
        case rateLimit = "rate_limit"
        case baseURL = "base_url"
        case apiKeyEnv = "api_key_env"
        case apiVersion = "api_version"
        case maxOutputTokens = "max_output_tokens"
        case timeoutSeconds = "timeout_seconds"
        case maxRetries = "max_retries"
    }
}
