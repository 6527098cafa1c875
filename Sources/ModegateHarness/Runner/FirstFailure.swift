import Foundation
import ModegateCore
import ModegateMCP
import Synchronization

/// The first error any of a batch's workers hit (a trial that could not be written).
final class FirstFailure: Sendable {
    private let first = Mutex<(any Error)?>(nil)

    func keep(_ error: any Error) { first.withLock { $0 = $0 ?? error } }

    var error: (any Error)? { first.withLock { $0 } }
}
