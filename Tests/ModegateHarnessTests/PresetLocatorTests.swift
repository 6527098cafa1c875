import Foundation
import ModegateHarness
import Testing

/// The preset search order: a user's own presets first, then the installed built-ins, then the
/// checkout above a build-folder binary.
@Suite struct PresetLocatorTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-locator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func touch(_ path: String) throws -> URL {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("preset: x\n".utf8).write(to: url)
        return url
    }

    @Test func anInstalledBinaryFindsThePrefixPresetsAndTheUserOverridesThem() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let binary = try touch("prefix/bin/modegate")
        let builtin = try touch("prefix/share/modegate/presets/smoke.yaml")
        _ = try touch("prefix/share/modegate/presets/repo_triage.yaml")
        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let installed = PresetLocator(gateFile: nil, workingDirectory: work, environment: [:], executable: binary)
        #expect(installed.locate("smoke", relativeTo: work)?.path == builtin.standardizedFileURL.path)
        #expect(installed.builtinPresetFiles().map(\.lastPathComponent) == ["repo_triage.yaml", "smoke.yaml"])

        let own = try touch("work/presets/smoke.yaml")
        #expect(installed.locate("smoke", relativeTo: work)?.path == own.standardizedFileURL.path)
        #expect(installed.locate("repo_triage", relativeTo: work)?.path.hasSuffix("share/modegate/presets/repo_triage.yaml") == true)
    }

    @Test func aLinkedBinaryUsesThePrefixItReallyLivesIn() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let binary = try touch("prefix/bin/modegate")
        let builtin = try touch("prefix/share/modegate/presets/smoke.yaml")
        let link = root.appendingPathComponent("other/bin/modegate")
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: binary)
        let locator = PresetLocator(gateFile: nil, workingDirectory: root, environment: [:], executable: link)
        #expect(locator.locate("smoke", relativeTo: root)?.resolvingSymlinksInPath().path == builtin.resolvingSymlinksInPath().path)
    }

    @Test func aBuildFolderBinaryFindsTheCheckoutPresets() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let binary = try touch("checkout/.build/x86_64-unknown-linux-gnu/debug/modegate")
        let checkout = try touch("checkout/presets/smoke.yaml")
        let locator = PresetLocator(gateFile: nil, workingDirectory: root, environment: [:], executable: binary)
        #expect(locator.locate("smoke", relativeTo: root)?.path == checkout.standardizedFileURL.path)
    }
}
