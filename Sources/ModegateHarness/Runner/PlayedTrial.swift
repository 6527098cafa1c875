import Foundation
import ModegateCore
import ModegateProviders
import ModegateSandbox

/// A trial's record, its conversation with the model, and its timeline (nil for a trial that
/// was never played).
struct PlayedTrial: Sendable {
    var record: TrialRecord
    var transcript: TrialTranscript
    var events: TrialEvents? = nil
}
