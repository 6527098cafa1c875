import Foundation
import ModegateCore
@testable import ModegateSandbox
import ModegateSuites

/// One sandbox for the whole test process, running workers from the built `modegate` binary.
enum SandboxHarness {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var workerExecutable: String {
        ProcessInfo.processInfo.environment["MODEGATE_BINARY"]
            ?? repository.appendingPathComponent(".build/debug/modegate").path
    }

    static let shared = Sandbox(configuration: .init(workerExecutable: workerExecutable, warmWorkers: 2))

    static func run(_ program: String, tools: any SandboxToolHandler = ToolSessionHandler(DemoSuite().makeSession(params: [:])),
                    limits: SandboxLimits = SandboxLimits(cpuSeconds: 5, wallSeconds: 5)) async -> SandboxRun {
        await shared.run(program, tools: tools, limits: limits)
    }

    /// The host is healthy when a trivial program still runs and answers correctly.
    static func hostIsHealthy() async -> Bool {
        await run("return 40 + 2").outcome == .value(42)
    }
}

/// Counts the open file descriptors of a process.
func openDescriptors(_ pid: Int32 = getpid()) -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
}

/// Resident memory of a process in kilobytes, from /proc.
func residentKilobytes(_ pid: Int32) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
    else { return nil }
    return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Int($0) }.first
}
