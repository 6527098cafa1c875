import ArgumentParser
import ModegateCore

/// A boolean written the way RLM Code and shell users write it: on/off, true/false, yes/no, 1/0.
struct OnOff: ExpressibleByArgument, Sendable {
    let value: Bool

    init?(argument: String) {
        guard let value = RLMBenchArguments.parseSwitch(argument) else { return nil }
        self.value = value
    }

    static var allValueStrings: [String] { ["on", "off"] }
}
