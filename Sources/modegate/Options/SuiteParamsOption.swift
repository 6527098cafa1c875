import ArgumentParser
import ModegateCore

/// `--params JSON`: a suite's data parameters, as a case's `params` (exec, serve).
struct SuiteParamsOption: ParsableArguments {
    @Option(help: "The suite's data parameters, as a JSON object (as a case's `params`).")
    var params: String?

    func validate() throws {
        if let params, (try? JSONValue.parse(params))?.objectValue == nil {
            throw ValidationError("--params must be a JSON object, e.g. '{\"shards\": 5}'")
        }
    }

    /// The parsed object; empty when the option is not given.
    var value: JSONValue { params.flatMap { try? JSONValue.parse($0) } ?? .object([:]) }
}
