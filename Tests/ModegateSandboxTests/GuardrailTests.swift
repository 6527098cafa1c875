import Testing
@testable import ModegateSandbox

@Suite struct GuardrailTests {
    func referenced(_ program: String) -> [String] {
        ProgramGuardrails(limits: SandboxLimits()).referencedTools(JavaScriptTokenizer.tokens(of: program) ?? [])
    }

    @Test func findsMemberCallsOfTools() {
        #expect(referenced("await tools.a({}); tools?.b(); tools['c'](); tools?.[\"d\"]()") == ["a", "b", "c", "d"])
        #expect(referenced("const x = other.tools.a(); obj?.tools.b()") == [])
    }

    @Test func ignoresStringsCommentsTemplatesAndRegexes() {
        let program = """
            // tools.commented()
            /* tools.blocked() */
            const url = "https://host/tools.inString()";
            const t = `tools.inTemplate() ${ tools.real({}) } more tools.after()`;
            const r = /tools.inRegex\\(/g;
            const ratio = a / b / tools.divided();
            """
        #expect(referenced(program) == ["real", "divided"])
    }

    @Test func nestedTemplatesAndBraces() throws {
        let tokens = try #require(JavaScriptTokenizer.tokens(of: "`a ${ {x: `b ${ tools.inner() }`}.x } c` + tools.outer()"))
        #expect(ProgramGuardrails(limits: SandboxLimits()).referencedTools(tokens) == ["inner", "outer"])
    }

    @Test func unterminatedLiteralsLeaveItToTheParser() {
        #expect(JavaScriptTokenizer.tokens(of: "const s = 'open") == nil)
        #expect(JavaScriptTokenizer.tokens(of: "const t = `open ${") == nil)
        #expect(ProgramGuardrails(limits: SandboxLimits(deniedTools: ["x"])).check("tools.x('") == nil)
    }

    @Test func sizeIsCountedInCharacters() {
        let guardrails = ProgramGuardrails(limits: SandboxLimits(maxCodeChars: 3))
        #expect(guardrails.check("ééé") == nil)
        #expect(guardrails.check("éééé") != nil)
    }
}
