import Foundation
import ModegateCore
import ModegateHTTP

/// What a server answered, after `attempts` tries.
struct HTTPAnswer: Sendable {
    var status: Int
    var data: Data
    var attempts: Int
    /// What the last attempt reserved of a token rate limit (0 without one).
    var reservedTokens = 0
}
