import ArgumentParser

/// A boolean written the way RLM Code and shell users write it: on/off, true/false, yes/no, 1/0.
struct OnOff: ExpressibleByArgument, Sendable {
    let value: Bool

    init?(argument: String) {
        guard let value = Self.parse(argument) else { return nil }
        self.value = value
    }

    static func parse(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "on", "true", "yes", "1": true
        case "off", "false", "no", "0": false
        default: nil
        }
    }

    static var allValueStrings: [String] { ["on", "off"] }
}

extension JudgementSettingsModeArgument: ExpressibleByArgument {}

/// `--mode point|statistical`.
enum JudgementSettingsModeArgument: String, CaseIterable, Sendable {
    case point, statistical
}
