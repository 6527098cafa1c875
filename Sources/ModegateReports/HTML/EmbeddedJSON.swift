/// JSON text made safe to sit inside an HTML `<script>` element. The HTML parser ends a script at
/// the first `</script` and treats `<!--` and `<script` inside it specially, whatever the JS
/// would make of them; a case id or a model's answer can contain either. Writing every `<`, `>`
/// and `&` as a `\u` escape leaves no such sequence, and `JSON.parse` reads the same value back.
/// U+2028 and U+2029 are escaped too: valid in JSON strings, they once ended JavaScript strings.
enum EmbeddedJSON {
    /// `json` (any JSON text) with the characters above escaped.
    static func scriptSafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var output = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                output.append(contentsOf: "\\u".unicodeScalars)
                let hex = String(scalar.value, radix: 16)
                output.append(contentsOf: (String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "<", ">", "&", "\u{2028}", "\u{2029}": true
        default: false
        }
    }
}
