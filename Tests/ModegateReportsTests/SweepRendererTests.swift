import Foundation
import ModegateCore
import ModegateReports
import Testing

/// The sweep's renderers as pure functions of a report built from synthetic trials (fixed clock,
/// version, ids and wall times), against goldens; the HTML page is also checked for what the
/// browser test relies on: the charts, the crossover mark, no external resource.
@Suite struct SweepRendererTests {
    static let shapes = [SweepShape(shards: 1, candidates: 1), SweepShape(shards: 5, candidates: 5),
                         SweepShape(shards: 10, candidates: 10), SweepShape(shards: 20, candidates: 50)]

    /// A baseline that re-reads every result (tokens ~ fan-out), a candidate with a fixed overhead.
    static func report() -> SweepReport {
        let samples = shapes.map { shape -> SweepSample in
            let ids = (0..<5).map { "sweep-\(shape)-0\($0 + 1)" }
            let pairs = ids.enumerated().map { slot, id -> Pairing.Pair in
                let key = PairKey(preset: "repo_triage", caseID: id, repetition: 1)
                let noise = slot * 37 % 11
                return Pairing.Pair(
                    candidate: TrialOutcome(key: key, completed: true, reward: 1, steps: 2, promptTokens: 2600 + 40 * shape.fanOut + noise * 20,
                                            completionTokens: 300, latency: 0.02 + 0.0004 * Double(shape.fanOut), modelVisibleToolBytes: 200),
                    baseline: TrialOutcome(key: key, completed: true, reward: slot == 4 && shape.fanOut == 1000 ? 0.8 : 1, steps: 3,
                                           promptTokens: 900 + 260 * shape.fanOut + noise * 30, completionTokens: 40 + 12 * shape.fanOut,
                                           latency: 0.01 + 0.0002 * Double(shape.fanOut), modelVisibleToolBytes: 420 * shape.fanOut))
            }
            return SweepSample(shape: shape, caseIDs: ids, pairs: pairs, baselineRun: "20261122-120000-0000000\(shape.shards % 10)-baseline",
                               candidateRun: "20261122-120000-0000000\(shape.shards % 10)-candidate", wallSeconds: 1.5)
        }
        let sweep = SweepAnalysis(resamples: 1000, confidence: 0.95, seed: 42)
            .sweep(preset: "repo_triage", suite: "repo_triage", mapping: "SxC → shards × candidates_per_shard <k>", samples: samples)
        return SweepReport(
            id: "sweep-20261122-120000-00000000", gate: "gates/codemode.yaml", gateName: "codemode-promotion",
            generatedAt: Date(timeIntervalSince1970: 1_795_348_800), toolVersion: "0.0.0-test", model: "scripted", tokensEstimated: true,
            baselineStrategy: "tool_call", candidateStrategy: "codemode", shapes: shapes, casesPerShape: 5, repetitions: 1,
            confidence: 0.95, bootstrapResamples: 1000, seed: 42, wallSeconds: 6.0, presets: [sweep],
            skippedPresets: [.init(preset: "smoke", reason: "preset 'smoke' is not parametric")],
            warnings: ["at 20x50 a 'repo_triage' trial makes up to 1020 tool calls, above candidate.limits.max_tool_calls (500)"])
    }

    @Test func htmlPageMatchesItsGolden() throws {
        try Golden.check(SweepHTMLRenderer().render(Self.report()), name: "sweep", format: "html")
    }

    @Test func textTableMatchesItsGolden() throws {
        try Golden.check(SweepTextRenderer().render(Self.report()), name: "sweep", format: "text")
    }

    @Test func jsonMatchesItsGoldenAndTheSchemaVersion() throws {
        let text = try StableJSON.string(Self.report())
        try Golden.check(text, name: "sweep", format: "json", json: true)
        let json = try JSONValue.parse(text)
        #expect(json["schema_version"]?.intValue == SweepReport.schemaVersion)
        #expect(try StableJSON.decoder().decode(SweepReport.self, from: Data(text.utf8)) == Self.report())
    }

    @Test func htmlPageIsSelfContainedAndMarksTheCrossover() throws {
        let page = SweepHTMLRenderer().render(Self.report())
        let crossover = try #require(Self.report().presets[0].crossover(.tokens))
        #expect(crossover.status == .crosses)
        #expect(page.contains(#"class="crossover-mark""#))
        #expect(page.components(separatedBy: #"<svg class="sweep-chart""#).count - 1 == 7)
        for external in ["http://", "https://", "src=", "<link"] where page.contains(external) {
            // The SVG namespace is the one URL the page may name.
            let stripped = page.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
            #expect(!stripped.contains(external), "the page reaches outside itself: \(external)")
        }
        #expect(page.contains("pays from"))
    }
}

/// docs/sweep.schema.json describes what the sweep's JSON holds, no more and no less.
@Suite struct SweepSchemaTests {
    @Test func theReportConformsAndUsesEveryDescribedProperty() throws {
        let url = Golden.directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/sweep.schema.json")
        var conformance = SchemaConformance(schema: try JSONValue.parse(String(contentsOf: url, encoding: .utf8)))
        conformance.check(try JSONValue.parse(StableJSON.string(SweepRendererTests.report())))
        #expect(conformance.problems.isEmpty, "\(conformance.problems)")
        #expect(conformance.describedProperties.subtracting(conformance.usedProperties).isEmpty,
                "described but never written: \(conformance.describedProperties.subtracting(conformance.usedProperties).sorted())")
    }
}
