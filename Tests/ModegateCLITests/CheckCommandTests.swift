import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func shippedGatesResolve() async throws {
        let gates = ModegateBinary.repository.appendingPathComponent("gates")
        let files = try FileManager.default.contentsOfDirectory(atPath: gates.path).filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for file in files {
            let result = try await ModegateBinary.run(["check", "gates/\(file)"], in: ModegateBinary.repository)
            #expect(result.status == 0, "\(file): \(result.stderr)")
            #expect(try json(result.stdout)["thresholds"] != nil)
        }
    }

    @Test func brokenGateListsEveryProblemAndExits3() async throws {
        let scratch = try Scratch()
        try scratch.write("version: 1\nworkload:\n  presets: [smoke]\n  repetitons: 3\nthresholds:\n  max_error_rate: 2\n", to: "g.yaml")
        let result = try await ModegateBinary.run(["check", "g.yaml"], in: scratch.url)
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("g.yaml:4:3: error: unknown key 'repetitons'") == true)
        let gated = try await ModegateBinary.run(["validate", "--gate", "g.yaml"], in: scratch.url)
        #expect(gated.status == 3)
    }
}
