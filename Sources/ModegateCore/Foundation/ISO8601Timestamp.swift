import Foundation

/// Parses and writes the timestamps found in run files. Our own files use one fixed form,
/// `2026-11-22T12:00:00.123Z`, handled by hand because creating date formatters per value made
/// loading a 100,000-trial run take seconds. Other forms (Python's `isoformat()` with
/// microseconds and `+00:00`) go through Foundation's parser.
public enum ISO8601Timestamp {
    /// The date in `text`, in our fixed form or any ISO 8601 form Foundation reads; nil otherwise.
    public static func parse(_ text: String) -> Date? {
        if let date = parseFixed(text) { return date }
        return parseGeneral(text)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction]` then `Z` or `±HH:MM`, with every fraction digit kept
    /// (Foundation's parser stops at milliseconds; Python writes microseconds).
    static func parseFixed(_ text: String) -> Date? {
        var utf8 = Array(text.utf8)
        var offsetSeconds = 0
        if utf8.last == UInt8(ascii: "Z") {
            utf8.removeLast()
        } else if utf8.count >= 25, utf8[utf8.count - 3] == 58,
            utf8[utf8.count - 6] == UInt8(ascii: "+") || utf8[utf8.count - 6] == UInt8(ascii: "-")
        {
            let zone = Array(utf8.suffix(6))
            guard let hours = Int(String(decoding: zone[1..<3], as: UTF8.self)),
                let minutes = Int(String(decoding: zone[4..<6], as: UTF8.self))
            else { return nil }
            offsetSeconds = (hours * 3600 + minutes * 60) * (zone[0] == UInt8(ascii: "-") ? -1 : 1)
            utf8.removeLast(6)
        } else {
            return nil
        }
        guard utf8.count >= 19, utf8[4] == 45, utf8[7] == 45, utf8[10] == UInt8(ascii: "T"), utf8[13] == 58,
            utf8[16] == 58
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(utf8[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var fraction = 0.0
        if utf8.count > 19 {
            guard utf8[19] == UInt8(ascii: "."), utf8.count > 20, utf8.count <= 38, let digits = number(20..<utf8.count)
            else { return nil }
            fraction = Double(digits) / pow(10, Double(utf8.count - 20))
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    static func parseGeneral(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return date }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        // Some platforms accept at most milliseconds: parse without the fraction, then add it.
        if let dot = text.firstIndex(of: "."),
            let zone = text[dot...].firstIndex(where: { $0 == "+" || $0 == "-" || $0 == "Z" })
        {
            let fraction = Double("0." + text[text.index(after: dot)..<zone]) ?? 0
            return plain.date(from: String(text[..<dot]) + String(text[zone...])).map { $0.addingTimeInterval(fraction) }
        }
        return nil
    }

    /// `2026-11-22T12:00:00.123Z`, always UTC with milliseconds.
    public static func format(_ date: Date) -> String {
        let totalMilliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let milliseconds = ((totalMilliseconds % 1000) + 1000) % 1000
        let totalSeconds = (totalMilliseconds - milliseconds) / 1000
        var days = totalSeconds / 86_400
        var secondsOfDay = totalSeconds % 86_400
        if secondsOfDay < 0 {
            secondsOfDay += 86_400
            days -= 1
        }
        let (year, month, day) = civilFromDays(days)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondsOfDay / 3600, 2)):"
            + "\(pad(secondsOfDay / 60 % 60, 2)):\(pad(secondsOfDay % 60, 2)).\(pad(milliseconds, 3))Z"
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp + (mp < 10 ? 3 : -9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
