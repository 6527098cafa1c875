import ArgumentParser
import ModegateCore

/// A flag that stands in for a gate-file key (`--confidence` for `judgement.confidence`): its
/// value is checked against the key's range in the gate schema, so the two accept the same values
/// and the range is written down once.
struct GateKeyOverride {
    let flag: String
    let key: String

    /// Throws a usage error naming the flag, the key and the allowed range.
    func check(_ value: Double?) throws {
        guard let value, let problem = GateSchema.problem(overriding: key, with: value) else { return }
        throw ValidationError("\(flag) \(problem) (as \(key) in a gate file)")
    }

    func check(_ value: Int?) throws { try check(value.map(Double.init)) }
}
