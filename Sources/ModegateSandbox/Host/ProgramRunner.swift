/// Runs programs: the sandbox itself, or a lease on one of its workers.
public protocol ProgramRunner: Sendable {
    func run(_ program: String, tools: any SandboxToolHandler, limits: SandboxLimits) async -> SandboxRun
}

extension Sandbox: ProgramRunner {}
