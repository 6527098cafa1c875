import Foundation

extension JSONDecoder.DateDecodingStrategy {
    /// ISO 8601 with or without fractional seconds: what every run file in the store holds.
    public static var iso8601WithFraction: JSONDecoder.DateDecodingStrategy {
        .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISO8601Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 time: '\(text)'")
            }
            return date
        }
    }
}

extension JSONEncoder.DateEncodingStrategy {
    /// ISO 8601 in UTC with milliseconds.
    public static var iso8601WithFraction: JSONEncoder.DateEncodingStrategy {
        .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601Timestamp.format(date))
        }
    }
}
