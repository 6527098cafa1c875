/// A set of JSON values under canonical equality (their compact, key-sorted text), remembering one
/// original value per member so score details can show items as they were written.
struct CanonicalSet {
    private(set) var members: [String: JSONValue] = [:]

    init<Items: Sequence>(_ items: Items) where Items.Element == JSONValue {
        for item in items { members[item.jsonText] = members[item.jsonText] ?? item }
    }

    var count: Int { members.count }
    var isEmpty: Bool { members.isEmpty }

    func intersection(_ other: CanonicalSet) -> Set<String> {
        Set(members.keys).intersection(other.members.keys)
    }

    /// Members of this set missing from `other`, in canonical-text order so details are stable.
    func subtracting(_ other: CanonicalSet) -> [JSONValue] {
        members.keys.filter { other.members[$0] == nil }.sorted().map { members[$0]! }
    }
}
