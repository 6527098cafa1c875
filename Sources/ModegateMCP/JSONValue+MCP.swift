import Foundation
import MCP
import ModegateCore

extension JSONValue {
    /// A value from the MCP SDK. Whole numbers arrive as `int`; binary data as a data URL string.
    public init(_ value: MCP.Value) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .number(Double(number))
        case .double(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .data(let mimeType, let data):
            self = .string("data:\(mimeType ?? "application/octet-stream");base64,\(data.base64EncodedString())")
        case .array(let items): self = .array(items.map(JSONValue.init))
        case .object(let members): self = .object(members.mapValues(JSONValue.init))
        }
    }

    /// The value for the MCP SDK; whole numbers go as integers, as servers' schemas expect.
    public var mcpValue: MCP.Value {
        switch self {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let number):
            number.rounded() == number && abs(number) < 9e15 ? .int(Int(number)) : .double(number)
        case .string(let text): .string(text)
        case .array(let items): .array(items.map(\.mcpValue))
        case .object(let members): .object(members.mapValues(\.mcpValue))
        }
    }
}
