import Foundation

/// The one JSON encoding every artifact uses: sorted keys, no escaped slashes, so files diff
/// cleanly and the same input gives byte-identical output.
public enum StableJSON {
    /// An encoder for artifacts: pretty-printed by default, compact for JSON lines.
    public static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        encoder.dateEncodingStrategy = .iso8601WithFraction
        return encoder
    }

    /// A decoder that reads what `encoder` writes, non-finite numbers and dates included.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        decoder.dateDecodingStrategy = .iso8601WithFraction
        return decoder
    }

    /// `value` encoded the stable way.
    public static func data<T: Encodable>(_ value: T, pretty: Bool = true) throws -> Data {
        try encoder(pretty: pretty).encode(value)
    }

    /// `value` encoded the stable way, as text.
    public static func string<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
        String(decoding: try data(value, pretty: pretty), as: UTF8.self)
    }
}
