import ArgumentParser
import Foundation
import ModegateCore
import ModegateReports

/// `modegate runs`: stored runs, newest first by their recorded times.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "runs", abstract: "List stored runs, newest first.")

    @Flag(help: "Print the list as JSON.")
    var json = false

    func run() throws {
        let workspace = Workspace()
        let (entries, problems) = workspace.store.catalog()
        for problem in problems { Console.error("modegate: warning: skipped \(problem.description)") }
        if json {
            do {
                Console.out(try StableJSON.string(entries.map(RunListing.init)))
            } catch {
                throw Failure.exit(for: error)
            }
            return
        }
        if entries.isEmpty {
            Console.error("modegate: no stored runs in \(workspace.store.runsFolder.path)")
            return
        }
        var rows = [["ID", "STRATEGY", "PRESETS", "FINISHED", "CASES", "COMPLETED", "AVG REWARD", "AVG STEPS", "STATE"]]
        for entry in entries {
            let metrics = entry.metrics
            rows.append([
                entry.id, entry.strategy?.rawValue ?? "-", entry.presets.joined(separator: ","),
                entry.finishedAt.map(ISO8601Timestamp.format) ?? "-",
                metrics.map { String($0.totalCases) } ?? "-", metrics.map { String($0.completedCases) } ?? "-",
                metrics.map { String(format: "%.3f", $0.avgReward) } ?? "-",
                metrics.map { String(format: "%.2f", $0.avgSteps) } ?? "-",
                entry.source == .rlmCode ? "rlm_code" : (!entry.isFinished ? "interrupted" : (entry.cancelled ? "cancelled" : "finished")),
            ])
        }
        Console.out(TextTable(rows: rows).rendered)
    }
}
