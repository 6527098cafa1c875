import Foundation
import ModegateCore

/// The process's surroundings, read once: working directory, environment, the store and the clock.
/// `MODEGATE_NOW` (ISO 8601) fixes the clock so reports are reproducible in tests.
struct Workspace {
    let directory: URL
    let environment: [String: String]

    init() {
        directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        environment = ProcessInfo.processInfo.environment
    }

    var store: RunStore { RunStore.standard(in: directory, environment: environment) }

    var now: Date {
        if let fixed = environment["MODEGATE_NOW"], let date = ISO8601Timestamp.parse(fixed) { return date }
        return Date()
    }
}
