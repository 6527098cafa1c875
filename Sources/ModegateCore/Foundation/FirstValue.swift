import Synchronization

/// The first value noted, kept while later ones are dropped: a trial's first infrastructure
/// failure is the one that explains it, whichever call saw it.
package final class FirstValue<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)

    package init() {}

    /// Keeps `candidate` unless a value was noted before.
    package func note(_ candidate: Value) { value.withLock { if $0 == nil { $0 = candidate } } }

    /// The first value noted; nil before any.
    package var first: Value? { value.withLock { $0 } }
}
