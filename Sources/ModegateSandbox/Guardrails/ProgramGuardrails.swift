/// Policy checks on a program before it runs (DESIGN §6): its size, and calls to denied tools
/// found in its tokens — `tools.NAME`, `tools?.NAME`, `tools["NAME"]` — never by matching text,
/// so a URL or a tool's name inside a string or comment is not a call. Calls the static view
/// cannot see (a computed name) are caught when they happen, together with the tool-call budget.
struct ProgramGuardrails {
    let limits: SandboxLimits

    /// The reason to block the program, or nil to let it run.
    func check(_ program: String) -> String? {
        let size = program.count
        if size > limits.maxCodeChars {
            return "the program is \(size) characters, over the limit of \(limits.maxCodeChars)"
        }
        guard !limits.deniedTools.isEmpty, let tokens = JavaScriptTokenizer.tokens(of: program) else { return nil }
        for denied in referencedTools(tokens) where limits.deniedTools.contains(denied) {
            return "the program calls tool '\(denied)', which is denied by policy"
        }
        return nil
    }

    /// Tool names used as members of `tools`, in order of appearance.
    func referencedTools(_ tokens: [JavaScriptToken]) -> [String] {
        var names: [String] = []
        for (position, token) in tokens.enumerated() where token.kind == .identifier && token.text == "tools" {
            // `x.tools` is some other object's property, not the sandbox's tools.
            if position > 0, tokens[position - 1].text == "." || tokens[position - 1].text == "?." { continue }
            let rest = tokens[(position + 1)...].prefix(4).map { $0 }
            guard let access = rest.first else { continue }
            if access.text == "." || access.text == "?.", rest.count > 1, rest[1].kind == .identifier {
                names.append(rest[1].text)
            } else if access.text == "[" || (access.text == "?." && rest.count > 1 && rest[1].text == "[") {
                let literal = access.text == "[" ? rest.dropFirst().first : rest.dropFirst(2).first
                if let literal, literal.kind == .string { names.append(literal.text) }
            }
        }
        return names
    }
}
