import ModegateCore

/// The part of a gate's workload a sweep can size: its presets on parametric suites, each with the
/// suite that writes its cases, and the presets left out with the reason. At every shape it
/// derives a workload of fresh cases — one per case slot, slot `i` on the data of seed
/// `workload.seed + i` — in place of the presets' own cases.
public struct SweepWorkload: Sendable {
    /// A preset the sweep sizes.
    public struct Target: Sendable {
        /// The gate's preset (its name, suite reference and file are kept).
        public var preset: Preset
        /// The suite that writes its cases at each shape.
        public var suite: any ParametricSuite
    }

    /// The presets swept, in the gate's order.
    public var targets: [Target]
    /// The gate's presets left out, and why.
    public var skipped: [SweepReport.SkippedPreset]

    /// The gate's `presets` resolved against `suites`; with `only`, just the presets named there.
    /// Throws `SweepInputError` when nothing is left to sweep, or `only` names a preset the gate
    /// does not have or one that cannot be swept.
    public init(presets: [Preset], suites: [any Suite], only: [String] = []) throws {
        var targets: [Target] = []
        var skipped: [SweepReport.SkippedPreset] = []
        for name in only where !presets.contains(where: { $0.name == name }) {
            throw SweepInputError("--preset \(name): the gate has no preset '\(name)'; its presets are \(presets.map(\.name).joined(separator: ", "))")
        }
        let parametric = suites.compactMap { $0 as? any ParametricSuite }
        for preset in presets where only.isEmpty || only.contains(preset.name) {
            guard case .builtin(let suiteName) = preset.suite, let suite = parametric.first(where: { $0.name == suiteName }) else {
                let reason = Self.notParametric(preset, parametric: parametric.map(\.name))
                if !only.isEmpty { throw SweepInputError("--preset \(preset.name): \(reason)") }
                skipped.append(.init(preset: preset.name, reason: reason))
                continue
            }
            targets.append(Target(preset: preset, suite: suite))
        }
        guard !targets.isEmpty else {
            throw SweepInputError("the gate has no parametric preset to sweep (\(skipped.map(\.preset).joined(separator: ", "))); "
                + "add one whose suite has a size — \(parametric.map(\.name).joined(separator: " or ")) — to workload.presets")
        }
        self.targets = targets
        self.skipped = skipped
    }

    private static func notParametric(_ preset: Preset, parametric: [String]) -> String {
        switch preset.suite {
        case .builtin(let suite):
            return "preset '\(preset.name)' is not parametric: its suite '\(suite)' has no size to sweep (parametric suites: \(parametric.joined(separator: ", ")))"
        case .mcp(let server):
            return "preset '\(preset.name)' is not parametric: it runs on the MCP server '\(server)', whose data modegate cannot size"
        }
    }

    /// Throws `SweepInputError` for the first shape some swept preset cannot generate.
    public func check(_ shapes: [SweepShape]) throws {
        for shape in shapes {
            for target in targets {
                if let problem = target.suite.sweepBounds.problem(with: shape, preset: target.preset.name) { throw SweepInputError(problem) }
            }
        }
    }

    /// Warnings for shapes whose trials need more tool calls than a Code Mode program may make
    /// (`candidate.limits.max_tool_calls`): the candidate is stopped there, and a cheaper failure
    /// is not a crossover.
    public func toolCallWarnings(_ shapes: [SweepShape], maxToolCalls: Int) -> [String] {
        var warnings: [String] = []
        for shape in shapes {
            for target in targets where target.suite.sweepToolCalls(shape) > maxToolCalls {
                warnings.append("at \(shape) a '\(target.preset.name)' trial makes up to \(target.suite.sweepToolCalls(shape)) tool calls, above "
                    + "candidate.limits.max_tool_calls (\(maxToolCalls)): the candidate's programs will be stopped there; raise the limit in the gate to measure it")
            }
        }
        return warnings
    }

    /// The id of slot `slot`'s case at `shape`: `sweep-5x5-03`.
    public static func caseID(_ shape: SweepShape, slot: Int) -> String {
        let number = String(slot + 1)
        return "sweep-\(shape)-" + String(repeating: "0", count: max(0, 2 - number.count)) + number
    }

    /// Every swept preset with `cases` fresh cases of `shape`.
    public func presets(at shape: SweepShape, cases: Int, seed: UInt64) -> [Preset] {
        targets.map { target in
            let generated = (0..<cases).map { slot in
                target.suite.sweepCase(shape, seed: Int(seed % 1_000_000_000) + slot, id: Self.caseID(shape, slot: slot))
            }
            var preset = target.preset
            preset.cases = generated
            preset.description = "\(target.preset.name) swept at \(shape) (fan-out \(shape.fanOut))"
            return preset
        }
    }
}
