extension Array where Element: Sendable {
    /// `transform` applied to every element concurrently, results in the elements' order. Used
    /// for a turn's or a wave's tool calls, which may wait on I/O; a single element runs inline.
    /// Inlinable so callers in other modules get a specialized copy on their hot path.
    @inlinable
    public func orderedConcurrentMap<Result: Sendable>(
        _ transform: @escaping @Sendable (Element) async -> Result
    ) async -> [Result] {
        if count == 1 { return [await transform(self[0])] }
        return await withTaskGroup(of: (Int, Result).self) { group in
            for (index, element) in enumerated() {
                group.addTask { (index, await transform(element)) }
            }
            var indexed: [(Int, Result)] = []
            indexed.reserveCapacity(count)
            for await entry in group { indexed.append(entry) }
            return indexed.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
