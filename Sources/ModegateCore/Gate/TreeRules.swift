/// Cross-field checks run on a validated tree (the gate's and the preset's).
protocol TreeRules {
    init(file: String, positions: [SchemaPath: SourcePosition])
    mutating func check(_ tree: JSONValue)
    var diagnostics: [Diagnostic] { get }
}

extension GateRules: TreeRules {}
extension PresetRules: TreeRules {}
