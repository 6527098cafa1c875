/// JSON text made safe to sit inside an HTML `<script>` element. The HTML parser ends a script at
/// the first `</script` and treats `<!--` and `<script` inside it specially, whatever the JS
/// would make of them; a case id or a model's answer can contain either. Writing every `<`, `>`
/// and `&` as a `\u` escape leaves no such sequence, and `JSON.parse` reads the same value back.
/// U+2028 and U+2029 are escaped too: valid in JSON strings, they once ended JavaScript strings.
enum EmbeddedJSON {
    /// `json` (any JSON text) with the characters above escaped.
    ///
    /// Works on UTF-8 bytes into one buffer: appending to a `String.UnicodeScalarView` copied the
    /// whole text on every escape, which took over ten minutes for a 2 × 10,000-trial report.
    static func scriptSafe(_ json: String) -> String {
        let bytes = Array(json.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                output.append(contentsOf: escape(UInt32(byte)))
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                output.append(contentsOf: escape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029))
                index += 2
            default:
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `\u` and four lower-case hex digits.
    private static func escape(_ value: UInt32) -> [UInt8] {
        let hex = String(value, radix: 16)
        return Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
    }
}
