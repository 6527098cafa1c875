import Foundation
import ModegateCore

extension TrialRunner {
    /// The record of a trial that could not begin (no sandbox worker): nothing was asked of the
    /// model, nothing counted, and the error says why; an infrastructure error, never the
    /// strategy's loss.
    func unplayed(_ spec: TrialSpec, runID: String, error: TrialError) -> PlayedTrial {
        let now = Date()
        let model = model(for: spec)
        let workload = spec.workloadCase
        let record = TrialRecord(
            runID: runID, preset: workload.preset, caseID: workload.testCase.id, repetition: spec.repetition,
            strategy: spec.arm.strategy, completed: false, reward: 0, steps: 0, error: error, startedAt: now, finishedAt: now)
        let transcript = TrialTranscript(
            runID: runID, arm: spec.arm.role, preset: workload.preset, caseID: workload.testCase.id, repetition: spec.repetition,
            strategy: spec.arm.strategy, provider: model.provider.rawValue, format: model.model.transcriptFormat,
            model: model.model.modelName, exchanges: [], toolCalls: nil)
        return PlayedTrial(record: record, transcript: transcript)
    }
}
