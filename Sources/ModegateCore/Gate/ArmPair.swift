/// One value per judged arm: the plans, runs, records or figures of the baseline and the
/// candidate, so code names the arm it means instead of indexing `[0]` and `[1]`.
public struct ArmPair<Value> {
    /// The baseline arm's value.
    public var baseline: Value
    /// The candidate arm's value.
    public var candidate: Value

    /// Both arms' values.
    public init(baseline: Value, candidate: Value) {
        self.baseline = baseline
        self.candidate = candidate
    }

    /// The value of a judged arm (`.bench` is not one: it reads the candidate's).
    public subscript(role: ArmRole) -> Value {
        get { role == .baseline ? baseline : candidate }
        set {
            if role == .baseline { baseline = newValue } else { candidate = newValue }
        }
    }

    /// Each arm's value transformed, keeping the pairing.
    public func map<Other>(_ transform: (Value) throws -> Other) rethrows -> ArmPair<Other> {
        ArmPair<Other>(baseline: try transform(baseline), candidate: try transform(candidate))
    }

    /// Each arm's value transformed by an async function, baseline first.
    public func map<Other>(_ transform: (Value) async throws -> Other) async rethrows -> ArmPair<Other> {
        ArmPair<Other>(baseline: try await transform(baseline), candidate: try await transform(candidate))
    }

    /// The values with their roles, baseline first.
    public var roles: [(role: ArmRole, value: Value)] { [(.baseline, baseline), (.candidate, candidate)] }
}

extension ArmPair: Sendable where Value: Sendable {}
extension ArmPair: Equatable where Value: Equatable {}
extension ArmPair: Hashable where Value: Hashable {}
