/// Where a value sits in the gate tree, printed as `thresholds.min_reward_delta` or `reports[1].format`.
struct SchemaPath: Hashable, Sendable, CustomStringConvertible {
    enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    private(set) var components: [Component] = []

    static let root = SchemaPath()

    func appending(_ key: String) -> SchemaPath {
        var copy = self
        copy.components.append(.key(key))
        return copy
    }

    func appending(index: Int) -> SchemaPath {
        var copy = self
        copy.components.append(.index(index))
        return copy
    }

    /// The enclosing value, or `nil` at the root.
    var parent: SchemaPath? {
        guard !components.isEmpty else { return nil }
        var copy = self
        copy.components.removeLast()
        return copy
    }

    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
