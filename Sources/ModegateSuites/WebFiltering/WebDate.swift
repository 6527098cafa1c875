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

    /// The year cut into `count` consecutive windows of whole days, as inclusive
    /// (after, before) dates: window `w` runs from day `1 + w·366/count` to day `(w+1)·366/count`.
    /// A sweep's searches each cover one, so no page is found twice.
    static func windows(_ count: Int) -> [(after: String, before: String)] {
        let count = min(max(count, 1), 366)
        return (0..<count).map { window in
            (date(dayOfYear: 1 + window * 366 / count), date(dayOfYear: (window + 1) * 366 / count))
        }
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
