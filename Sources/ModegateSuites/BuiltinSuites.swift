import ModegateCore

/// The suites that ship with modegate (DESIGN §4), by name: what `suite:` in a preset file and
/// `modegate exec --suite` refer to.
public enum BuiltinSuites {
    /// Every built-in suite, in the order `modegate presets` lists them.
    public static let all: [any Suite] = [
        SmokeSuite(), RepoTriageSuite(), WebFilteringSuite(), LedgerSuite(), FunctionProbeSuite(),
        CodeNavigationSuite(), WorkspaceSuite(),
    ]

    /// The suite called `name`, or nil.
    public static func named(_ name: String) -> (any Suite)? {
        all.first { $0.name == name }
    }
}
