/// The pure functions behind the probe tools. Each has a quirk its one-line description does not
/// mention (a `y` that counts only at a word's end, a checksum that is Fletcher-16), so an eval
/// spec written from the descriptions alone is wrong in places: the task is to probe the tools.
enum ProbeFunctions {
    /// a, e, i, o, u in any case, plus `y` when it ends a word (a run of letters).
    static func vowelCount(_ text: String) -> Int {
        let characters = Array(text.lowercased())
        var count = 0
        for (index, character) in characters.enumerated() {
            if "aeiou".contains(character) {
                count += 1
            } else if character == "y" {
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if !next.isLetter { count += 1 }
            }
        }
        return count
    }

    /// Words (split on whitespace) in reverse order, joined by single spaces.
    static func reverseWords(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).reversed().joined(separator: " ")
    }

    /// Fletcher-16 of the UTF-8 bytes, as four lower-case hex digits.
    static func checksum(_ text: String) -> String {
        var low = 0
        var high = 0
        for byte in text.utf8 {
            low = (low + Int(byte)) % 255
            high = (high + low) % 255
        }
        let hex = String(high << 8 | low, radix: 16)
        return String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// ASCII letters rotated by `shift` (negative shifts go back), case kept, the rest unchanged.
    static func caesar(_ text: String, shift: Int) -> String {
        let rotation = ((shift % 26) + 26) % 26
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (65...90).contains(value) || (97...122).contains(value) {
                let base: UInt32 = value <= 90 ? 65 : 97
                output.append(Unicode.Scalar(base + (value - base + UInt32(rotation)) % 26)!)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Each run of one character as the character followed by its length: `aaab` → `a3b1`.
    static func runLength(_ text: String) -> String {
        var output = ""
        var previous: Character?
        var run = 0
        for character in text {
            if character == previous {
                run += 1
                continue
            }
            if let previous { output += "\(previous)\(run)" }
            previous = character
            run = 1
        }
        if let previous { output += "\(previous)\(run)" }
        return output
    }

    /// Digits summed until one digit is left; defined for n ≥ 0 only.
    static func digitalRoot(_ n: Int) throws -> Int {
        guard n >= 0 else { throw ToolFailure("digital_root: n must be zero or positive") }
        return n == 0 ? 0 : 1 + (n - 1) % 9
    }

    /// Steps of the 3n + 1 map until 1; defined for 1 ≤ n ≤ 10¹².
    static func collatzSteps(_ n: Int) throws -> Int {
        guard (1...1_000_000_000_000).contains(n) else {
            throw ToolFailure("collatz_steps: n must be between 1 and 1000000000000")
        }
        var value = n
        var steps = 0
        while value != 1 {
            value = value % 2 == 0 ? value / 2 : 3 * value + 1
            steps += 1
        }
        return steps
    }

    /// Lower-case ASCII letters and digits; every other run of characters becomes one `-`, and
    /// dashes at either end are dropped.
    static func slugify(_ text: String) -> String {
        var output = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if (97...122).contains(scalar.value) || (48...57).contains(scalar.value) {
                if pendingDash, !output.isEmpty { output += "-" }
                pendingDash = false
                output.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return output
    }
}
