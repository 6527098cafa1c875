import Foundation
import Testing

/// The binary installed under a prefix works from any directory: the sandbox engine from
/// PREFIX/lib/modegate, the built-in presets from PREFIX/share/modegate, also through a symlink
/// in another folder. The prefix is filled by scripts/install.sh, the script `make install` runs,
/// from the build the tests use (so no release build inside the suite).
@Suite(.serialized) struct InstalledBinaryTests {
    static let builtins = ["smoke", "repo_triage", "dynamic_web_filtering", "ledger_workflows", "function_probe", "code_navigation"]
    static let program = "const [a, b] = await Promise.all([tools.add({a: 1, b: 2}), tools.lookup({key: 'beta'})]);\nreturn {a, owner: b.owner}"

    @Test func runsTheDefaultGateExecAndPresetsFromAnEmptyDirectory() async throws {
        let scratch = try Scratch()
        let prefix = scratch.url.appendingPathComponent("prefix")
        try await Self.install(into: prefix)
        let work = try Self.emptyWorkDirectory(in: scratch)
        let installed = prefix.appendingPathComponent("bin/modegate").path

        let presets = try await ModegateBinary.run(["presets"], in: work, executable: installed)
        #expect(presets.status == 0, "\(presets.stderr)")
        for name in Self.builtins { #expect(presets.stdout.contains(name), "presets lists \(name)") }

        let exec = try await ModegateBinary.run(["exec", "--suite", "demo", "p.js", "--json"], in: work, executable: installed)
        #expect(exec.status == 0, "\(exec.stderr)\n\(exec.stdout)")
        #expect(((try? json(exec.stdout)["outcome"]) as? [String: Any])?["kind"] as? String == "value")

        let run = try await ModegateBinary.run(["run", "codemode.yaml"], in: work, timeout: 300, executable: installed)
        #expect(run.status == 0, "\(run.stderr)\n\(run.stdout)")
        #expect(run.stdout.contains("verdict: PASS"))
        #expect(!run.stderr.contains("sandbox engine"), "\(run.stderr)")

        // A link from another bin folder resolves to the prefix the binary really lives in.
        let linked = scratch.url.appendingPathComponent("elsewhere/bin/modegate")
        try FileManager.default.createDirectory(at: linked.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: linked.path, withDestinationPath: installed)
        let linkedExec = try await ModegateBinary.run(["exec", "--suite", "demo", "p.js"], in: work, executable: linked.path)
        #expect(linkedExec.status == 0, "\(linkedExec.stderr)")
        let linkedPreset = try await ModegateBinary.run(["presets", "smoke"], in: work, executable: linked.path)
        #expect(linkedPreset.status == 0, "\(linkedPreset.stderr)")
        #expect(linkedPreset.stdout.hasPrefix("smoke:"))
    }

    @Test func aMissingEngineNamesEveryPathSearchedAndTheFix() async throws {
        let scratch = try Scratch()
        let prefix = scratch.url.appendingPathComponent("prefix")
        try await Self.install(into: prefix)
        let engine = prefix.appendingPathComponent("lib/modegate/libModegateSandboxEngine.so")
        let moved = scratch.url.appendingPathComponent("engine/libModegateSandboxEngine.so")
        try FileManager.default.createDirectory(at: moved.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: engine, to: moved)
        let work = try Self.emptyWorkDirectory(in: scratch)
        let installed = prefix.appendingPathComponent("bin/modegate").path

        let missing = try await ModegateBinary.run(["exec", "--suite", "demo", "p.js"], in: work, executable: installed)
        #expect(missing.status == 4)
        let report = missing.stdout + missing.stderr
        #expect(report.contains(engine.path), "\(report)")
        #expect(report.contains(prefix.appendingPathComponent("bin/libModegateSandboxEngine.so").path), "\(report)")
        #expect(report.contains("make install"), "\(report)")
        #expect(report.contains("MODEGATE_SANDBOX_ENGINE"), "\(report)")

        // The override the message offers works, and is the only place looked at when set.
        let overridden = try await ModegateBinary.run(
            ["exec", "--suite", "demo", "p.js"], in: work, environment: ["MODEGATE_SANDBOX_ENGINE": moved.path], executable: installed)
        #expect(overridden.status == 0, "\(overridden.stderr)")
        let wrong = scratch.url.appendingPathComponent("nowhere.so").path
        let misdirected = try await ModegateBinary.run(
            ["exec", "--suite", "demo", "p.js"], in: work, environment: ["MODEGATE_SANDBOX_ENGINE": wrong], executable: installed)
        #expect(misdirected.status == 4)
        #expect((misdirected.stdout + misdirected.stderr).contains(wrong))

        // A gate run stops before its first trial (no run is recorded) instead of failing every
        // program as if the model had written it wrong.
        let run = try await ModegateBinary.run(["run", "codemode.yaml"], in: work, executable: installed)
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stderr.contains("the Code Mode sandbox cannot start") && run.stderr.contains("make install"), "\(run.stderr)")
        let runs = work.appendingPathComponent(".modegate/runs")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []).isEmpty)
    }

    /// A folder with only a copy of the default gate and a small program: no presets/, no checkout.
    static func emptyWorkDirectory(in scratch: Scratch) throws -> URL {
        try scratch.write(String(contentsOf: ModegateBinary.repository.appendingPathComponent("gates/codemode.yaml"), encoding: .utf8),
                          to: "work/codemode.yaml")
        try scratch.write(program, to: "work/p.js")
        return scratch.url.appendingPathComponent("work")
    }

    /// `scripts/install.sh install BUILD PREFIX` with the build beside the binary under test,
    /// waited for off the concurrency pool.
    static func install(into prefix: URL) async throws {
        let build = URL(fileURLWithPath: ModegateBinary.path).deletingLastPathComponent().path
        let script = ModegateBinary.repository.appendingPathComponent("scripts/install.sh").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [script, "install", build, prefix.path]
        let errors = Pipe()
        process.standardError = errors
        let (status, message) = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Int32, String), Error>) in
            DispatchQueue.global().async {
                do {
                    try process.run()
                    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                    process.waitUntilExit()
                    continuation.resume(returning: (process.terminationStatus, message))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
        try #require(status == 0, "install.sh failed: \(message)")
    }
}
