/// The preset and gate files of an imported BFCL category. Values are written as JSON, which is
/// YAML, so no prompt or argument needs YAML quoting rules; the reference programs are block
/// scalars, one call a line, so a reviewer reads them as the ground truth they come from.
struct BFCLPresetWriter {
    let export: BFCLExport
    /// The preset's name, which the gate lists.
    var presetName: String { "bfcl_\(export.category)" }

    /// The preset: one case per task, a turn per BFCL turn, each scored by the server's checker.
    func preset() -> String {
        var lines = [
            "# BFCL \(export.category), imported from \(export.package) \(export.version) by `modegate import bfcl`.",
            "# Each case is one task: the server (bfcl_server.py) loads the task's initial configuration",
            "# into BFCL's own backends before the first turn and runs BFCL's state and response checks",
            "# after each turn. The references replay BFCL's ground-truth calls.",
            "preset: \(presetName)",
            "description: \(quoted("BFCL \(export.category): \(export.tasks.count) multi-turn tasks on BFCL's stateful backends, checked by BFCL's own checkers (\(export.package) \(export.version))."))",
            "suite: {mcp: bfcl}",
            "cases:",
        ]
        for task in export.tasks {
            lines.append("  - id: \(quoted(task.id))")
            lines.append("    tools: [\(task.tools.map(quoted).joined(separator: ", "))]")
            lines.append("    setup: {tool: bfcl_load, arguments: {task: \(quoted(task.id))}}")
            for (index, turn) in task.turns.enumerated() {
                let indent = index == 0 ? "    " : "        "
                if index == 1 { lines.append("    turns:") }
                lines.append((index == 0 ? indent : "      - ") + "prompt: \(quoted(turn.prompt))")
                lines.append(indent + "answer_schema: {type: string}")
                lines.append(indent + "scorer: {kind: mcp, tool: bfcl_check}")
                lines.append(indent + "reference: |-")
                lines += reference(turn).map { indent + "  " + $0 }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The gate: both arms on the scripted model over the category's server (which keeps each
    /// trial's backends apart, so trials run at once), BFCL's step limit per turn.
    func gate(python: String, script: String) -> String {
        """
        # BFCL \(export.category) (\(export.package) \(export.version)), imported by `modegate import bfcl`.
        # The scripted model replays the ground truth, so both arms should score 1.0; put your own
        # model under model: (see docs/providers.md) to measure it.
        version: 1
        name: \(quoted("bfcl-\(export.category)"))
        description: \(quoted("BFCL \(export.category): tool calling against Code Mode on BFCL's multi-turn tasks."))

        workload:
          presets: [\(presetName)]
          repetitions: 1
          seed: 42
          arm_order: sequential
          concurrency: 4

        model:
          provider: scripted

        baseline:
          strategy: tool_call
          max_steps: \(maxSteps)\(stepsNote)

        candidate:
          strategy: codemode
          runtime: builtin
          max_steps: \(maxSteps)

        mcp:
          enabled: true
          servers:
            bfcl:
              command: [\(quoted(python)), \(quoted(script)), serve, \(quoted(export.category))]
              per_trial_state: true   # backends per trial, by the trial each call names

        thresholds:
          min_reward_delta: 0.00
          min_completion_delta: 0.00
          max_error_rate: 0.05

        judgement:
          mode: point

        reports:
          - {format: json, path: .modegate/bfcl-\(export.category)-verdict.json}
          - {format: markdown, path: .modegate/bfcl-\(export.category)-summary.md}

        """
    }

    /// The longest ground-truth turn, in calls.
    private var longestTurn: Int { export.tasks.flatMap(\.turns).map(\.calls.count).max() ?? 0 }

    /// Model requests a turn may take: BFCL's step limit, or more where a ground-truth turn has
    /// more calls than that (a model that makes one call a request, as the scripted one does,
    /// needs a request per call and one to answer).
    var maxSteps: Int { max(export.maxSteps, longestTurn + 1) }

    private var stepsNote: String {
        maxSteps == export.maxSteps
            ? "        # BFCL's step limit per turn"
            : "        # BFCL's step limit is \(export.maxSteps) a turn; its longest ground-truth turn here has \(longestTurn) calls, one a request in tool_call"
    }

    /// A turn's ground truth as a program: each call awaited in order, then a short answer.
    private func reference(_ turn: BFCLExport.Turn) -> [String] {
        let calls = turn.calls.map { "await tools.\($0.name)(\($0.arguments.jsonText));" }
        let answer = calls.isEmpty ? "I cannot do that with the functions and details I have." : "Done."
        return calls + ["return \(quoted(answer));"]
    }

    private func quoted(_ text: String) -> String { JSONValue.string(text).jsonText }
}
