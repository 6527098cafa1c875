import Synchronization

/// Generated suite data by params key. A trial gets a fresh session, but the data behind a
/// stateless session is immutable and fully determined by its params, so sessions share it: the
/// second trial of a case costs a dictionary look-up instead of regenerating (for the 20×50
/// repo_triage shape, a megabyte of payloads).
final class GeneratedDataCache<Value: Sendable>: Sendable {
    private let entries = Mutex<[String: Value]>([:])
    private let capacity: Int

    init(capacity: Int = 64) { self.capacity = capacity }

    func value(for key: String, make: () -> Value) -> Value {
        if let cached = entries.withLock({ $0[key] }) { return cached }
        // Generated outside the lock: two racing trials may both generate, and both get equal data.
        let made = make()
        entries.withLock { entries in
            // A workload has a few dozen distinct params; clearing on overflow keeps memory bounded.
            if entries.count >= capacity { entries.removeAll() }
            entries[key] = made
        }
        return made
    }
}
