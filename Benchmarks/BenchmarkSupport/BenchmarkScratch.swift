import Foundation

/// What a benchmark that runs the binary needs first: the `modegate` built beside it (`make
/// bench` builds both in release) and a scratch folder of its own, removed when it is done.
public struct BenchmarkScratch {
    public let modegate: String
    public let folder: URL

    public init(_ name: String) throws {
        modegate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("modegate").path
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-\(name)-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    public func remove() { try? FileManager.default.removeItem(at: folder) }
}
