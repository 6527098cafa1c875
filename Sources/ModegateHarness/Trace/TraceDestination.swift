import Foundation
import ModegateCore
import ModegateHTTP

/// Where `--trace` goes: `otlp:PATH` (OTLP JSON lines in a file) or `otlp-http:URL` (an
/// OTLP/HTTP receiver; a URL with no path gets OTLP's `/v1/traces`).
public enum TraceDestination: Sendable, Hashable {
    case file(String)
    case http(URL)

    /// Why a `--trace` value is not a destination.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    public init(parsing text: String) throws {
        if text.hasPrefix("otlp-http:") {
            let address = String(text.dropFirst("otlp-http:".count))
            guard var components = URLComponents(string: address), let scheme = components.scheme?.lowercased(),
                scheme == "http" || scheme == "https", components.host?.isEmpty == false
            else {
                throw Problem(description: "--trace '\(text)': otlp-http: takes an http:// or https:// URL, e.g. otlp-http:http://127.0.0.1:4318")
            }
            if components.path.isEmpty || components.path == "/" { components.path = "/v1/traces" }
            guard let url = components.url else { throw Problem(description: "--trace '\(text)': not a URL") }
            self = .http(url)
        } else if text.hasPrefix("otlp:") {
            let path = String(text.dropFirst("otlp:".count))
            guard !path.isEmpty else { throw Problem(description: "--trace 'otlp:': give the file to write, e.g. otlp:traces.jsonl") }
            self = .file(path)
        } else {
            throw Problem(description: "--trace '\(text)': use otlp:PATH (OTLP JSON lines) or otlp-http:URL (an OTLP/HTTP receiver)")
        }
    }

    /// The exporter for this destination. Request headers come from
    /// `OTEL_EXPORTER_OTLP_TRACES_HEADERS`, else `OTEL_EXPORTER_OTLP_HEADERS` (`name=value,…`,
    /// percent-decoded), as the OpenTelemetry SDKs read them; their values are never printed.
    public func exporter(
        relativeTo directory: URL, environment: [String: String], version: String, warn: @escaping @Sendable (String) -> Void
    ) throws -> any TraceExporter {
        let resource = TraceResource(version: version, environment: environment)
        switch self {
        case .file(let path):
            do {
                return try OTLPFileExporter(url: URL(fileURLWithPath: path, relativeTo: directory), shownAs: path, resource: resource)
            } catch {
                throw Problem(description: "\(path): error: cannot open the trace file: \(error.localizedDescription)")
            }
        case .http(let url):
            return OTLPHTTPExporter(url: url, headers: Self.headers(environment), resource: resource, warn: warn)
        }
    }

    static func headers(_ environment: [String: String]) -> [HTTPHeader] {
        let text = environment["OTEL_EXPORTER_OTLP_TRACES_HEADERS"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["OTEL_EXPORTER_OTLP_HEADERS"] ?? ""
        return text.split(separator: ",").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else { return nil }
            return HTTPHeader(name: parts[0].removingPercentEncoding ?? parts[0], value: parts[1].removingPercentEncoding ?? parts[1])
        }
    }
}
