import Foundation
import ModegateCore
import Testing

/// The gate files the repository ships must load cleanly.
@Suite struct GateRepositoryFilesTests {
    static func shippedGates() -> [String] {
        let folder = GateFixtures.repositoryRoot.appendingPathComponent("gates")
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    }

    @Test(arguments: shippedGates())
    func shippedGateLoadsWithoutDiagnostics(file: String) {
        let path = GateFixtures.repositoryRoot.appendingPathComponent("gates/\(file)").path
        #expect(throws: Never.self) { try GateLoader.load(path: path) }
    }

    @Test(arguments: ["full.yaml", "minimal.yaml", "design-example.yaml"])
    func validFixtureLoads(file: String) {
        #expect(throws: Never.self) { try GateLoader.load(path: GateFixtures.gatesFolder.appendingPathComponent(file).path) }
    }
}
