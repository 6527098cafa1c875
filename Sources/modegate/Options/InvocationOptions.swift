import ArgumentParser
import Foundation
import ModegateCore
import ModegateHarness

/// The options every command that plays a gate shares (`run`, `bench`, `sweep`, `plan`, `serve
/// codemode`; `run --replay` is `run`): they and the command's own gate-key overrides become one
/// `GateInvocation`, built here and nowhere else, so a setting's precedence is settled once.
struct InvocationOptions: ParsableArguments {
    @Option(help: "Trials at the same time (overrides workload.concurrency).")
    var concurrency: Int?

    func validate() throws {
        try GateKeyOverride(flag: "--concurrency", key: "workload.concurrency").check(concurrency)
    }

    /// The gate at `gate` (or the bench default when nil), loaded with its SHA-256, the command's
    /// `overrides` applied, run as `settings` say (given the loaded plan: a reused baseline is
    /// checked against it) with this group's flags; its set-up built. Throws `DiagnosticsError`
    /// for a gate that does not load (exit 3), and what `overrides` or `settings` throw.
    func setup(
        gate: String?, workspace: Workspace, overrides: (GatePlan) throws -> GateOverrides = { _ in GateOverrides() },
        settings: (GatePlan) throws -> GateInvocation.Settings = { _ in GateInvocation.Settings() }, warmWorkers: Int? = nil
    ) throws -> GateSetup {
        let loaded = try gate.map { try GateLoader.load(path: $0, sha256: SHA256.hex) }
            ?? GateLoader.load(yaml: "version: 1\nworkload: {presets: [bench]}\n", path: "<bench>")
        let overrides = try overrides(loaded)
        var settings = try settings(loaded)
        settings.concurrency = concurrency
        let invocation = GateInvocation(plan: loaded, overrides: overrides, settings: settings)
        return GateSetup(workspace: workspace, invocation: invocation, gate: gate, warmWorkers: warmWorkers ?? invocation.concurrency)
    }
}
