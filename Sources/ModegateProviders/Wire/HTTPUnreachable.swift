import Foundation
import ModegateCore
import ModegateHTTP

/// No answer came at all (connection refused, timeouts, a closed connection), retries spent.
struct HTTPUnreachable: Error {
    var message: String
    var attempts: Int
    /// The last attempt ran past `model.timeout_seconds` (the server may be there, but slow).
    var timedOut = false
}
