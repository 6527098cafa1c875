import Foundation

/// Ids of the runs of one gate run: `YYYYMMDD-HHMMSS-XXXXXXXX-ARM` (UTC time, a random suffix,
/// `baseline`, `candidate`, or a strategy for `bench`), so ids sort by time, never collide, and
/// the arms share a stem that `--resume` and `merge` understand.
public enum GateRunID {
    /// The shared part of a gate run's ids: `YYYYMMDD-HHMMSS-XXXXXXXX` at `date` (UTC).
    public static func stem(at date: Date, suffix: UInt32 = UInt32.random(in: 0...UInt32.max)) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let hex = String(suffix, radix: 16)
        return "\(formatter.string(from: date))-\(String(repeating: "0", count: 8 - hex.count))\(hex)"
    }

    /// The id of an arm's run: the stem and the role, or for a bench arm the strategy.
    public static func id(stem: String, role: ArmRole, strategy: Strategy) -> String {
        "\(stem)-\(role == .bench ? strategy.rawValue : role.rawValue)"
    }

    /// The judged arm an id names, if it names one.
    public static func role(of id: String) -> ArmRole? {
        ArmRole.judged.first { id.hasSuffix("-\($0.rawValue)") }
    }

    /// The id without its arm.
    public static func stem(of id: String) -> String {
        guard let role = role(of: id) else { return id }
        return String(id.dropLast(role.rawValue.count + 1))
    }
}
