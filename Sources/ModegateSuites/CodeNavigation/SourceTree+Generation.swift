import ModegateCore

/// Writes the project for one seed. Function placement, call graph, settings use, TODOs and
/// tests all vary with the seed; names do not, so prompts can name them.
extension SourceTree {
    init(seed: Int) {
        var generator = SeededGenerator.stream(seed, 1)
        var order = Self.functions
        generator.shuffle(&order)
        // Three functions nothing calls: the answer of "which functions are unused".
        let unused = Set(order.suffix(3))
        let callable = Self.functions.filter { !unused.contains($0) }
        var moduleOf: [String: String] = [:]
        for (index, function) in order.enumerated() { moduleOf[function] = Self.modules[index / 3] }

        var builder = SourceTreeBuilder()
        for (index, module) in Self.modules.enumerated() {
            let members = Array(order[(index * 3)..<(index * 3 + 3)])
            builder.writeModule(module, functions: members, callable: callable, moduleOf: moduleOf, &generator)
        }
        for module in Self.modules {
            let tested = order.filter { moduleOf[$0] == module && !unused.contains($0) }
            builder.writeTests(module, functions: tested, &generator)
        }
        builder.writeConfig(&generator)
        self = builder.tree
    }
}
