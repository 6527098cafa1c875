import Foundation
import Testing
@testable import ModegateCore

/// Broken input never crashes or hangs the loader: thousands of damaged copies of a full gate
/// either load or come back as located diagnostics.
@Suite struct GateFuzzTests {
    @Test func damagedGatesLoadOrDiagnose() throws {
        let source = Array(try GateFixtures.text(GateFixtures.gatesFolder.appendingPathComponent("full.yaml")).utf8)
        var generator = SeededGenerator(seed: 11)
        let alphabet = Array("{}[]:,-#&*!|>'\" \t\n0123456789.abcxyz~".utf8)
        var diagnosed = 0
        for round in 0..<1500 {
            var bytes = source
            for _ in 0...(round % 4) {
                let at = generator.index(below: bytes.count)
                switch generator.index(below: 3) {
                case 0: bytes[at] = alphabet[generator.index(below: alphabet.count)]
                case 1: bytes.remove(at: at)
                default: bytes.insert(alphabet[generator.index(below: alphabet.count)], at: at)
                }
            }
            let yaml = String(decoding: bytes, as: UTF8.self)
            do {
                _ = try GateLoader.load(yaml: yaml, path: "fuzz.yaml")
            } catch let error as DiagnosticsError {
                diagnosed += 1
                #expect(!error.diagnostics.isEmpty)
                for diagnostic in error.diagnostics {
                    #expect(diagnostic.description.hasPrefix("fuzz.yaml"), "\(diagnostic)")
                    #expect(diagnostic.line >= 0 && diagnostic.column >= 0)
                }
            }
        }
        #expect(diagnosed > 500)
    }
}
