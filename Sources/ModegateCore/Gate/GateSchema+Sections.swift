extension GateSchema {
    static let tools = SchemaObject(
        title: "tools",
        description: "How the built-in suites' tools are reached, and faults injected into them.",
        fields: [
            SchemaField("transport", .stringEnum(["in_process", "mcp_stdio"]), default: "in_process",
                        "in_process: suites run inside modegate; mcp_stdio: through `modegate serve` subprocesses."),
            SchemaField("faults", .map(keys: .serverName, values: .object(faults)), default: [:],
                        "Faults per suite name, to exercise the gate's failure paths offline."),
        ])

    static let faults = SchemaObject(
        title: "faults",
        description: "Injected tool faults for one suite.",
        fields: [
            SchemaField("error_rate", .number(minimum: 0, maximum: 1), default: 0,
                        "Probability that a tool call fails."),
            SchemaField("latency_ms", .integer(minimum: 0, maximum: 600_000), default: 0,
                        "Delay added to every tool call, in milliseconds."),
            SchemaField("seed", .integer(minimum: 0, maximum: 9_007_199_254_740_991), default: 0,
                        "Seed of the fault draws, so a faulty run is reproducible."),
        ])

    static let mcp = SchemaObject(
        title: "mcp",
        description: "MCP servers that provide tools, or an external Code Mode runtime.",
        fields: [
            SchemaField("enabled", .boolean, default: false,
                        "Start and use the servers below; when false they are declared but not started."),
            SchemaField("servers", .map(keys: .serverName, values: .object(mcpServer)), default: [:],
                        "Servers by name. Each sets exactly one of `command` (stdio) or `url` (streamable HTTP)."),
        ])

    static let mcpServer = SchemaObject(
        title: "MCP server",
        description: "One MCP server, spawned over stdio or reached over streamable HTTP.",
        fields: [
            .optional("command", .array(of: .string(.nonEmpty), minItems: 1),
                      "Program and arguments of a stdio server."),
            SchemaField("env", .map(keys: .environmentVariable, values: .string(.any)), default: [:],
                        "Extra environment of a stdio server, passed verbatim (no expansion)."),
            .optional("url", .string(.httpURL), "Endpoint of a streamable-HTTP server."),
            SchemaField("headers_env", .map(keys: .headerName, values: .string(.environmentVariable)),
                        default: [:],
                        "HTTP headers whose values are read at run time from the named environment variables."),
            SchemaField("timeout_seconds", .integer(minimum: 1, maximum: 3600), default: 60,
                        "Timeout of one request to the server."),
            .optional("error_pattern", .string(.nonEmpty),
                      "Regular expression; a tool result whose text matches counts as a tool error."),
            .optional("per_trial_state", .boolean,
                      "The server keeps state per trial, by the modegate.dev/trial key of each call's _meta, so trials that set up state may run at once."),
        ])

    /// Both arms share one shape; only the defaults of `strategy` and `max_steps` differ.
    static func arm(title: String, strategy: String, maxSteps: Int, reusable: Bool = false) -> SchemaObject {
        SchemaObject(
            title: title,
            description: "How the \(title) uses tools. Defaults: strategy \(strategy), max_steps \(maxSteps).",
            fields: (reusable ? [
                .optional("reuse", .string(.nonEmpty),
                          "A stored run (id, prefix, latest:tool_call, or a path) judged as the baseline instead of playing it again, when its provenance matches; like run --baseline."),
            ] : []) + [
                SchemaField("strategy", .stringEnum(["tool_call", "codemode"]), default: .string(strategy),
                            "tool_call: the model calls tools turn by turn; codemode: it writes a program."),
                SchemaField("runtime", .stringEnum(["builtin", "mcp"]), default: "builtin",
                            "builtin: the embedded JavaScript sandbox; mcp: an external Code Mode server."),
                .optional("mcp_server", .string(.serverName),
                          "Server in mcp.servers; required with runtime: mcp (tools map by role)."),
                .section("mcp_roles", mcpRoles),
                SchemaField("mcp_servers", .array(of: .string(.serverName), minItems: 0), default: [],
                            "Servers in mcp.servers whose tools this arm is offered besides its presets' (an added server's A/B); unset: none."),
                SchemaField("discovery", .boolean, default: true,
                            "Offer search_tools / tool_info before the model writes code."),
                SchemaField("tool_api", .stringEnum(["typescript", "names"]), default: "typescript",
                            "How run_code presents the tools: typescript declarations from their schemas, or names only."),
                SchemaField("max_steps", .integer(minimum: 1, maximum: 1000), default: .number(Double(maxSteps)),
                            "Model turns per trial."),
                .optional("model", .object(armModel),
                          "The arm's own model: any key of model, the rest shared (unset: the shared model)."),
                .optional("instructions", .string(.nonEmpty),
                          "The arm's own instructions, added to the system prompt after the core both arms share (unset: the core alone)."),
                .optional("instructions_file", .string(.nonEmpty),
                          "A file (relative to the gate file) whose text is the arm's instructions; instead of instructions."),
                .section("limits", limits),
            ])
    }

    /// An arm's model: every key of `model`, none defaulted, so a key the arm leaves out keeps
    /// the shared value. `provider: replay` and `cassette` stay shared (`--replay` plays both arms).
    static let armModel = SchemaObject(
        title: "arm model",
        description: "The keys of model this arm sets for itself; each one left out is the shared model's.",
        fields: model.fields.filter { $0.name != "cassette" }.map { field in
            var type = field.type.unwrapped
            var description = field.description
            if field.name == "provider", case .stringEnum(let names) = type {
                type = .stringEnum(names.filter { $0 != "replay" })
                description = "Which API serves this arm's model; replay is not one: a replay plays both arms (--replay, or the shared model)."
            }
            return SchemaField.optional(field.name, type, description)
        })

    /// Which of an external Code Mode server's tools plays which part, when its names are not
    /// among the known ones (UTCP-style or toolplane-style).
    static let mcpRoles = SchemaObject(
        title: "mcp_roles",
        description: "With runtime: mcp, the server's tool names by role, when they are not the known UTCP or toolplane names.",
        fields: [
            .optional("execute", .string(.nonEmpty), "The tool that runs a program (known: call_tool_chain, execute_code, run_code)."),
            .optional("search", .string(.nonEmpty), "The tool that searches tools (known: search_tools, search_capabilities)."),
            .optional("describe", .string(.nonEmpty), "The tool that describes tools (known: tool_info, get_capability_schemas)."),
        ])

    static let limits = SchemaObject(
        title: "limits",
        description: "Sandbox limits of one Code Mode program.",
        fields: [
            SchemaField("timeout_seconds", .integer(minimum: 1, maximum: 3600), default: 30,
                        "Wall-clock limit of one program."),
            SchemaField("memory_mb", .integer(minimum: 16, maximum: 65536), default: 256,
                        "Memory limit of the sandbox."),
            SchemaField("max_tool_calls", .integer(minimum: 1, maximum: 1_000_000), default: 500,
                        "Tool calls one program may make."),
            SchemaField("max_code_chars", .integer(minimum: 1, maximum: 10_000_000), default: 12000,
                        "Longest program accepted."),
            SchemaField("max_output_bytes", .integer(minimum: 1, maximum: 1_000_000_000), default: 200_000,
                        "Largest result returned to the model."),
            SchemaField("denied_tools", .array(of: .string(.nonEmpty), minItems: 0), default: [],
                        "Tools a program may not call; a call counts as guardrail blocked."),
        ])

    static let thresholds = SchemaObject(
        title: "thresholds",
        description: "Promotion criteria: RLM Code's names and meanings, extended.",
        fields: [
            SchemaField("min_reward_delta", .number(minimum: -1, maximum: 1), default: 0,
                        "Candidate mean reward minus baseline must be at least this."),
            SchemaField("min_completion_delta", .number(minimum: -1, maximum: 1), default: 0,
                        "Candidate completion rate minus baseline must be at least this."),
            SchemaField("max_steps_increase", .number(minimum: -1000, maximum: 1000), default: 0.5,
                        "Largest allowed absolute increase of mean steps (RLM semantics)."),
            SchemaField("fail_on_completion_regression", .boolean, default: true,
                        "Fail when cases the baseline completed are not completed by the candidate."),
            SchemaField("completion_regression_tolerance", .number(minimum: 0, maximum: 0.5), default: 0.05,
                        "Sequential judging: the net regression, (losses − gains) per paired trial, the regression gate tolerates; it passes once the rate is shown below this, ties counting."),
            SchemaField("max_guardrail_blocked", .integer(minimum: 0, maximum: nil), default: 0,
                        "Most guardrail-blocked actions allowed in the candidate run."),
            SchemaField("max_error_rate", .number(minimum: 0, maximum: 1), default: 0.05,
                        "Largest share of trials ending in an infrastructure error, per arm."),
            .optional("max_token_increase_ratio", .number(minimum: -1, maximum: 1000),
                      "e.g. 0.10 = the candidate may use 10% more tokens; null = no gate."),
            .optional("max_cost_increase_ratio", .number(minimum: -1, maximum: 1000),
                      "Largest allowed relative cost increase; null = no gate."),
            .optional("max_p95_latency_increase_ratio", .number(minimum: -1, maximum: 1000),
                      "Largest allowed relative increase of p95 trial latency; null = no gate."),
            SchemaField("per_preset", .boolean, default: false,
                        "Each preset's gates count as well, Holm-corrected across presets (statistical mode); false = by_preset only describes."),
            SchemaField("server_adoption", .map(keys: .serverName, values: .object(serverAdoption)), default: [:],
                        "Gates on how the candidate uses an MCP server, by server name (e.g. an added one); empty = adoption only describes."),
        ])

    static let serverAdoption = SchemaObject(
        title: "server adoption thresholds",
        description: "Gates on the candidate's use of one MCP server, over the whole run; each null switches its gate off.",
        fields: [
            .optional("min_share", .number(minimum: 0, maximum: 1),
                      "Least share of the candidate's tool calls that go to the server."),
            .optional("min_trials_using", .number(minimum: 0, maximum: 1),
                      "Least share of the candidate's trials that call the server at least once."),
            .optional("max_error_rate", .number(minimum: 0, maximum: 1),
                      "Most share of the server's calls that fail."),
        ])

    static let judgement = SchemaObject(
        title: "judgement",
        description: "How the judge decides each gate.",
        fields: [
            SchemaField("mode", .stringEnum(["point", "statistical"]), default: "statistical",
                        "point: compare observed values (RLM parity); statistical: paired bootstrap and McNemar."),
            SchemaField("confidence", .number(minimum: 0.5, maximum: 0.9999), default: 0.95,
                        "Confidence of the intervals and tests in statistical mode."),
            SchemaField("bootstrap_resamples", .integer(minimum: 100, maximum: 1_000_000), default: 5000,
                        "Bootstrap resamples per interval."),
            .optional("sequential", .object(sequential), sequential.description),
        ])

    static let sequential = SchemaObject(
        title: "sequential",
        description: "Sequential judging: cases in a seeded order, in batches; stop once every gate is decided (statistical mode). null = a fixed-size run.",
        fields: [
            SchemaField("batch_cases", .integer(minimum: 1, maximum: 100_000), default: 10,
                        "Cases per batch; the judge looks after each."),
            SchemaField("min_cases", .integer(minimum: 2, maximum: 100_000), default: 20,
                        "Paired cases before the first decision (the confidence sequences are asymptotic)."),
        ])

    static let budget = SchemaObject(
        title: "budget",
        description: "Hard limits of one run; null = unlimited. Exhausting one is a run error.",
        fields: [
            .optional("max_model_requests", .integer(minimum: 1, maximum: nil), "Model requests across both arms."),
            .optional("max_seconds", .number(minimum: 1, maximum: nil), "Wall-clock seconds of the whole run."),
            .optional("max_cost", .number(minimum: 0, maximum: nil), "Cost across both arms, in the pricing currency."),
        ])

    static let report = SchemaObject(
        title: "report",
        description: "One report of the verdict.",
        fields: [
            SchemaField(required: "format", .stringEnum(ReportFormat.allCases.map(\.rawValue)),
                        "text and github go to stdout / the step summary; json, markdown, junit, openmetrics and buildkite need a path."),
            .optional("path", .string(.nonEmpty), "File to write; required for json, markdown, junit, openmetrics and buildkite."),
        ])
}
