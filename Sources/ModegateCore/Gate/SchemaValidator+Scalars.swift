import Foundation
import Yams

extension SchemaValidator {
    /// Strings, enums, numbers, booleans and the format version: one scalar each.
    mutating func validateScalar(_ node: Node, as type: SchemaType, at path: SchemaPath) -> JSONValue? {
        guard case .scalar(let raw) = node else { return mismatch(node, expected: type, at: path) }
        let scalar = YAMLScalar(raw)
        let result: Result<JSONValue, ScalarProblem>
        switch type {
        case .string(let rule): result = Self.string(scalar, rule)
        case .stringEnum(let allowed): result = Self.enumValue(scalar, allowed)
        case .integer(let minimum, let maximum): result = Self.integer(scalar, minimum, maximum)
        case .number(let minimum, let maximum): result = Self.number(scalar, minimum, maximum)
        case .boolean: result = Self.boolean(scalar)
        case .formatVersion(let supported): result = Self.version(scalar, supported)
        case .object, .map, .array, .nullable, .any, .scalarOrObject, .tagged: result = .failure(.mismatch)
        }
        switch result {
        case .success(let value):
            return value
        case .failure(.mismatch):
            return mismatch(node, expected: type, at: path)
        case .failure(.message(let message)):
            report(message, at: node, path: path)
            return nil
        }
    }

    enum ScalarProblem: Error {
        /// The scalar is of the wrong kind; the caller words the "expected …, found …" message.
        case mismatch
        case message(String)
    }

    private static func string(_ scalar: YAMLScalar, _ rule: StringRule) -> Result<JSONValue, ScalarProblem> {
        // Any non-null scalar is taken as written, so `api_version: 2024-10-21` stays a string.
        if case .null = scalar.value { return .failure(.mismatch) }
        if let problem = rule.problem(with: scalar.source) { return .failure(.message(problem)) }
        return .success(.string(scalar.source))
    }

    private static func enumValue(_ scalar: YAMLScalar, _ allowed: [String]) -> Result<JSONValue, ScalarProblem> {
        guard case .text(let text) = scalar.value else { return .failure(.mismatch) }
        guard allowed.contains(text) else {
            let suggestion = NameSuggestion.closest(to: text, among: allowed)
            return .failure(.message(GateMessage.notInEnum(text, allowed: allowed, suggestion: suggestion)))
        }
        return .success(.string(text))
    }

    private static func integer(_ scalar: YAMLScalar, _ minimum: Int?, _ maximum: Int?)
        -> Result<JSONValue, ScalarProblem>
    {
        guard case .integer(let value) = scalar.value else { return .failure(.mismatch) }
        if let minimum, value < minimum { return outOfRange(minimum.description, maximum?.description, scalar) }
        if let maximum, value > maximum { return outOfRange(minimum?.description, maximum.description, scalar) }
        return .success(.number(Double(value)))
    }

    private static func number(_ scalar: YAMLScalar, _ minimum: Double?, _ maximum: Double?)
        -> Result<JSONValue, ScalarProblem>
    {
        let value: Double
        switch scalar.value {
        case .integer(let whole): value = Double(whole)
        case .number(let number): value = number
        default: return .failure(.mismatch)
        }
        guard value.isFinite else { return .failure(.message(GateMessage.notFinite(found: scalar.source))) }
        let low = minimum.map(SchemaType.formatBound)
        let high = maximum.map(SchemaType.formatBound)
        if let minimum, value < minimum { return outOfRange(low, high, scalar) }
        if let maximum, value > maximum { return outOfRange(low, high, scalar) }
        return .success(.number(value))
    }

    private static func boolean(_ scalar: YAMLScalar) -> Result<JSONValue, ScalarProblem> {
        guard case .boolean(let flag) = scalar.value else { return .failure(.mismatch) }
        return .success(.bool(flag))
    }

    private static func version(_ scalar: YAMLScalar, _ supported: Int) -> Result<JSONValue, ScalarProblem> {
        guard case .integer(let value) = scalar.value else { return .failure(.mismatch) }
        guard value == supported else {
            return .failure(.message(GateMessage.unsupportedVersion(scalar.source, supported: supported)))
        }
        return .success(.number(Double(value)))
    }

    private static func outOfRange(_ minimum: String?, _ maximum: String?, _ scalar: YAMLScalar)
        -> Result<JSONValue, ScalarProblem>
    {
        .failure(.message(GateMessage.outOfRange(minimum: minimum, maximum: maximum, found: scalar.source)))
    }
}

extension StringRule {
    /// Why `text` breaks this rule, or `nil` when it does not.
    func problem(with text: String) -> String? {
        let tooShort = text.unicodeScalars.count < minLength
        let mismatched = pattern.map { !Self.matches(text, pattern: $0) } ?? false
        return tooShort || mismatched ? GateMessage.stringRule(meaning, found: text) : nil
    }

    private static func matches(_ text: String, pattern: String) -> Bool {
        // The patterns are ours and anchored; an invalid one would be a programming error, caught by tests.
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
        let range = NSRange(text.startIndex..., in: text)
        return expression.firstMatch(in: text, range: range) != nil
    }
}
