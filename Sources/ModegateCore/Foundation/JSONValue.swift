import Foundation

/// A JSON value whose shape is not known at compile time: final answers, score details,
/// resolved gate trees. Objects keep keys sorted when encoded so output is stable.
public enum JSONValue: Sendable, Hashable {
    /// JSON `null`; also what an absent optional field decodes to in a tree.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// Any JSON number: JSON has no separate integers, so ids and counts are whole doubles.
    case number(Double)
    /// A JSON string.
    case string(String)
    /// A JSON array, in its order.
    case array([JSONValue])
    /// A JSON object; encoded with sorted keys.
    case object([String: JSONValue])

    /// The member named `key` of an object; nil for a missing key or a value that is not an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The text of a string; nil for any other kind of value.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number of a number; nil for any other kind of value.
    public var doubleValue: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// The number as an `Int` when it is whole and exactly representable; nil otherwise.
    public var intValue: Int? {
        if case .number(let number) = self, number.rounded() == number, abs(number) < 9e15 { return Int(number) }
        return nil
    }

    /// The flag of a boolean; nil for any other kind of value.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The items of an array; nil for any other kind of value.
    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The members of an object; nil for any other kind of value.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// Whether this is JSON `null`.
    public var isNull: Bool { self == .null }
}

extension JSONValue: Codable {
    /// Reads any JSON value; a boolean is tried before a number so `true` never becomes `1`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Writes the value; whole numbers without a fraction, so ids and counts read naturally.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .number(let number):
            // Whole numbers print without a fraction so ids and counts read naturally.
            if number.rounded() == number, abs(number) < 9e15 {
                try container.encode(Int64(number))
            } else {
                try container.encode(number)
            }
        case .string(let text): try container.encode(text)
        case .array(let items): try container.encode(items)
        case .object(let members): try container.encode(members)
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    /// `nil` in a literal is JSON `null`.
    public init(nilLiteral: ()) { self = .null }
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer literal, held as a double like every JSON number.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    /// A floating-point literal.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An array literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// A dictionary literal; with repeated keys the last one wins.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
