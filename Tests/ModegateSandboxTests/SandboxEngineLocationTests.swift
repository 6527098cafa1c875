import Foundation
import ModegateSandbox
import Testing

/// Where a worker looks for the engine: the override alone when set, else the prefix's
/// lib/modegate, then beside the binary.
@Suite struct SandboxEngineLocationTests {
    @Test func installedFirstThenBesideTheBinary() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-engine-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let installed = root.appendingPathComponent("lib/modegate/\(SandboxEngineLocation.libraryName)")
        let beside = root.appendingPathComponent("bin/\(SandboxEngineLocation.libraryName)")
        for file in [installed, beside] {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        let binary = root.appendingPathComponent("bin/modegate").path

        let nothing = SandboxEngineLocation(executable: binary, environment: [:])
        #expect(nothing.searched == [installed.path, beside.path])
        #expect(nothing.found == nil)
        #expect(nothing.missingMessage.contains("\(installed.path), \(beside.path)"))
        #expect(nothing.missingMessage.contains("make install"))
        #expect(nothing.missingMessage.contains("MODEGATE_SANDBOX_ENGINE=PATH"))

        try Data().write(to: beside)
        #expect(SandboxEngineLocation(executable: binary, environment: [:]).found == beside.path)
        try Data().write(to: installed)
        #expect(SandboxEngineLocation(executable: binary, environment: [:]).found == installed.path)

        let custom = SandboxEngineLocation(executable: binary, environment: ["MODEGATE_SANDBOX_ENGINE": "/nowhere/engine.so"])
        #expect(custom.searched == ["/nowhere/engine.so"])
        #expect(custom.found == nil)
    }
}
