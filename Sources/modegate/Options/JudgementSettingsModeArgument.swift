import ArgumentParser

/// `--mode point|statistical`.
enum JudgementSettingsModeArgument: String, CaseIterable, Sendable {
    case point, statistical
}

extension JudgementSettingsModeArgument: ExpressibleByArgument {}
