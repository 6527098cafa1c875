/// Runs programs: the sandbox itself, or a lease on one of its workers.
public protocol ProgramRunner: Sendable {
    /// Runs `program` under `limits`, its calls answered by `tools`; every failure is a typed outcome.
    func run(_ program: String, tools: any SandboxToolHandler, limits: SandboxLimits) async -> SandboxRun
}

extension Sandbox: ProgramRunner {}
