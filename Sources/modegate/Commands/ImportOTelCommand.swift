import ArgumentParser
import Foundation
import ModegateCore

/// `modegate import otel FILE... --arm baseline|candidate`: OpenTelemetry GenAI traces (OTLP
/// JSON lines, as the Collector's file exporter writes them) into one stored run. Prints the
/// run id on stdout; every problem at its file and line on stderr with exit 3, and then
/// nothing is stored.
struct ImportOTelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "otel", abstract: "Import OpenTelemetry GenAI traces (OTLP JSON) as one arm's run.",
        discussion: """
            One trial per outermost invoke_agent span; its chat spans are the model requests \
            (gen_ai.usage.* their tokens), its execute_tool spans (and MCP tools/call spans) \
            the tool calls, MCP ones by server. The case id, repetition, reward and completion \
            come from span attributes, looked up on the invoke_agent span, its ancestors, then \
            the resource; --scores gives reward and completion from a JSON-lines file \
            ({"case_id": "c1", "repetition": 0, "reward": 1, "completed": true}, repetition \
            optional) instead. Trials without a repetition are numbered per case in start \
            order; without a completion, a trial completes when its invoke_agent span did not \
            fail. The run is NAME-ARM (NAME defaults to a new time-stamped id): import both arms \
            under one --name and `previous` of NAME-candidate is NAME-baseline. \
            Exit 0 on import, 3 when any file is malformed or incomplete (nothing stored), 64 for usage.
            """)

    enum Arm: String, ExpressibleByArgument, CaseIterable { case baseline, candidate }

    @Argument(help: "OTLP JSON trace files: one ExportTraceServiceRequest per line. Spans may be spread over files in any order.")
    var files: [String]

    @Option(help: "The arm these traces are: baseline or candidate.")
    var arm: Arm

    @Option(help: "The run id without its arm (letters, digits, '.', '_', '-'); the run is NAME-ARM. Default: a new time-stamped id.")
    var name: String?

    @Option(help: "The strategy to record: tool_call or codemode. Default: tool_call for the baseline, codemode for the candidate.")
    var strategy: String?

    @Option(help: "The preset name trials are recorded under; give both arms the same one.")
    var preset = "otel"

    @Option(help: "JSON lines of scores by case id (reward, completed, optional repetition); they win over span attributes.")
    var scores: String?

    @Option(help: "The attribute holding the case id.")
    var caseAttribute = OTelImportSettings.Attributes().caseID

    @Option(help: "The attribute holding the 0-based repetition.")
    var repetitionAttribute = OTelImportSettings.Attributes().repetition

    @Option(help: "The attribute holding the reward (0 to 1).")
    var rewardAttribute = OTelImportSettings.Attributes().reward

    @Option(help: "The attribute holding whether the trial completed.")
    var completedAttribute = OTelImportSettings.Attributes().completed

    @Option(help: "The attribute naming a tool call's MCP server (else server.address:port, else 'mcp').")
    var serverAttribute = OTelImportSettings.Attributes().server

    @Option(help: "A tool that runs a Code Mode program (codemode arms; repeatable). Default: run_code, execute_code, call_tool_chain.")
    var programTool: [String] = []

    @Option(help: ArgumentHelp(
        "Import only the invocations whose attribute has this value (repeatable, all must hold), e.g. modegate.arm=candidate for one arm of a `run --trace` file.",
        valueName: "attribute=value"))
    var only: [String] = []

    /// `--only`'s pairs; nil for one without `=` or a name.
    private var onlyPairs: [String: String]? {
        var pairs: [String: String] = [:]
        for text in only {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { return nil }
            pairs[parts[0]] = parts[1]
        }
        return pairs
    }

    func validate() throws {
        if onlyPairs == nil { throw ValidationError("--only takes attribute=value, e.g. --only modegate.arm=candidate") }
        guard !files.isEmpty else { throw ValidationError("give the trace files to import") }
        if let strategy, Strategy(rawValue: strategy) == nil {
            throw ValidationError("--strategy must be tool_call or codemode, found '\(strategy)'")
        }
        if let name {
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))
            guard !name.isEmpty, !name.hasPrefix("."), name.unicodeScalars.allSatisfy(allowed.contains) else {
                throw ValidationError("--name must be letters, digits, '.', '_' and '-' and not start with '.', found '\(name)'")
            }
        }
        for (flag, value) in [("--case-attribute", caseAttribute), ("--repetition-attribute", repetitionAttribute),
                              ("--reward-attribute", rewardAttribute), ("--completed-attribute", completedAttribute),
                              ("--server-attribute", serverAttribute)] where value.isEmpty {
            throw ValidationError("\(flag) needs an attribute name")
        }
    }

    func run() throws {
        let workspace = Workspace()
        let role: ArmRole = arm == .baseline ? .baseline : .candidate
        var settings = OTelImportSettings(
            arm: role, stem: name ?? "otel-\(GateRunID.stem(at: workspace.now))", strategy: strategy.flatMap(Strategy.init))
        settings.preset = preset
        settings.attributes.caseID = caseAttribute
        settings.attributes.repetition = repetitionAttribute
        settings.attributes.reward = rewardAttribute
        settings.attributes.completed = completedAttribute
        settings.attributes.server = serverAttribute
        if !programTool.isEmpty { settings.programTools = Set(programTool) }
        settings.only = onlyPairs ?? [:]
        do {
            let store = workspace.store
            let target = store.runsFolder.appendingPathComponent(settings.runID)
            if FileManager.default.fileExists(atPath: target.path) {
                throw InputError("error: run \(settings.runID) is already stored (\(target.path)); import under another --name, or remove that run first")
            }
            let imported = try OTelImport(settings: settings).run(
                traces: try files.map(read), scores: try scores.map(read), toolVersion: Modegate.version,
                host: ProcessInfo.processInfo.hostName, at: workspace.now)
            let folder = try store.add(imported)
            for note in imported.notes { Console.error("modegate: note: \(note)") }
            let summary = imported.summary
            let cases = Set(imported.trials.map(\.caseID)).count
            Console.error("modegate: imported \(summary.attemptedCases) trials (\(cases) cases × up to \(summary.repetitions) repetitions, \(settings.strategy.rawValue)) into \(VerifyCommand.shown(folder, from: workspace.directory))")
            let other = role == .baseline ? "candidate" : "baseline"
            Console.error("modegate: import the \(other) with --arm \(other) --name \(settings.stem), then: modegate validate --candidate \(settings.stem)-candidate --baseline \(settings.stem)-baseline")
            Console.out(settings.runID)
        } catch {
            throw Failure.exit(for: error)
        }
    }

    /// A file's bytes, named as given; an unreadable file is a diagnostic like any other.
    private func read(_ path: String) throws -> OTelImport.Source {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DiagnosticsError([Diagnostic(file: path, line: 0, column: 0, message: "cannot read this file (missing or not readable)")])
        }
        return OTelImport.Source(name: path, data: data)
    }
}
