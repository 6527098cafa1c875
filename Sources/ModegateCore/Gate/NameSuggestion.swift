/// "Did you mean …?" for misspelt keys, enum values and server names.
public enum NameSuggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    /// Ties go to the earlier candidate, so suggestions follow the documented key order.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best, best.distance <= allowedDistance(for: best.name) else { return nil }
        return best.name
    }

    /// Short names tolerate one slip; longer ones about one edit per three characters.
    static func allowedDistance(for name: String) -> Int {
        max(1, min(4, name.count / 3))
    }

    /// Optimal-string-alignment distance: Levenshtein plus adjacent transpositions, the commonest
    /// typo (`nmae`, `openia`), each counted as one edit.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs)
        let right = Array(rhs)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var beforePrevious = Array(repeating: 0, count: right.count + 1)
        var previous = Array(0...right.count)
        var current = Array(repeating: 0, count: right.count + 1)
        for row in 1...left.count {
            current[0] = row
            for column in 1...right.count {
                let cost = left[row - 1] == right[column - 1] ? 0 : 1
                current[column] = min(previous[column - 1] + cost, previous[column] + 1, current[column - 1] + 1)
                if row > 1, column > 1, left[row - 1] == right[column - 2], left[row - 2] == right[column - 1] {
                    current[column] = min(current[column], beforePrevious[column - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[right.count]
    }
}
