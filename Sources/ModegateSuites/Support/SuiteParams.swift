import ModegateCore

/// A case's `params` with defaults and bounds, read leniently: the preset loader has already
/// checked that `params` is a mapping, and a value outside its bounds is clamped rather than
/// rejected, so a suite always has data to serve.
struct SuiteParams {
    let values: [String: JSONValue]

    init(_ params: JSONValue) { values = params.objectValue ?? [:] }

    func int(_ key: String, default fallback: Int, in bounds: ClosedRange<Int>) -> Int {
        let value = values[key]?.intValue ?? fallback
        return min(max(value, bounds.lowerBound), bounds.upperBound)
    }

    func string(_ key: String) -> String? { values[key]?.stringValue }

    func strings(_ key: String) -> [String] {
        values[key]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// The canonical text of the params, the key of generated-data caches.
    static func key(_ params: JSONValue) -> String { params.jsonText }
}
