extension GateSchema {
    /// The field at a dotted path of the gate file (`judgement.confidence`), if there is one.
    public static func field(at path: String) -> SchemaField? {
        var object: SchemaObject? = root
        var found: SchemaField?
        for name in path.split(separator: ".") {
            guard let field = object?.field(named: String(name)) else { return nil }
            found = field
            if case .object(let inner) = field.type.unwrapped { object = inner } else { object = nil }
        }
        return found
    }

    /// Why a command-line value cannot stand in for the gate key at `path`: it is not finite, or
    /// outside the range the gate file allows, in the words a gate file's diagnostic uses. Nil
    /// when it fits, so a flag accepts exactly what the key accepts.
    public static func problem(overriding path: String, with value: Double) -> String? {
        guard value.isFinite else { return GateMessage.notFinite(found: SchemaType.formatBound(value)) }
        let found = SchemaType.formatBound(value)
        switch field(at: path)?.type.unwrapped {
        case .integer(let minimum, let maximum):
            if value.rounded() != value { return "must be an integer, found \(found)" }
            if let minimum, value < Double(minimum) { return GateMessage.outOfRange(minimum: "\(minimum)", maximum: maximum.map { "\($0)" }, found: found) }
            if let maximum, value > Double(maximum) { return GateMessage.outOfRange(minimum: minimum.map { "\($0)" }, maximum: "\(maximum)", found: found) }
        case .number(let minimum, let maximum):
            let low = minimum.map(SchemaType.formatBound)
            let high = maximum.map(SchemaType.formatBound)
            if let minimum, value < minimum { return GateMessage.outOfRange(minimum: low, maximum: high, found: found) }
            if let maximum, value > maximum { return GateMessage.outOfRange(minimum: low, maximum: high, found: found) }
        default:
            break
        }
        return nil
    }
}
