import Foundation
import ModegateCore
import Synchronization

/// `--trace otlp:PATH`: one OTLP JSON line per trial, appended to PATH as the trial is recorded
/// (the OpenTelemetry Collector's file exporter's format, which `modegate import otel` and the
/// Collector's `otlpjsonfile` receiver read). Appending keeps a resumed run's trials with the
/// first attempt's.
public final class OTLPFileExporter: TraceExporter {
    private struct State {
        var handle: FileHandle?
        var summary: TraceExportSummary
    }

    private let resource: TraceResource
    private let state: Mutex<State>

    /// Opens (or creates) `url` for appending; throws when it cannot be.
    public init(url: URL, shownAs name: String, resource: TraceResource) throws {
        self.resource = resource
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: url.path) {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
            }
        }
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        state = Mutex(State(handle: handle, summary: TraceExportSummary(destination: name)))
    }

    public func export(_ spans: [TraceSpan]) {
        let line = Data((resource.batch(spans).otlpJSONLine + "\n").utf8)
        state.withLock { state in
            state.summary.trials += 1
            state.summary.spans += spans.count
            do {
                guard let handle = state.handle else { throw CocoaError(.fileWriteUnknown) }
                try handle.write(contentsOf: line)
            } catch {
                state.summary.lost += spans.count
                if state.summary.failure == nil { state.summary.failure = "cannot write: \(error.localizedDescription)" }
            }
        }
    }

    public func finish(within seconds: Double) async -> TraceExportSummary {
        state.withLock { state in
            try? state.handle?.synchronize()
            try? state.handle?.close()
            state.handle = nil
            return state.summary
        }
    }
}
