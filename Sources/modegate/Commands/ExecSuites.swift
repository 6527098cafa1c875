import ArgumentParser
import Foundation
import ModegateCore
import ModegateSandbox
import ModegateSuites

/// The suites `exec --suite` knows: every built-in suite, and the small demo suite.
enum ExecSuites {
    static var names: [String] { BuiltinSuites.all.map(\.name) + ["demo"] }

    static func handler(named name: String, params: JSONValue) -> (any SandboxToolHandler)? {
        if name == "demo" { return ToolSessionHandler(DemoSuite().makeSession(params: params)) }
        return BuiltinSuites.named(name).map { ToolSessionHandler($0.makeSession(params: params)) }
    }
}
