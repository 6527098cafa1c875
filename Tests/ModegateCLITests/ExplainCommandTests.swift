import Foundation
import Testing

/// `modegate explain` through the binary, on the fault gate's runs (injected 503s make the
/// candidate lose completions).
@Suite(.serialized) struct ExplainCommandTests {
    static let faultGate = ModegateBinary.repository.appendingPathComponent("gates/examples/repo-triage-faults.yaml").path

    /// Every completion regression of the verdict is a loss that explain shows with the
    /// candidate's first failed tool call (the injected fault) and both transcript lines.
    @Test func theFaultGatesRegressionsAreNamedWithTheirFirstFailedCall() async throws {
        let scratch = try Scratch()
        let run = try await ModegateBinary.run(["run", Self.faultGate, "--report", "json:v.json"], in: scratch.url, timeout: 300)
        #expect(run.status == 1, "\(run.stderr)")
        let verdict = try json(scratch.read("v.json"))
        let regressions = (verdict["completion_regressions"] as? [[String: Any]] ?? []).map {
            ("\($0["preset"] as? String ?? "")/\($0["case_id"] as? String ?? "")", $0["repetition"] as? Int ?? -1)
        }
        #expect(!regressions.isEmpty)

        let explained = try await ModegateBinary.run(["explain", "--json", "--limit", "100"], in: scratch.url)
        #expect(explained.status == 0, "\(explained.stderr)")
        let explanation = try json(explained.stdout)
        let losses = explanation["losses"] as? [[String: Any]] ?? []
        for (name, repetition) in regressions {
            let loss = try #require(losses.first { "\($0["preset"] as? String ?? "")/\($0["case_id"] as? String ?? "")" == name }, "\(name) is a loss")
            let divergence = try #require((loss["divergences"] as? [[String: Any]])?.first { $0["repetition"] as? Int == repetition })
            let failed = try #require(divergence["candidate_first_failed_call"] as? [String: Any], "\(name)#\(repetition)")
            let call = failed["call"] as? [String: Any] ?? [:]
            #expect((call["error"] as? String)?.contains("injected fault") == true, "\(call)")
            #expect(["search_shard", "fetch_candidate"].contains(call["name"] as? String ?? ""))
            let candidate = (loss["candidate"] as? [[String: Any]])?.first { $0["repetition"] as? Int == repetition }
            let transcript = candidate?["transcript"] as? [String: Any]
            #expect((transcript?["path"] as? String)?.hasSuffix("-candidate/transcripts.jsonl") == true)
            #expect((transcript?["line"] as? Int ?? 0) >= 1)
        }

        let text = try await ModegateBinary.run(["explain", "--limit", "100"], in: scratch.url)
        #expect(text.status == 0)
        for (name, _) in regressions { #expect(text.stdout.contains("  \(name)  reward "), "\(name)") }
        #expect(text.stdout.contains("first failed call (candidate): call "))
        #expect(text.stdout.contains("→ error: injected fault:"))
        #expect(text.stdout.contains("open: baseline .modegate/runs/"))
        #expect(text.stdout.contains("flaky cases ("))

        // The transcript line named is the trial's line.
        let first = try #require(losses.first)
        let trial = try #require((first["candidate"] as? [[String: Any]])?.first)
        let place = try #require(trial["transcript"] as? [String: Any])
        let lines = try scratch.read(place["path"] as? String ?? "").split(separator: "\n")
        let line = try json(String(lines[(place["line"] as? Int ?? 1) - 1]))
        #expect(line["case_id"] as? String == first["case_id"] as? String)
        #expect(line["repetition"] as? Int == trial["repetition"] as? Int)
    }

    @Test func oneCaseAndBadInput() async throws {
        let scratch = try Scratch()
        _ = try await ModegateBinary.run(["run", Self.faultGate], in: scratch.url, timeout: 300)
        let one = try await ModegateBinary.run(["explain", "--case", "repo_triage/triage-1x1-k1", "--json"], in: scratch.url)
        #expect(one.status == 0, "\(one.stderr)")
        let selected = try json(one.stdout)["selected"] as? [[String: Any]] ?? []
        #expect(selected.count == 1 && selected.first?["case_id"] as? String == "triage-1x1-k1")
        let bare = try await ModegateBinary.run(["explain", "--case", "triage-1x1-k1"], in: scratch.url)
        #expect(bare.status == 0)
        #expect(bare.stdout.contains("repo_triage/triage-1x1-k1  reward"))

        let misspelt = try await ModegateBinary.run(["explain", "--case", "repo_triage/triage-1x1-k2"], in: scratch.url)
        #expect(misspelt.status == 3)
        #expect(misspelt.stderr.contains("no paired case 'repo_triage/triage-1x1-k2' (did you mean"), "\(misspelt.stderr)")
        let limit = try await ModegateBinary.run(["explain", "--limit", "0"], in: scratch.url)
        #expect(limit.status != 0 && limit.stderr.contains("--limit"))
        let nowhere = try await ModegateBinary.run(["explain", "--candidate", "no-such-run"], in: scratch.url)
        #expect(nowhere.status == 3)
    }
}
