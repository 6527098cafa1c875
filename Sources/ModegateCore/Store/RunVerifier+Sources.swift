import Foundation

extension RunVerifier {
    /// The manifest's `gate_sha256` against the gate file it names, as it is now.
    func checkGate(_ manifest: RunManifest, manifestFile: String, folder: URL, into report: inout RunVerification) {
        guard let gate = manifest.gateFile, let recorded = manifest.gateSHA256 else {
            let kind = manifest.plan?["import"] != nil ? "an imported run" : "a bench run"
            report.notes.append("\(manifestFile): no gate file recorded (\(kind)), so no gate digest to check")
            return
        }
        let text = (try? String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8)) ?? ""
        if let planned = manifest.plan?["source_sha256"]?.stringValue, planned != recorded {
            report.findings.append(VerifyFinding(
                path: manifestFile, line: Self.line(ofKey: "gate_sha256", in: text),
                message: "gate_sha256 \(recorded.prefix(12))… differs from the plan's source_sha256 \(planned.prefix(12))…"))
        }
        let url = URL(fileURLWithPath: gate, relativeTo: workingDirectory).standardizedFileURL
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            report.notes.append("\(manifestFile): the gate file \(gate) is not here (run verify where the run was made), so its digest was not checked")
            return
        }
        let now = SHA256.hex(bytes)
        if now == recorded {
            report.agreed.append("gate file \(gate) is the one run")
        } else {
            report.findings.append(VerifyFinding(
                path: manifestFile, line: Self.line(ofKey: "gate_sha256", in: text),
                message: "gate_sha256 is \(recorded.prefix(12))…, but \(gate) hashes to \(now.prefix(12))… now: the gate changed since this run"))
        }
    }

    /// The provenance's preset digests: one per preset the manifest names, each matching the
    /// preset file the gate finds today.
    func checkPresets(
        _ summary: RunSummary, text: String, manifest: RunManifest, summaryFile: String, into report: inout RunVerification
    ) {
        guard let provenance = summary.provenance else {
            report.notes.append("\(summaryFile): no provenance recorded, so no preset digests to check")
            return
        }
        let line = Self.line(ofKey: "provenance", in: text)
        // The manifest names presets as the gate does (a name or a path); one digest for each.
        let named = Set(manifest.presets)
        let digested = Set(provenance.presets.keys)
        let complete = named.count == digested.count
        if !complete {
            report.findings.append(VerifyFinding(
                path: summaryFile, line: line,
                message: "provenance.presets digests \(digested.count) preset(s) (\(digested.sorted().joined(separator: ", "))); the manifest names \(named.count) (\(named.sorted().joined(separator: ", ")))"))
        }
        guard let gate = manifest.gateFile,
              let now = presetDigests(URL(fileURLWithPath: gate, relativeTo: workingDirectory).standardizedFileURL.path)
        else {
            report.notes.append("\(summaryFile): the gate file's presets cannot be found here, so their digests were not checked")
            return
        }
        var changed = 0
        for name in digested.sorted() {
            guard let current = now[name], let recorded = provenance.presets[name] else { continue }
            if current != recorded {
                changed += 1
                report.findings.append(VerifyFinding(
                    path: summaryFile, line: line,
                    message: "provenance.presets.\(name) is \(recorded.prefix(12))…, but the preset file hashes to \(current.prefix(12))… now: preset \(name) changed since this run"))
            }
        }
        if changed == 0, complete { report.agreed.append("\(digested.count) preset file(s) are the ones run") }
    }
}
