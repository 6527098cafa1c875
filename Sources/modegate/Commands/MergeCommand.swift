import ArgumentParser
import Foundation
import ModegateCore
import ModegateReports

/// `modegate merge RUN...`: joins shard runs into one run per arm (refusing gaps and overlaps);
/// when both arms are merged, judges them with the gate's criteria and exits with the verdict.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: "Merge shard runs into one run per arm.")

    @Argument(help: "The shard runs (ids, prefixes or run folders), all arms together, or folders of downloaded CI artifacts holding them (searched for shard runs).")
    var runs: [String]

    @OptionGroup var reports: ReportOptions

    func validate() throws {
        guard !runs.isEmpty else { throw ValidationError("give the shard runs to merge") }
    }

    func run() throws {
        let workspace = Workspace()
        do {
            let store = workspace.store
            var entries: [RunCatalogEntry] = []
            for reference in runs {
                let url = URL(fileURLWithPath: reference, relativeTo: workspace.directory).standardizedFileURL
                if let found = try RunMerger.shardRuns(under: url) {
                    Console.error("modegate: \(reference): \(found.count) shard run\(found.count == 1 ? "" : "s")")
                    entries += found
                } else {
                    entries.append(try store.resolve(.named(reference), workingDirectory: workspace.directory))
                }
            }
            // The same run given twice (as itself and inside a folder) is one run.
            var seen = Set<String>()
            entries = entries.filter { seen.insert(URL(fileURLWithPath: $0.path).standardizedFileURL.path).inserted }
            let merged = try RunMerger(store: store).merge(entries, at: workspace.now)
            for entry in merged { Console.error("modegate: merged \(entry.id) (\(entry.metrics?.totalCases ?? 0) trials)") }
            let stored = try merged.map { try store.open($0) }
            guard let baseline = stored.first(where: { $0.manifest?.arm == .baseline }),
                let candidate = stored.first(where: { $0.manifest?.arm == .candidate }),
                let planJSON = candidate.manifest?.plan
            else { return }
            let plan = try StableJSON.decoder().decode(GatePlan.self, from: Data(planJSON.jsonText.utf8))
            let verdict = Judge(thresholds: plan.thresholds, settings: plan.judgement).judge(candidate: candidate, baseline: baseline)
            let requests = try reports.requests(over: [ReportRequest(format: .text, path: nil)])
            try ReportWriter(workspace: workspace, context: .current(workspace)).write(verdict, to: requests)
            throw ExitCode(verdict.exitStatus.rawValue)
        } catch let problem as RunMerger.Problem {
            Console.error("modegate: error: \(problem.description)")
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
