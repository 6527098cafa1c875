// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "modegate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "modegate", targets: ["modegate"]),
        .library(name: "ModegateCore", targets: ["ModegateCore"]),
        .library(name: "ModegateReports", targets: ["ModegateReports"]),
        // Loaded with dlopen by sandbox worker processes only (see SandboxWorkerCommand).
        .library(name: "ModegateSandboxEngine", type: .dynamic, targets: ["ModegateSandboxEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Gate files, run records and the store, statistics and the judge: no printing, no network.
        .target(
            name: "ModegateCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Pure renderers of a verdict: text, json, markdown, junit, github, the decision document.
        .target(
            name: "ModegateReports",
            dependencies: [
                "ModegateCore",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // JavaScriptCore's C API: Debian's libjavascriptcoregtk-4.1-dev, the system framework on macOS.
        .systemLibrary(
            name: "CJavaScriptCore",
            pkgConfig: "javascriptcoregtk-4.1",
            providers: [.apt(["libjavascriptcoregtk-4.1-dev"])]
        ),
        // The Code Mode sandbox, host side: worker pool, protocol, guardrails. No JavaScriptCore.
        .target(name: "ModegateSandbox", dependencies: ["ModegateCore"]),
        // The engine inside a worker: JavaScriptCore. A dynamic library the worker loads, so the
        // modegate binary itself does not link JavaScriptCore and its commands start fast.
        .target(
            name: "ModegateSandboxEngine",
            dependencies: ["ModegateSandbox", "CJavaScriptCore"],
            linkerSettings: [
                .linkedLibrary("javascriptcoregtk-4.1", .when(platforms: [.linux])),
                .linkedFramework("JavaScriptCore", .when(platforms: [.macOS])),
            ]
        ),
        // libcurl's C API: Debian's libcurl4-openssl-dev (the run-time libcurl4 is on every Debian).
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // HTTP for providers and MCP on libcurl: one thread waits in poll(2) for every transfer
        // (URLSession on Linux spins a core while a response is pending), cancellation is immediate.
        .target(name: "ModegateHTTP", dependencies: ["CCurl"]),
        // Code Mode's meta-tools (run_code, search_tools, tool_info) and what a program's run
        // looks like to the model: shared by the harness's strategy and `serve codemode`.
        .target(name: "ModegateCodeMode", dependencies: ["ModegateCore", "ModegateSandbox"]),
        // The built-in suites: synthetic, deterministic tools and data for the built-in presets.
        .target(name: "ModegateSuites", dependencies: ["ModegateCore"]),
        // MCP on the official SDK: our stdio and streamable HTTP transports (the SDK's stdio
        // transport polls every 10 ms and its HTTP one cannot read SSE on Linux), the client side
        // as tool sessions, and the server side that exposes suites.
        .target(
            name: "ModegateMCP",
            dependencies: [
                "ModegateCore",
                "ModegateHTTP",
                "ModegateSandbox",
                "ModegateCodeMode",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Model providers: the provider protocol and its conversation types, the HTTP wire formats
        // (OpenAI chat, Azure OpenAI, Anthropic messages), cassettes and their replay.
        .target(name: "ModegateProviders", dependencies: ["ModegateCore", "ModegateHTTP"]),
        // The harness: strategies, the scripted model, trials, budgets, the gate runner.
        .target(
            name: "ModegateHarness",
            dependencies: [
                "ModegateCore", "ModegateSandbox", "ModegateMCP", "ModegateProviders", "ModegateCodeMode", "ModegateHTTP",
            ]
        ),
        // The command line: parses arguments, calls the libraries, maps outcomes to exit codes.
        .executableTarget(
            name: "modegate",
            dependencies: [
                "ModegateCore",
                "ModegateReports",
                "ModegateSandbox",
                "ModegateSuites",
                "ModegateHarness",
                "ModegateMCP",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "BenchmarkSupport", path: "Benchmarks/BenchmarkSupport"),
        .executableTarget(
            name: "JudgeBenchmark",
            dependencies: ["ModegateCore", "BenchmarkSupport"],
            path: "Benchmarks/JudgeBenchmark"
        ),
        .executableTarget(
            name: "ImportBenchmark",
            dependencies: ["ModegateCore", "BenchmarkSupport"],
            path: "Benchmarks/ImportBenchmark"
        ),
        .executableTarget(
            name: "SequentialBenchmark",
            dependencies: ["ModegateCore"],
            path: "Benchmarks/SequentialBenchmark"
        ),
        .executableTarget(
            name: "HarnessBenchmark",
            dependencies: ["ModegateHarness", "ModegateSuites", "BenchmarkSupport"],
            path: "Benchmarks/HarnessBenchmark"
        ),
        .executableTarget(
            name: "MCPBenchmark",
            dependencies: ["ModegateMCP"],
            path: "Benchmarks/MCPBenchmark"
        ),
        .executableTarget(
            name: "RateLimitBenchmark",
            dependencies: ["ModegateMCP", "BenchmarkSupport", .product(name: "MCP", package: "swift-sdk")],
            path: "Benchmarks/RateLimitBenchmark"
        ),
        .executableTarget(
            name: "WaitBenchmark",
            dependencies: ["ModegateMCP", "BenchmarkSupport", .product(name: "MCP", package: "swift-sdk")],
            path: "Benchmarks/WaitBenchmark"
        ),
        .executableTarget(
            name: "SandboxBenchmark",
            dependencies: ["ModegateSandbox"],
            path: "Benchmarks/SandboxBenchmark"
        ),
        // The end-to-end tests' audit of the runs they store (`modegate verify`).
        .target(name: "StoredRunAudit", path: "Tests/StoredRunAudit"),
        // Fixtures and goldens are read through #filePath, not bundled.
        .testTarget(name: "ModegateCoreTests", dependencies: ["ModegateCore"], exclude: ["Fixtures"]),
        .testTarget(name: "ModegateReportsTests", dependencies: ["ModegateReports"], exclude: ["Goldens"]),
        .testTarget(name: "ModegateCLITests", dependencies: ["ModegateCore", "StoredRunAudit"], exclude: ["Fixtures"]),
        .testTarget(name: "ModegateSandboxTests", dependencies: ["ModegateSandbox", "ModegateSuites"]),
        .testTarget(name: "ModegateSuitesTests", dependencies: ["ModegateSuites", "ModegateSandbox"]),
        .testTarget(name: "ModegateProvidersTests", dependencies: ["ModegateProviders"]),
        .testTarget(name: "ModegateCodeModeTests", dependencies: ["ModegateCodeMode"]),
        .testTarget(name: "ModegateHarnessTests", dependencies: ["ModegateHarness", "ModegateProviders", "ModegateHTTP"]),
        // The MCP layer against in-process fake servers and a manual clock: supervision without waiting.
        .testTarget(
            name: "ModegateMCPTests",
            dependencies: [
                "ModegateMCP", "ModegateCore", .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Real processes and servers on 127.0.0.1: MCP peers, model servers, the binary end to end.
        .testTarget(
            name: "ModegateIntegrationTests", dependencies: ["ModegateMCP", "ModegateSuites", "ModegateHTTP", "ModegateCodeMode", "StoredRunAudit"],
            exclude: ["Peers"]),
    ],
    swiftLanguageModes: [.v6]
)
