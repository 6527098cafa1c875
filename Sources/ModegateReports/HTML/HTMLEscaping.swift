/// Text put into the page's markup and SVG: `&`, `<`, `>` and both quotes become entities, so a
/// gate's sentence, a run id or a preset name is shown, never parsed as markup.
enum HTMLEscaping {
    /// `text` safe in element content and in quoted attribute values.
    static func escape(_ text: String) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        var output = ""
        output.reserveCapacity(text.count + 16)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
