import ModegateCore
import Testing

/// Diagnostics point at the offending token: 1-based line and column, columns in Unicode scalars.
@Suite struct GateDiagnosticPositionTests {
    func diagnostics(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try GateLoader.load(yaml: yaml, path: "g.yaml")
            return []
        } catch let error as DiagnosticsError {
            return error.diagnostics
        } catch {
            return []
        }
    }

    /// The token a diagnostic points at, read back from the source.
    private func token(at diagnostic: Diagnostic, in yaml: String, length: Int) -> String {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let line = Array(lines[diagnostic.line - 1].unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: line[(diagnostic.column - 1)..<(diagnostic.column - 1 + length)])
        return String(view)
    }

    @Test func valueErrorPointsAtTheValue() throws {
        let yaml = "version: 1\nworkload: {presets: [smoke]}\nthresholds:\n  max_error_rate: 1.5\n"
        let found = try #require(diagnostics(yaml).first)
        #expect((found.line, found.column) == (4, 19))
        #expect(token(at: found, in: yaml, length: 3) == "1.5")
        #expect(found.keyPath == "thresholds.max_error_rate")
    }

    @Test func unknownKeyPointsAtTheKeyAndNamesItInThePath() throws {
        let yaml = "version: 1\nworkload:\n  presets: [a]\n  limt: 2\n"
        let found = try #require(diagnostics(yaml).first)
        #expect((found.line, found.column) == (4, 3))
        #expect(token(at: found, in: yaml, length: 4) == "limt")
        #expect(found.keyPath == "workload.limt")
        #expect(found.message == "unknown key 'limt' (did you mean 'limit'?)")
    }

    @Test func listItemsAreIndexedInThePath() throws {
        let yaml = "version: 1\nworkload: {presets: [a]}\nreports:\n  - {format: text}\n  - {format: jsn, path: x}\n"
        let found = try #require(diagnostics(yaml).first)
        #expect(found.keyPath == "reports[1].format")
        #expect(token(at: found, in: yaml, length: 3) == "jsn")
        #expect(found.description == "g.yaml:5:14: error: 'jsn' is not one of text, json, markdown, junit, github, html, openmetrics, buildkite (did you mean 'json'?) (at reports[1].format)")
    }

    @Test func secondDuplicateIsReportedAndColumnsAfterItStayExact() throws {
        // On one line the reader inserts tags before earlier keys; columns must still match the file.
        let yaml = "version: 1\nworkload: {presets: [a], limit: 1, limit: 2, limit: 3, seed: é}\n"
        let found = diagnostics(yaml)
        #expect(found.map(\.column) == [36, 46, 62])
        #expect(found.map(\.message) == [
            "duplicate key 'limit' (first defined at line 2)",
            "duplicate key 'limit' (first defined at line 2)",
            "expected an integer, found string 'é'",
        ])
        #expect(token(at: found[2], in: yaml, length: 1) == "é")
    }

    @Test func duplicatesInSeveralMappingsAreAllReported() {
        let yaml = "version: 1\nworkload:\n  presets: [a]\n  presets: [b]\nmodel:\n  name: x\n  name: y\nversion: 1\n"
        let found = diagnostics(yaml)
        #expect(found.map { "\($0.line):\($0.column) \($0.keyPath)" } == ["4:3 workload.presets", "7:3 model.name", "8:1 version"])
    }

    @Test func yamlSyntaxErrorUsesTheParserPosition() throws {
        let yaml = "version: 1\nworkload: {presets: [a}\n"
        let found = try #require(diagnostics(yaml).first)
        #expect(found.line == 2)
        #expect(found.message.hasPrefix("invalid YAML: "))
    }

    @Test func missingKeyPointsAtItsParentMapping() throws {
        let yaml = "version: 1\nworkload:\n    limit: 2\n"
        let found = try #require(diagnostics(yaml).first)
        #expect((found.line, found.column) == (3, 5))
        #expect(found.keyPath == "workload.presets")
    }

    @Test func crlfLineEndingsCountLikeLF() throws {
        let yaml = "version: 1\r\nworkload: {presets: [a]}\r\njudgement: {mode: pont}\r\n"
        let found = try #require(diagnostics(yaml).first)
        #expect((found.line, found.column) == (3, 19))
    }
}

extension GateDiagnosticPositionTests {
    @Test func explicitlyTaggedDuplicateFallsBackToTheFirstOccurrence() throws {
        // A key that already carries a tag cannot be tagged apart, so Yams' own report is used.
        let yaml = "version: 1\nworkload: {presets: [a]}\nmodel:\n  !!str name: a\n  !!str name: b\n"
        let found = try #require(diagnostics(yaml).first)
        #expect(found.description == "g.yaml:4:3: error: key 'name' is defined more than once in this mapping")
    }
}

extension GateDiagnosticPositionTests {
    @Test func byteOrderMarkDoesNotShiftColumns() throws {
        let yaml = "\u{FEFF}{version: 1, version: 1, workload: {presets: [a]}, limit: 2}\n"
        let found = diagnostics(yaml)
        #expect(found.map { "\($0.line):\($0.column)" } == ["1:14", "1:52"])
    }
}
