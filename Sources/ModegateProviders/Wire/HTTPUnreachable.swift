import Foundation
import ModegateCore
import ModegateHTTP

/// No answer came at all (connection refused, timeouts, a closed connection), retries spent.
struct HTTPUnreachable: Error {
    var message: String
    var attempts: Int
}
