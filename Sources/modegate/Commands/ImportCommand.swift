import ArgumentParser

/// `modegate import FORMAT …`: runs made by other harnesses, stored as native runs so every
/// judging command reads them. One subcommand per format.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Store another harness's records (OpenTelemetry traces) as a run, or write a gate for BFCL's multi-turn tasks.",
        discussion: """
            Import the baseline's records with --arm baseline and the candidate's with --arm \
            candidate under one --name, then judge them like native runs: \
            modegate validate --candidate NAME-candidate --baseline NAME-baseline. `import bfcl` \
            writes a gate, preset and MCP server for a category of BFCL's multi-turn tasks. See docs/import.md.
            """,
        subcommands: [ImportOTelCommand.self, ImportBFCLCommand.self])
}
