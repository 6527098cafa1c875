import ArgumentParser
import ModegateCore

/// `modegate check GATE.yaml`: validates a gate file and prints the resolved plan as JSON.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate a gate file and print the resolved plan.")

    @Argument(help: "The gate file.")
    var gate: String

    func run() throws {
        do {
            let plan = try GateLoader.load(path: gate)
            Console.out(try StableJSON.string(plan))
            Console.error("modegate: \(gate): ok")
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
