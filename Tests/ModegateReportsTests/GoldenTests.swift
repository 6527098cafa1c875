import Foundation
import ModegateCore
import ModegateReports
import Testing

/// One golden per renderer per fixture verdict (SwiftLint's rule: a golden test for every reporter).
@Suite("Golden reports")
struct GoldenTests {
    let context = VerdictFixtures.context

    @Test(arguments: VerdictFixtures.all)
    func text(_ fixture: Fixture) throws {
        try Golden.check(TextRenderer().render(fixture.verdict, context: context), name: fixture.name, format: "text")
    }

    @Test(arguments: VerdictFixtures.all)
    func json(_ fixture: Fixture) throws {
        let rendered = try JSONRenderer().render(fixture.verdict, context: context)
        try Golden.check(rendered, name: fixture.name, format: "json", json: true)
    }

    @Test(arguments: VerdictFixtures.all)
    func markdown(_ fixture: Fixture) throws {
        try Golden.check(MarkdownRenderer().render(fixture.verdict, context: context), name: fixture.name, format: "markdown")
    }

    @Test(arguments: VerdictFixtures.all)
    func junit(_ fixture: Fixture) throws {
        try Golden.check(JUnitRenderer().render(fixture.verdict, context: context), name: fixture.name, format: "junit")
    }

    @Test(arguments: VerdictFixtures.all)
    func github(_ fixture: Fixture) throws {
        try Golden.check(GitHubRenderer().render(fixture.verdict, context: context), name: fixture.name, format: "github")
    }

    @Test(arguments: VerdictFixtures.all)
    func openmetrics(_ fixture: Fixture) throws {
        try Golden.check(OpenMetricsRenderer().render(fixture.verdict, context: context), name: fixture.name, format: "openmetrics")
    }

    @Test(arguments: VerdictFixtures.all)
    func buildkite(_ fixture: Fixture) throws {
        try Golden.check(BuildkiteAnnotationRenderer().render(fixture.verdict, context: context), name: fixture.name, format: "buildkite")
    }

    @Test(arguments: VerdictFixtures.all)
    func rlmValidate(_ fixture: Fixture) throws {
        let rendered = RLMValidationRenderer(command: RLMValidationRenderer.validateCommand).render(fixture.verdict)
        try Golden.check(rendered, name: fixture.name, format: "rlm")
    }
}
