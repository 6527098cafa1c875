/// Calendar dates of the synthetic web's one year, 2024, as `YYYY-MM-DD` text, without Foundation's
/// calendars (whose behaviour must not decide expected answers).
enum WebDate {
    private static let monthLengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// Day 1 is 2024-01-01; days past the year's end stay on 2024-12-31.
    static func date(dayOfYear: Int) -> String {
        var remaining = min(max(dayOfYear, 1), 366)
        for (month, length) in monthLengths.enumerated() {
            if remaining <= length { return "2024-\(twoDigits(month + 1))-\(twoDigits(remaining))" }
            remaining -= length
        }
        return "2024-12-31"
    }

    static func dayOfYear(_ date: String) -> Int {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return 1 }
        return monthLengths.prefix(parts[1] - 1).reduce(0, +) + parts[2]
    }

    static func adding(days: Int, to date: String) -> String {
        self.date(dayOfYear: dayOfYear(date) + days)
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
