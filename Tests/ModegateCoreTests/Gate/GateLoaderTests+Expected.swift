import ModegateCore

extension GateLoaderTests {
    /// What `version: 1` plus `workload.presets` resolves to: the defaults of DESIGN §3, spelt out here
    /// independently of `GateSchema` so a changed default fails a test.
    static func defaultPlan(presets: [String], path: String) -> GatePlan {
        let limits = ArmPlan.Limits(
            timeoutSeconds: 30, memoryMB: 256, maxToolCalls: 500, maxCodeChars: 12000, maxOutputBytes: 200_000)
        return GatePlan(
            version: 1, name: "minimal", description: "", sourcePath: path, sourceSHA256: nil,
            workload: WorkloadPlan(
                presets: presets, limit: 0, repetitions: 1, seed: 42, armOrder: .sequential, concurrency: 4),
            model: ModelPlan(provider: .scripted, temperature: 0, maxOutputTokens: 2048, timeoutSeconds: 120, maxRetries: 4),
            mcp: MCPPlan(enabled: false),
            tools: ToolsPlan(transport: .inProcess, faults: [:]),
            baseline: ArmPlan(strategy: .toolCall, runtime: .builtin, discovery: true, maxSteps: 24, limits: limits),
            candidate: ArmPlan(strategy: .codemode, runtime: .builtin, discovery: true, maxSteps: 6, limits: limits),
            thresholds: Thresholds(
                minRewardDelta: 0, minCompletionDelta: 0, maxStepsIncrease: 0.5, failOnCompletionRegression: true,
                maxGuardrailBlocked: 0, maxErrorRate: 0.05),
            judgement: JudgementSettings(mode: .statistical, confidence: 0.95, bootstrapResamples: 5000, seed: 42),
            budget: BudgetPlan(),
            reports: [ReportRequest(format: .text)])
    }

    /// `Fixtures/gates/full.yaml`, key by key.
    static func expectedFullPlan(path: String) -> GatePlan {
        GatePlan(
            version: 1, name: "full-gate", description: "Every key set explicitly.", sourcePath: path,
            sourceSHA256: "digest",
            workload: WorkloadPlan(
                presets: ["repo_triage", "./presets/custom.yaml"], limit: 5, repetitions: 3, seed: 7,
                armOrder: .interleaved, concurrency: 8),
            model: ModelPlan(
                provider: .azureOpenAI, name: "gpt-4.1-mini", baseURL: "https://example.openai.azure.com",
                apiKeyEnv: "AZURE_OPENAI_API_KEY", apiVersion: "2024-10-21", temperature: 0.2, maxOutputTokens: 1024,
                timeoutSeconds: 90, maxRetries: 2,
                pricing: .init(inputPerMillion: 0.4, outputPerMillion: 1.6, cachedInputPerMillion: 0.1, currency: "EUR")),
            mcp: MCPPlan(enabled: true, servers: [
                "git": .init(command: ["mcp-server-git", "-r", "."], env: ["GIT_PAGER": "cat"], timeoutSeconds: 45,
                             errorPattern: "^Error:"),
                "search": .init(url: "http://127.0.0.1:8000/mcp", headersEnv: ["Authorization": "SEARCH_AUTH"],
                                timeoutSeconds: 60),
            ]),
            tools: ToolsPlan(transport: .mcpStdio, faults: ["repo_triage": .init(errorRate: 0.2, latencyMS: 5, seed: 3)]),
            baseline: ArmPlan(
                strategy: .toolCall, runtime: .builtin, discovery: false, maxSteps: 20,
                limits: .init(timeoutSeconds: 10, memoryMB: 128, maxToolCalls: 50, maxCodeChars: 4000, maxOutputBytes: 1000)),
            candidate: ArmPlan(
                strategy: .codemode, runtime: .mcp, mcpServer: "search", discovery: true, maxSteps: 8,
                limits: .init(timeoutSeconds: 60, memoryMB: 512, maxToolCalls: 100, maxCodeChars: 20000,
                              maxOutputBytes: 500_000, deniedTools: ["delete_repo"])),
            thresholds: Thresholds(
                minRewardDelta: -0.02, minCompletionDelta: 0.01, maxStepsIncrease: 1, failOnCompletionRegression: false,
                maxGuardrailBlocked: 2, maxErrorRate: 0.1, maxTokenIncreaseRatio: 0.1, maxCostIncreaseRatio: 0.25,
                maxP95LatencyIncreaseRatio: 0.5),
            judgement: JudgementSettings(mode: .point, confidence: 0.9, bootstrapResamples: 2000, seed: 7),
            budget: BudgetPlan(maxModelRequests: 2000, maxSeconds: 1800, maxCost: 5),
            reports: [
                ReportRequest(format: .json, path: ".modegate/verdict.json"),
                ReportRequest(format: .markdown, path: ".modegate/decision.md"),
                ReportRequest(format: .junit, path: ".modegate/junit.xml"),
                ReportRequest(format: .text),
                ReportRequest(format: .github),
            ])
    }
}
