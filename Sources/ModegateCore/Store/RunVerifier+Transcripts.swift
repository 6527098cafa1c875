import Foundation

extension RunVerifier {
    /// Each results line against its trial's transcript line: the answered exchanges are its
    /// model requests, the traced tool calls its tool calls and failures, the answers' usage its
    /// tokens, the recorded time its latency. A trial played twice (a resume) is judged by its
    /// last transcript line, as replay reads it.
    func checkTranscripts(
        folder: URL, results: [(line: Int, value: TrialRecord)], manifest: RunManifest, shown: String,
        into report: inout RunVerification
    ) {
        let url = folder.appendingPathComponent("transcripts.jsonl")
        let file = (shown as NSString).appendingPathComponent("transcripts.jsonl")
        let resultsFile = (shown as NSString).appendingPathComponent("results.jsonl")
        guard FileManager.default.fileExists(atPath: url.path) else {
            report.notes.append("\(file): none, so trials were not checked against their conversations")
            return
        }
        let transcripts: [(line: Int, audit: RecordSchema.Versioned<TranscriptFile.TrialAudit>)]
        do {
            transcripts = try TranscriptFile.readAudits(url)
        } catch {
            report.findings.append(Self.finding(error, file: file))
            return
        }
        report.notes += Self.olderVersions(transcripts.map(\.audit.version), file: file)
        var byTrial: [PairKey: (line: Int, audit: TranscriptFile.TrialAudit)] = [:]
        for (line, versioned) in transcripts {
            let transcript = versioned.value
            if transcript.runID != manifest.runID {
                report.findings.append(VerifyFinding(path: file, line: line, message: "run_id \(transcript.runID) is not this run's (manifest.json: \(manifest.runID))"))
            }
            byTrial[transcript.key] = (line, transcript)
        }
        let before = report.findings.count
        var tokensChecked = 0
        for (line, trial) in results {
            guard let (transcriptLine, transcript) = byTrial.removeValue(forKey: trial.pairKey) else {
                report.findings.append(VerifyFinding(path: resultsFile, line: line, message: "trial \(trial.pairKey) has no line in transcripts.jsonl"))
                continue
            }
            func differ(_ what: String, _ transcribed: String, _ recorded: String) {
                report.findings.append(VerifyFinding(
                    path: file, line: transcriptLine,
                    message: "trial \(trial.pairKey): \(what) \(transcribed) here; results.jsonl:\(line) records \(recorded)"))
            }
            let counters = trial.counters
            // A request that failed is on record too, but only answered ones are model requests.
            let answered = transcript.exchanges.filter { $0.error == nil }.count
            if answered != counters.modelRequests {
                differ("answered model requests:", "\(answered)", "model_requests \(counters.modelRequests)")
            }
            if let calls = transcript.toolCalls {
                if calls.count != counters.toolCalls { differ("tool calls:", "\(calls.count)", "tool_calls \(counters.toolCalls)") }
                let failed = calls.filter(\.isError).count
                if failed != counters.failedToolCalls { differ("failed tool calls:", "\(failed)", "failed_tool_calls \(counters.failedToolCalls)") }
            }
            if let tokens = transcriptTokens(transcript.format, transcript.exchanges.compactMap(\.response)) {
                tokensChecked += 1
                let recorded = Tokens(prompt: counters.promptTokens, completion: counters.completionTokens, cached: counters.cachedTokens)
                if tokens != recorded {
                    differ("the answers report tokens", "\(tokens.prompt) prompt, \(tokens.completion) completion, \(tokens.cached) cached",
                           "\(recorded.prompt), \(recorded.completion), \(recorded.cached)")
                }
            }
            if let latency = transcript.latency, latency != counters.latency {
                differ("latency.total", "\(latency.total) s", "\(counters.latency.total) s")
            }
        }
        if !byTrial.isEmpty {
            // Written just before its results line: a run killed between the two writes leaves one.
            let lines = byTrial.values.map(\.line).sorted().prefix(5).map(String.init).joined(separator: ", ")
            report.notes.append("\(file): \(byTrial.count) transcript line(s) without a results line (lines \(lines)): trials cut off between the two writes")
        }
        if report.findings.count == before {
            report.agreed.append("\(results.count) transcripts match their results (model requests, tool calls, \(tokensChecked == results.count ? "tokens" : "tokens of \(tokensChecked)"), latency)")
        }
    }
}
