import ArgumentParser
import ModegateCore

/// Reports an error from the libraries on stderr and turns it into the documented exit code.
/// Every input problem is exit 3; anything unexpected is a run error, exit 4 — never a trap.
enum Failure {
    static func exit(for error: Error) -> ExitCode {
        switch error {
        case let error as ExitCode:
            return error
        case let error as DiagnosticsError:
            for diagnostic in error.diagnostics { Console.error(diagnostic.description) }
            return ExitCode(ExitStatus.invalidInput.rawValue)
        case let error as StoreError:
            Console.error("modegate: \(error.description)")
            return ExitCode(ExitStatus.invalidInput.rawValue)
        case let error as StaleBaselineError:
            Console.error("modegate: \(error.description)")
            return ExitCode(ExitStatus.invalidInput.rawValue)
        case let error as ExplainError:
            Console.error("modegate: \(error.description)")
            return ExitCode(ExitStatus.invalidInput.rawValue)
        case let error as InputError:
            Console.error("modegate: \(error.description)")
            return ExitCode(ExitStatus.invalidInput.rawValue)
        default:
            Console.error("modegate: error: \(error)")
            return ExitCode(ExitStatus.runError.rawValue)
        }
    }
}
