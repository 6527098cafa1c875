/// Day arithmetic on `YYYY-MM-DD` dates across years, by the days-from-civil algorithm, so the
/// ledger's overdue rules never depend on Foundation's calendars or the host's time zone.
enum LedgerDate {
    /// Days since 1970-01-01 (proleptic Gregorian); nil when the text is not a date.
    static func dayNumber(_ date: String) -> Int? {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func isDate(_ text: String) -> Bool { dayNumber(text) != nil }

    /// Whole days from `earlier` to `later` (negative when `later` comes first).
    static func days(from earlier: String, to later: String) -> Int {
        (dayNumber(later) ?? 0) - (dayNumber(earlier) ?? 0)
    }

    /// The date `days` after `date`.
    static func adding(_ days: Int, to date: String) -> String {
        civil(fromDayNumber: (dayNumber(date) ?? 0) + days)
    }

    static func civil(fromDayNumber number: Int) -> String {
        let shifted = number + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return "\(year)-\(padded(month, 2))-\(padded(day, 2))"
    }

    static func padded(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
