import Foundation
import ModegateCore

/// The settings a request body carries besides the conversation. `temperature` and the name of
/// the output-token field can change during a run: some servers refuse one and say so (see
/// `ProviderWireFormat.adjusting`).
struct WireSampling: Sendable, Hashable {
    var model: String
    /// Nil once a server has refused any temperature but its default.
    var temperature: Double?
    var maxTokens: Int
    var maxTokensField = "max_tokens"
}
