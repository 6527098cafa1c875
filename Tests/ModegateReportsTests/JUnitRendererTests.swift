import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import ModegateCore
import ModegateReports
import Testing

@Suite("JUnit XML")
struct JUnitRendererTests {
    func verdictWithAwkwardText() -> Verdict {
        var verdict = VerdictFixtures.failingPoint.verdict
        verdict.gates[0].detail = "reward <dropped> & \"quoted\" 'here'\nline two"
        return verdict
    }

    @Test func escapesMarkupInAttributesAndText() {
        let xml = JUnitRenderer().render(verdictWithAwkwardText(), context: VerdictFixtures.context)
        #expect(xml.contains("reward &lt;dropped&gt; &amp; &quot;quoted&quot; 'here'&#10;line two\" type=\"gate_failed\">"))
        #expect(xml.contains(">reward &lt;dropped&gt; &amp; \"quoted\" 'here'\nline two</failure>"))
    }

    @Test(arguments: VerdictFixtures.all)
    func isWellFormed(_ fixture: Fixture) throws {
        let xml = JUnitRenderer().render(fixture.verdict, context: VerdictFixtures.context)
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test func escapedDetailSurvivesAParser() throws {
        let xml = JUnitRenderer().render(verdictWithAwkwardText(), context: VerdictFixtures.context)
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = FailureCollector()
        parser.delegate = collector
        #expect(parser.parse())
        #expect(collector.messages.first?.hasSuffix("reward <dropped> & \"quoted\" 'here'\nline two") == true)
    }

    @Test func countsMatchTheGates() {
        let xml = JUnitRenderer().render(VerdictFixtures.inconclusive.verdict, context: VerdictFixtures.context)
        #expect(xml.contains("<testsuite name=\"modegate\" tests=\"7\" failures=\"0\" errors=\"0\" skipped=\"3\" time=\"0\" timestamp=\"2026-01-02T03:04:05\">"))
        let error = JUnitRenderer().render(VerdictFixtures.error.verdict, context: VerdictFixtures.context)
        #expect(error.contains("tests=\"1\" failures=\"0\" errors=\"1\""))
        #expect(error.contains("<testcase classname=\"modegate\" name=\"judge\" time=\"0\">"))
    }
}

/// Collects the `message` attributes of `<failure>` elements.
private final class FailureCollector: NSObject, XMLParserDelegate {
    var messages: [String] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == "failure", let message = attributes["message"] { messages.append(message) }
    }
}
