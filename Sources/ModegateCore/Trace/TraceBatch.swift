/// Spans to export in one OTLP `ExportTraceServiceRequest`: one resource (the process that made
/// them: `service.name` and what `OTEL_RESOURCE_ATTRIBUTES` adds) and one instrumentation scope.
public struct TraceBatch: Sendable, Hashable {
    public var resource: [TraceAttribute]
    public var scopeName: String
    public var scopeVersion: String
    public var spans: [TraceSpan]

    public init(resource: [TraceAttribute], scopeName: String, scopeVersion: String, spans: [TraceSpan]) {
        self.resource = resource
        self.scopeName = scopeName
        self.scopeVersion = scopeVersion
        self.spans = spans
    }
}
