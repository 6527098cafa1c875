import Foundation
import ModegateCore
import ModegateHTTP

/// What a server answered, after `attempts` tries.
struct HTTPAnswer: Sendable {
    var status: Int
    var data: Data
    var attempts: Int
}
