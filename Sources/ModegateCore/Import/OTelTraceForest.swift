/// The spans of every file given, linked by their parent ids across files and lines (spans
/// arrive in any order: the Collector writes a batch when it fills), and each span's trial: the
/// outermost `invoke_agent` span above it. An `invoke_agent` inside another (a sub-agent, an
/// agent called as a tool) belongs to the outer one's trial.
struct OTelTraceForest {
    /// Where a span belongs.
    enum Owner: Equatable {
        /// In the trial of the `invoke_agent` span at this index.
        case trial(Int)
        /// Under no `invoke_agent` span: its chain of parents ends at a root without one.
        case none
        /// Its chain of parents reaches a span id in none of the files (a partial trace).
        case missingParent(SpanKey)
        /// Its chain of parents loops.
        case loop
    }

    let spans: [OTLPSpan]
    private let indexByKey: [SpanKey: Int]
    /// Each span's owner, by index.
    private(set) var owners: [Owner]
    /// Problems found while linking (a span given twice).
    private(set) var diagnostics: [Diagnostic] = []

    static let agentOperation = "invoke_agent"

    init(_ spans: [OTLPSpan]) {
        self.spans = spans
        var index: [SpanKey: Int] = [:]
        index.reserveCapacity(spans.count)
        var diagnostics: [Diagnostic] = []
        for (position, span) in spans.enumerated() {
            if let first = index[span.key] {
                diagnostics.append(Diagnostic(
                    file: span.place.file, line: span.place.line, column: 0,
                    message: "span \(span.key) is given twice (also at \(spans[first].place)); was a file given twice?"))
            } else {
                index[span.key] = position
            }
        }
        indexByKey = index
        owners = Array(repeating: .none, count: spans.count)
        self.diagnostics = diagnostics
        resolveOwners()
    }

    /// The index of a span's parent, nil for a root or a parent in no file.
    func parent(of index: Int) -> Int? {
        spans[index].parentKey.flatMap { indexByKey[$0] }
    }

    /// The span's ancestors, nearest first, up to (not past) `stop`.
    func ancestors(of index: Int, upTo stop: Int? = nil) -> [Int] {
        var chain: [Int] = []
        var current = index
        while current != stop, let up = parent(of: current), chain.count < spans.count {
            chain.append(up)
            current = up
        }
        return chain
    }

    func isAgent(_ index: Int) -> Bool { spans[index].operation == Self.agentOperation }

    /// Each span's owner, walking each chain of parents once: a span's owner is its parent's,
    /// unless the parent has none and the span is itself an `invoke_agent`.
    private mutating func resolveOwners() {
        var resolved = Array(repeating: false, count: spans.count)
        for start in spans.indices where !resolved[start] {
            var path: [Int] = []
            var onPath = Set<Int>()
            var current = start
            var above: Owner?
            while true {
                path.append(current)
                onPath.insert(current)
                guard let key = spans[current].parentKey else { above = Owner.none; break }
                guard let up = indexByKey[key] else { above = .missingParent(key); break }
                if resolved[up] { above = owners[up]; break }
                if onPath.contains(up) { above = .loop; break }
                current = up
            }
            var owner = above ?? Owner.none
            for index in path.reversed() {
                switch owner {
                case .trial: break
                case .none, .missingParent: if isAgent(index) { owner = .trial(index) }
                case .loop: break
                }
                owners[index] = owner
                resolved[index] = true
            }
        }
    }
}
