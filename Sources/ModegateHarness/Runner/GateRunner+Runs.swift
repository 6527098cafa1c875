import Foundation
import ModegateCore

extension GateRunner {
    /// New runs in the store for the arms a plan plays, or the runs of an interrupted gate run
    /// to finish (`--resume`).
    func openRuns(_ prepared: PreparedRun) throws -> [ArmRecorder] {
        let plan = prepared.plan
        let planned = plan.plannedTrials(cases: prepared.cases.count)
        if let resume = plan.resume {
            return try plan.arms.map { arm in
                let (writer, trials) = try store.reopen(try resumeEntry(resume, role: arm.role))
                // Trials that ended because of an interruption are played again.
                return ArmRecorder(arm: arm, writer: writer, previous: trials.filter { $0.error?.category != .cancelled },
                                   planned: planned, redactor: redactor, trace: invocation.settings.trace)
            }
        }
        let started = clock()
        let stem = GateRunID.stem(at: started)
        return try plan.arms.map { arm in
            let model = prepared.model(for: arm.role)
            // The manifest's plan names the model that answered (a replay's `replay`); a replay
            // or the scripted rehearsal answers for every arm alike.
            let recorded = model.source == .live ? plan.gate : plan.gate.answered(by: model.provider)
            let planJSON = try? JSONValue.parse(StableJSON.string(recorded, pretty: false))
            let manifest = RunManifest(
                runID: GateRunID.id(stem: stem, role: arm.role, strategy: arm.strategy), toolVersion: toolVersion,
                strategy: arm.strategy, arm: arm.role == .bench ? nil : arm.role,
                gateFile: plan.gate.sourcePath, gateSHA256: plan.gate.sourceSHA256, plan: planJSON,
                model: model.model.modelName, provider: model.provider.rawValue,
                presets: plan.gate.workload.presets, repetitions: plan.repetitions, plannedTrials: planned,
                seed: plan.gate.workload.seed, shard: plan.shard?.description, host: ProcessInfo.processInfo.hostName,
                startedAt: started)
            return ArmRecorder(arm: arm, writer: try store.create(manifest: manifest), previous: [], planned: planned, redactor: redactor,
                               trace: invocation.settings.trace)
        }
    }

    /// The stored run of `role` in the gate run `reference` names.
    private func resumeEntry(_ reference: String, role: ArmRole) throws -> RunCatalogEntry {
        let entries = store.catalog().entries.filter { $0.source == .native }
        let stem = GateRunID.stem(of: reference)
        guard let entry = entries.first(where: { GateRunID.stem(of: $0.id) == stem && GateRunID.role(of: $0.id) == role }) else {
            throw StoreError.unknownReference("\(reference) (\(role))", known: entries.map(\.id))
        }
        return entry
    }
}
