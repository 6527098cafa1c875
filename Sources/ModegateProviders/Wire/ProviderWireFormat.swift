import Foundation
import ModegateCore

/// One provider API's wire format: how a request becomes a body and an answer a response, and
/// where the key goes.
protocol ProviderWireFormat: TranscriptCodec {
    static var keyHeader: String { get }
    /// What precedes the key in its header (`Bearer `).
    static var keyPrefix: String { get }
    static var headers: [String: String] { get }
    /// The sampling to send again with after an HTTP 400 that names a parameter this model does
    /// not take, with a note saying what changed; nil when the refusal is about something else.
    static func adjusting(_ sampling: WireSampling, after refusal: Data) -> (WireSampling, note: String)?
}

extension ProviderWireFormat {
    static func adjusting(_ sampling: WireSampling, after refusal: Data) -> (WireSampling, note: String)? { nil }
}
