import ModegateCore

/// A tool call's arguments, read with the checks a real tool server makes: the arguments are an
/// object, required keys are present with the right type, and no unknown key slips through (a
/// misspelt optional argument would otherwise be ignored silently). Every failure becomes a
/// `ToolFailure`, which the session turns into `ToolReply.failure`.
struct ToolArguments {
    let tool: String
    let members: [String: JSONValue]

    init(_ arguments: JSONValue, tool: String, allowed: Set<String>) throws {
        self.tool = tool
        switch arguments {
        case .object(let members): self.members = members
        case .null: self.members = [:]
        default: throw ToolFailure("\(tool): arguments must be an object")
        }
        if let unknown = members.keys.filter({ !allowed.contains($0) }).sorted().first {
            let expected = allowed.isEmpty ? "no arguments" : allowed.sorted().joined(separator: ", ")
            throw ToolFailure("\(tool): unknown argument '\(unknown)' (expected \(expected))")
        }
    }

    func string(_ key: String) throws -> String {
        guard let value = try optionalString(key) else { throw missing(key, "a string") }
        return value
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let text) = value else { throw wrongType(key, "a string") }
        return text
    }

    func int(_ key: String) throws -> Int {
        guard let value = try optionalInt(key) else { throw missing(key, "an integer") }
        return value
    }

    func optionalInt(_ key: String) throws -> Int? {
        guard let value = present(key) else { return nil }
        guard let number = value.intValue else { throw wrongType(key, "an integer") }
        return number
    }

    func stringList(_ key: String) throws -> [String] {
        guard let value = try optionalStringList(key) else { throw missing(key, "a list of strings") }
        return value
    }

    func optionalStringList(_ key: String) throws -> [String]? {
        guard let value = present(key) else { return nil }
        guard case .array(let items) = value else { throw wrongType(key, "a list of strings") }
        var texts: [String] = []
        for item in items {
            guard case .string(let text) = item else { throw wrongType(key, "a list of strings") }
            texts.append(text)
        }
        return texts
    }

    func list(_ key: String) throws -> [JSONValue] {
        guard let value = present(key) else { throw missing(key, "a list") }
        guard case .array(let items) = value else { throw wrongType(key, "a list") }
        return items
    }

    /// A value that is absent or JSON `null` counts as not given, as most tool servers treat it.
    private func present(_ key: String) -> JSONValue? {
        guard let value = members[key], value != .null else { return nil }
        return value
    }

    private func missing(_ key: String, _ type: String) -> ToolFailure {
        ToolFailure("\(tool): missing required argument '\(key)' (\(type))")
    }

    private func wrongType(_ key: String, _ type: String) -> ToolFailure {
        ToolFailure("\(tool): argument '\(key)' must be \(type)")
    }
}
