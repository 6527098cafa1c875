import Foundation
import ModegateCore
import ModegateProviders
import ModegateSandbox

/// A trial's record and its conversation with the model.
struct PlayedTrial: Sendable {
    var record: TrialRecord
    var transcript: TrialTranscript
}
