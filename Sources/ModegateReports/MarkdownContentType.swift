import Mustache

/// Mustache escaping for Markdown: values go out as written (no `&lt;`), except that a `|` would
/// split a table cell and a line break would end a table row or list item.
struct MarkdownContentType: MustacheContentType {
    /// The name templates use in `{{% CONTENT_TYPE: MARKDOWN}}`.
    static let name = "MARKDOWN"

    /// Makes the name known to swift-mustache, whose content types live in a global registry.
    /// Registering again replaces the entry with an identical one, so calling this twice is harmless.
    static func register() {
        MustacheContentTypes.register(MarkdownContentType(), named: name)
    }

    func escapeText(_ text: String) -> String {
        guard text.contains(where: { $0 == "|" || $0.isNewline }) else { return text }
        var escaped = ""
        for character in text {
            if character == "|" {
                escaped += "\\|"
            } else if character.isNewline {
                escaped += " "
            } else {
                escaped.append(character)
            }
        }
        return escaped
    }
}
