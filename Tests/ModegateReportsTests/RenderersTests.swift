import ModegateCore
import ModegateReports
import Testing

@Suite("Renderer per format")
struct RenderersTests {
    @Test(arguments: ReportFormat.allCases)
    func everyFormatHasItsRenderer(_ format: ReportFormat) {
        let renderer = Renderers.renderer(for: format)
        let expected: any VerdictRenderer.Type = switch format {
        case .text: TextRenderer.self
        case .json: JSONRenderer.self
        case .markdown: MarkdownRenderer.self
        case .junit: JUnitRenderer.self
        case .github: GitHubRenderer.self
        case .html: HTMLRenderer.self
        case .openmetrics: OpenMetricsRenderer.self
        case .buildkite: BuildkiteAnnotationRenderer.self
        }
        #expect(ObjectIdentifier(type(of: renderer)) == ObjectIdentifier(expected))
    }

    @Test(arguments: ReportFormat.allCases)
    func everyRendererEndsWithANewline(_ format: ReportFormat) throws {
        for fixture in VerdictFixtures.all {
            let text = try Renderers.renderer(for: format).render(fixture.verdict, context: VerdictFixtures.context)
            #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"), "\(format) / \(fixture.name)")
        }
    }
}
