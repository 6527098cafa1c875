import Foundation
import ModegateCore
import Testing

/// Golden files under `Goldens/NAME.FORMAT.golden`. They are written only when the environment asks
/// for it (`MODEGATE_RECORD=1 swift test …`); otherwise a missing or different file fails the test
/// with the first differing line, so a change to a report is always a reviewed diff.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static var recording: Bool { ProcessInfo.processInfo.environment["MODEGATE_RECORD"] == "1" }

    /// Compares text byte for byte; with `json: true` both sides are parsed and compared as values,
    /// so key order and whitespace cannot fail a test while any changed value still does.
    static func check(_ actual: String, name: String, format: String, json: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = directory.appendingPathComponent("\(name).\(format).golden")
        if recording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("missing golden \(file.lastPathComponent); record it with MODEGATE_RECORD=1 swift test --filter ModegateReportsTests", sourceLocation: sourceLocation)
            return
        }
        if json {
            let decoder = JSONDecoder()
            let same = try decoder.decode(JSONValue.self, from: Data(expected.utf8)) == decoder.decode(JSONValue.self, from: Data(actual.utf8))
            if same { return }
        } else if expected == actual {
            return
        }
        Issue.record(Comment(rawValue: difference(expected: expected, actual: actual, file: file.lastPathComponent)), sourceLocation: sourceLocation)
    }

    /// The first line that differs, with both versions, and how to accept the change.
    static func difference(expected: String, actual: String, file: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        let was = line < old.count ? old[line] : "<end of file>"
        let now = line < new.count ? new[line] : "<end of file>"
        return """
            \(file) differs at line \(line + 1):
              golden: \(was.debugDescription)
              actual: \(now.debugDescription)
            If the change is intended, re-record with MODEGATE_RECORD=1 swift test --filter ModegateReportsTests and review the diff.
            """
    }
}
