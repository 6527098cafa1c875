/// The gate file format (DESIGN §3), written down once. Validation, defaults, `docs/gate.schema.json`
/// and the key tables of `docs/gate-file.md` are all derived from `GateSchema.root`.
public enum GateSchema {
    /// The only `version:` this build reads.
    public static let supportedVersion = 1

    /// The whole gate file: every section, key, default and range.
    public static let root = SchemaObject(
        title: "modegate gate file",
        description: "One promotion gate: the workload, the model, the tools, the two arms, "
            + "the thresholds, the judgement, the budget and the reports.",
        fields: [
            SchemaField(required: "version", .formatVersion(supported: supportedVersion),
                        "Format version of this file. Only 1 is supported."),
            .optional("name", .string(.nonEmpty),
                      "Name of the gate in reports. Defaults to the file name without its extension."),
            SchemaField("description", .string(.any), default: "", "What this gate decides, for humans."),
            SchemaField(required: "workload", .object(workload), workload.description),
            .section("model", model),
            .section("mcp", mcp),
            .section("tools", tools),
            .section("baseline", arm(title: "baseline arm", strategy: "tool_call", maxSteps: 24, reusable: true)),
            .section("candidate", arm(title: "candidate arm", strategy: "codemode", maxSteps: 6)),
            .section("thresholds", thresholds),
            .section("judgement", judgement),
            .section("budget", budget),
            SchemaField("reports", .array(of: .object(report), minItems: 0), default: [["format": "text"]],
                        "Reports written after the verdict. Default: one text report on stdout."),
        ])

    static let workload = SchemaObject(
        title: "workload",
        description: "Which cases both arms run, how often and in what order.",
        fields: [
            SchemaField(required: "presets", .array(of: .string(.nonEmpty), minItems: 1),
                        "Built-in preset names or paths to preset files."),
            SchemaField("limit", .integer(minimum: 0, maximum: nil), default: 0,
                        "Cases per preset, 0 = all. Both arms get the same cases."),
            SchemaField("repetitions", .integer(minimum: 1, maximum: 1000), default: 1,
                        "Trials per case per arm."),
            SchemaField("seed", .integer(minimum: 0, maximum: 9_007_199_254_740_991), default: 42,
                        "Drives the interleaved arm order, the sequential case order and the bootstrap; never the suites' data, which comes from each case's params."),
            SchemaField("arm_order", .stringEnum(["sequential", "interleaved"]), default: "sequential",
                        "sequential: baseline, then candidate; interleaved: per case, in a seeded order."),
            SchemaField("concurrency", .integer(minimum: 1, maximum: 256), default: 4,
                        "Trials running at the same time."),
        ])

    static let model = SchemaObject(
        title: "model",
        description: "The model both arms use.",
        fields: [
            SchemaField("provider", .stringEnum(["scripted", "openai", "openai_responses", "azure_openai", "anthropic", "replay"]),
                        default: "scripted",
                        "scripted: the offline, deterministic model; openai also covers any OpenAI-compatible server; openai_responses: OpenAI's Responses API; replay: the answers recorded in a run's transcripts, with no network."),
            .optional("name", .string(.nonEmpty),
                      "Model name (Azure: deployment name). Required for openai, openai_responses, azure_openai and anthropic; with replay it must match the recording."),
            .optional("base_url", .string(.httpURL),
                      "API base URL, e.g. a vLLM, llama.cpp or Ollama server. Required for azure_openai: the resource endpoint or the full deployment chat-completions URL."),
            .optional("api_key_env", .string(.environmentVariable),
                      "Name of the environment variable that holds the API key; the key never goes in the file."),
            .optional("api_version", .string(.nonEmpty),
                      "Azure OpenAI `api-version`. Required for azure_openai unless base_url carries one or is a v1 URL."),
            SchemaField("temperature", .number(minimum: 0, maximum: 2), default: 0, "Sampling temperature."),
            SchemaField("max_output_tokens", .integer(minimum: 1, maximum: 1_000_000), default: 2048,
                        "Output token limit per model request."),
            SchemaField("timeout_seconds", .integer(minimum: 1, maximum: 3600), default: 120,
                        "Timeout of one model request."),
            SchemaField("max_retries", .integer(minimum: 0, maximum: 20), default: 4,
                        "Retries on 429 and 5xx, with backoff that honours Retry-After."),
            .optional("pricing", .object(pricing), pricing.description),
            .optional("rate_limit", .object(rateLimit), rateLimit.description),
            .optional("cassette", .string(.nonEmpty),
                      "With replay: the recorded transcripts, a run folder, a transcripts.jsonl, or a folder of them (relative to the working directory)."),
        ])

    static let rateLimit = SchemaObject(
        title: "rate_limit",
        description: "The provider's rate limit: requests start paced to it, both arms sharing it, and fewer run at once after a 429 until requests succeed again.",
        fields: [
            .optional("requests_per_minute", .integer(minimum: 1, maximum: 10_000_000), "Requests a minute."),
            .optional("tokens_per_minute", .integer(minimum: 1, maximum: 1_000_000_000),
                      "Tokens a minute: a request reserves its estimated size (learned from the usage answers report), and its usage settles the difference."),
        ])

    static let pricing = SchemaObject(
        title: "pricing",
        description: "Prices used to compute cost from token usage. Without it, cost is unknown.",
        fields: [
            SchemaField(required: "input_per_million", .number(minimum: 0, maximum: nil),
                        "Price of one million input tokens."),
            SchemaField(required: "output_per_million", .number(minimum: 0, maximum: nil),
                        "Price of one million output tokens."),
            .optional("cached_input_per_million", .number(minimum: 0, maximum: nil),
                      "Price of one million cached input tokens; null = the input price."),
            SchemaField("currency", .string(.currencyCode), default: "USD", "Currency of the prices."),
        ])
}
