import Foundation

/// One thing a stored run says two ways that do not agree, at the place a reviewer opens.
public struct VerifyFinding: Sendable, Hashable, CustomStringConvertible {
    /// The file it is in.
    public var path: String
    /// The 1-based line, when the place is one line (a JSON-lines record, a summary field).
    public var line: Int?
    /// What disagrees with what, with both values.
    public var message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: message`, the form editors and CI logs link.
    public var description: String {
        "\(line.map { "\(path):\($0)" } ?? path): \(message)"
    }
}

/// What `RunVerifier` found in one run: disagreements (each makes `verify` exit 3), notes on
/// what could not be checked and why, and what was checked and agreed.
public struct RunVerification: Sendable {
    public var runID: String
    public var folder: String
    public var findings: [VerifyFinding] = []
    public var notes: [String] = []
    public var agreed: [String] = []

    public var isClean: Bool { findings.isEmpty }
}
