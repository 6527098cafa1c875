/// A token of JavaScript source, as far as the guardrails need to see it.
struct JavaScriptToken: Equatable {
    enum Kind: Equatable {
        case identifier
        case punctuator
        /// A string literal; `text` is its decoded value.
        case string
        case template
        case number
        case regex
    }

    var kind: Kind
    var text: String
    /// 0-based offset of the token's first character in the program.
    var offset: Int
}
