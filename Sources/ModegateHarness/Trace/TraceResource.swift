import Foundation
import ModegateCore

/// The resource and scope every exported batch names: `service.name` (`OTEL_SERVICE_NAME`, else
/// `modegate`), `service.version`, and what `OTEL_RESOURCE_ATTRIBUTES` adds (`key=value,…`,
/// values percent-decoded, as the OpenTelemetry SDKs read it; Phoenix files spans under the
/// project `openinference.project.name` names).
public struct TraceResource: Sendable, Hashable {
    public var attributes: [TraceAttribute]
    public var version: String

    public init(version: String, environment: [String: String]) {
        self.version = version
        var attributes: [TraceAttribute] = []
        for pair in (environment["OTEL_RESOURCE_ATTRIBUTES"] ?? "").split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else { continue }
            attributes.append(TraceAttribute(parts[0], .string(parts[1].removingPercentEncoding ?? parts[1])))
        }
        let service = environment["OTEL_SERVICE_NAME"].flatMap { $0.isEmpty ? nil : $0 }
        if service != nil || !attributes.contains(where: { $0.key == "service.name" }) {
            attributes.removeAll { $0.key == "service.name" }
            attributes.insert(TraceAttribute("service.name", .string(service ?? "modegate")), at: 0)
        }
        if !attributes.contains(where: { $0.key == "service.version" }) {
            attributes.append(TraceAttribute("service.version", .string(version)))
        }
        self.attributes = attributes
    }

    /// `spans` as one request.
    func batch(_ spans: [TraceSpan]) -> TraceBatch {
        TraceBatch(resource: attributes, scopeName: "modegate", scopeVersion: version, spans: spans)
    }
}
