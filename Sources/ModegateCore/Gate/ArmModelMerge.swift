/// An arm's `model:` over the shared one, on the validated tree: each key the arm sets replaces
/// the shared value (pricing as a whole), every other key stays shared. The loader stores the
/// result in the arm's plan and the rules check it as they check the shared model, so an arm
/// that switches provider must name what that provider needs.
enum ArmModelMerge {
    /// The arm's resolved model, or nil when the arm sets none.
    static func merged(shared: JSONValue?, arm: JSONValue?) -> JSONValue? {
        guard case .object(let own)? = arm else { return nil }
        var members = shared?.objectValue ?? [:]
        for (key, value) in own where value != .null { members[key] = value }
        return .object(members)
    }
}
