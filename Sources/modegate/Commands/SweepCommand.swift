import ArgumentParser
import Foundation
import ModegateCore
import ModegateHarness
import ModegateReports

/// `modegate sweep GATE --shapes 1x1,5x5,10x10,20x50`: both arms of the gate at every size of its
/// parametric presets, the costs and reward per arm against size, and the size from which the
/// candidate starts to pay (docs/sweep.md).
struct SweepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep", abstract: "Play both arms at several workload sizes and find where the candidate starts to pay.",
        discussion: """
            Each shape SxC sizes the gate's parametric presets (repo_triage: S shards × C candidates per \\
            shard; dynamic_web_filtering: S date-window searches × C pages read from each); other presets \\
            are skipped. Every shape is one stored gate run; the sweep's JSON goes under the store's \\
            sweeps/ folder. See docs/sweep.md.
            """)

    @Argument(help: "The gate file.")
    var gate: String

    @Option(help: ArgumentHelp("The sizes, SHARDSxCANDIDATES separated by commas.", valueName: "shapes"))
    var shapes = "1x1,5x5,10x10,20x50"

    @Option(help: "Cases per shape, each on its own seed's data: the case slots the intervals resample (2–1000).")
    var cases = 5

    @Option(help: "Trials per case per arm (overrides workload.repetitions; the scripted model needs only 1).")
    var repetitions = 1

    @Option(name: .customLong("preset"), help: "Sweep only this preset of the gate (repeatable).")
    var presets: [String] = []

    @OptionGroup var invocation: InvocationOptions

    @Option(name: .customLong("report"), help: ArgumentHelp(
        "Also write the sweep as FORMAT (json, html) to PATH; html without a path goes beside the sweep's JSON.",
        valueName: "format[:path]"))
    var reports: [String] = []

    @Flag(help: "Print the sweep's JSON on stdout instead of the table.")
    var json = false

    func validate() throws {
        guard (2...1000).contains(cases) else { throw ValidationError("--cases must be between 2 and 1000 (intervals need at least two cases), found \(cases)") }
        guard (1...100).contains(repetitions) else { throw ValidationError("--repetitions must be between 1 and 100, found \(repetitions)") }
        _ = try requests()
    }

    /// `--report` as (format, path) pairs.
    func requests() throws -> [(format: ReportFormat, path: String?)] {
        try reports.map { text in
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard let format = parts.first.flatMap({ ReportFormat(rawValue: $0.lowercased()) }), format == .json || format == .html else {
                throw ValidationError("--report '\(text)': a sweep is written as json or html, optionally followed by :PATH")
            }
            return (format, parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil)
        }
    }

    func run() async throws {
        let workspace = Workspace()
        do {
            let shapes: [SweepShape]
            do { shapes = try SweepShape.parseList(self.shapes) } catch let error as SweepInputError { throw InputError(error.description) }
            // Every shape plays its whole workload: all cases, and no sequential stop, which would
            // leave a size unmeasured.
            let setup = try invocation.setup(
                gate: gate, workspace: workspace,
                overrides: { [repetitions] _ in GateOverrides(repetitions: repetitions, limit: 0, sequential: false) })
            let plan = setup.plan
            let workload: SweepWorkload
            do {
                workload = try SweepWorkload(
                    presets: try PresetResolution(planner: setup.planner).presets(for: plan), suites: setup.planner.suites, only: presets)
                try workload.check(shapes)
            } catch let error as SweepInputError {
                throw InputError(error.description)
            }
            for skipped in workload.skipped { Console.error("modegate: sweep: not swept: \(skipped.reason)") }
            let warnings = plan.candidate.strategy == .codemode && plan.candidate.runtime == .builtin
                ? workload.toolCallWarnings(shapes, maxToolCalls: plan.candidate.limits.maxToolCalls) : []
            for warning in warnings { Console.error("modegate: sweep: warning: \(warning)") }
            if plan.models.contains(where: \.provider.isLive) {
                Console.error("modegate: sweep: the model is live: \(shapes.count) shapes × \(cases) cases × \(repetitions) repetitions × 2 arms are paid for")
            }
            let started = Date()
            // The shapes' runs live in the sweep's own store, so `latest` and `previous` keep
            // naming the gate's real runs.
            let id = "sweep-" + GateRunID.stem(at: workspace.now)
            let folder = workspace.store.root.appendingPathComponent("sweeps").appendingPathComponent(id)
            let sweep = SweepRunner(runner: setup.runner(store: RunStore(root: folder)), workload: workload, casesPerShape: cases)
            let samples = try await setup.closing {
                try await SignalWatch.shared.cancellingOnSignal { try await sweep.play(shapes, progress: { Console.error("modegate: \($0)") }) }
            }
            let report = makeReport(id: id, plan: plan, workload: workload, shapes: shapes, samples: samples, workspace: workspace, started: started, warnings: warnings)
            try write(report, to: folder, workspace: workspace)
        } catch {
            throw Failure.exit(for: error)
        }
    }

    func makeReport(id: String, plan: GatePlan, workload: SweepWorkload, shapes: [SweepShape], samples: [String: [SweepSample]], workspace: Workspace, started: Date, warnings: [String]) -> SweepReport {
        let analysis = SweepAnalysis(resamples: plan.judgement.bootstrapResamples, confidence: plan.judgement.confidence, seed: plan.judgement.seed)
        let swept = workload.targets.map { target in
            analysis.sweep(preset: target.preset.name, suite: target.suite.name, mapping: target.suite.sweepMapping, samples: samples[target.preset.name] ?? [])
        }
        let generatedAt = workspace.now
        return SweepReport(
            id: id, gate: gate, gateName: plan.name, generatedAt: generatedAt, toolVersion: Modegate.version,
            model: "\(plan.model.provider.rawValue)" + (plan.model.name.map { " \($0)" } ?? ""), tokensEstimated: plan.model.provider == .scripted,
            baselineStrategy: plan.baseline.strategy.rawValue, candidateStrategy: plan.candidate.strategy.rawValue, shapes: shapes,
            casesPerShape: cases, repetitions: repetitions, confidence: plan.judgement.confidence,
            bootstrapResamples: plan.judgement.bootstrapResamples, seed: plan.workload.seed,
            wallSeconds: Date().timeIntervalSince(started),
            presets: swept, skippedPresets: workload.skipped, warnings: warnings)
    }

    /// The JSON under the store (its path on stderr), the requested reports, and stdout.
    func write(_ report: SweepReport, to folder: URL, workspace: Workspace) throws {
        let jsonText = try StableJSON.string(report) + "\n"
        let jsonPath = folder.appendingPathComponent("sweep.json").path
        try ReportWriter.writeFile(jsonText, to: jsonPath, relativeTo: workspace.directory)
        Console.error("modegate: sweep: \(Self.shown(jsonPath, in: workspace))")
        for request in try requests() {
            switch request.format {
            case .html:
                let path = request.path ?? folder.appendingPathComponent("sweep.html").path
                try ReportWriter.writeFile(SweepHTMLRenderer().render(report), to: path, relativeTo: workspace.directory)
                Console.error("modegate: sweep html: \(Self.shown(path, in: workspace))")
            default:
                if let path = request.path { try ReportWriter.writeFile(jsonText, to: path, relativeTo: workspace.directory) }
            }
        }
        // `--report json` without a path is `--json`: the document on stdout, once.
        let jsonOnStdout = try requests().contains { $0.format == .json && $0.path == nil }
        if json || jsonOnStdout {
            Console.out(jsonText)
        } else {
            Console.out(SweepTextRenderer().render(report))
        }
    }

    /// A path relative to the working directory when it is inside it.
    static func shown(_ path: String, in workspace: Workspace) -> String {
        let base = workspace.directory.standardizedFileURL.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
