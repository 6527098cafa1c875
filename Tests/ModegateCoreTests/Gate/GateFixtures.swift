import Foundation

/// Locations of gate fixtures and repository files, found from this source file so tests run from any
/// working directory. Goldens are rewritten only when `MODEGATE_RECORD=1`.
enum GateFixtures {
    static let testFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let gatesFolder = testFolder.deletingLastPathComponent().appendingPathComponent("Fixtures/gates")
    static let brokenFolder = gatesFolder.appendingPathComponent("broken")
    static let repositoryRoot = testFolder
        .deletingLastPathComponent()  // ModegateCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static var recording: Bool { ProcessInfo.processInfo.environment["MODEGATE_RECORD"] == "1" }

    /// Names of `broken/*.yaml`, without the extension, sorted.
    static func brokenNames() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: brokenFolder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func text(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// Compares `actual` with the file at `url`, or writes it there when recording.
    /// Returns the expected text (`nil` when the golden is missing and not being recorded).
    static func golden(_ url: URL, actual: String) throws -> String? {
        if recording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return actual
        }
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try text(url)
    }
}
