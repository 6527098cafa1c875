import Foundation
import ModegateCore
import ModegateHarness
import ModegateSandbox

/// A tiny suite for harness tests: items with values, listed and fetched one by one.
struct InventorySuite: Suite {
    var name: String { "inventory" }
    var summary: String { "items with values" }
    var tools: [ToolDescriptor] {
        [ToolDescriptor(name: "list_items", description: "Ids of every item.", inputSchema: ["type": "object"]),
         ToolDescriptor(name: "get_item", description: "One item by id.",
                        inputSchema: ["type": "object", "required": ["id"], "properties": ["id": ["type": "string"]]])]
    }

    func makeSession(params: JSONValue) -> any ToolSession {
        InventorySession(count: params["count"]?.intValue ?? 3, tools: tools)
    }

    func oracle(params: JSONValue) -> JSONValue? {
        let count = params["count"]?.intValue ?? 3
        return ["total": .number(Double((1...count).reduce(0) { $0 + $1 * 10 }))]
    }
}

struct InventorySession: ToolSession {
    let count: Int
    let tools: [ToolDescriptor]

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        switch name {
        case "list_items": return .value(.array((1...count).map { .string("item-\($0)") }))
        case "get_item":
            guard let id = arguments["id"]?.stringValue, let number = Int(id.dropFirst(5)), (1...count).contains(number) else {
                return .failure("no item \(arguments["id"]?.jsonText ?? "?")")
            }
            return .value(["id": .string(id), "value": .number(Double(number * 10))])
        default: return .failure("unknown tool \(name)")
        }
    }

    func finalState() async -> JSONValue? { nil }
}

/// A scratch folder with a preset and a gate, and a runner over them.
final class HarnessScratch: @unchecked Sendable {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var workerExecutable: String {
        ProcessInfo.processInfo.environment["MODEGATE_BINARY"] ?? repository.appendingPathComponent(".build/debug/modegate").path
    }
    static let sandbox = Sandbox(configuration: .init(workerExecutable: workerExecutable, warmWorkers: 2))

    let url = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-harness-\(UUID().uuidString)")

    static let reference = """
        const ids = await tools.list_items({});
        const items = await Promise.all(ids.map(id => tools.get_item({id})));
        return {total: items.reduce((sum, item) => sum + item.value, 0)};
        """

    init(cases: Int = 4) throws {
        try FileManager.default.createDirectory(at: url.appendingPathComponent("presets"), withIntermediateDirectories: true)
        var yaml = "preset: inventory\ndescription: Sum item values.\nsuite: inventory\ncases:\n"
        for index in 1...cases {
            yaml += """
              - id: sum-\(index)
                prompt: Add up the values of every item.
                answer_schema: {type: object, required: [total], properties: {total: {type: number}}}
                scorer: exact
                params: {count: \(index + 1)}
                reference: |
            \(Self.reference.split(separator: "\n").map { "          " + $0 }.joined(separator: "\n"))

            """
        }
        try yaml.write(to: url.appendingPathComponent("presets/inventory.yaml"), atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var store: RunStore { RunStore(root: url.appendingPathComponent(".modegate")) }

    func gate(_ extra: String = "", repetitions: Int = 2, armOrder: String = "sequential") throws -> GatePlan {
        let yaml = """
            version: 1
            workload: {presets: [inventory], repetitions: \(repetitions), concurrency: 3, arm_order: \(armOrder)}
            judgement: {mode: point}
            \(extra)
            """
        let path = url.appendingPathComponent("gate.yaml")
        try yaml.write(to: path, atomically: true, encoding: .utf8)
        return try GateLoader.load(path: path.path)
    }

    func runner(_ plan: GatePlan, _ settings: GateInvocation.Settings = .init()) -> GateRunner {
        let locator = PresetLocator(gateFile: url.appendingPathComponent("gate.yaml"), workingDirectory: url,
                                    environment: [:], executable: url)
        return GateRunner(
            invocation: GateInvocation(plan: plan, settings: settings), store: store, planner: WorkloadPlanner(locator: locator, gateDirectory: url, suites: [InventorySuite()]),
            sandbox: Self.sandbox, toolVersion: "test")
    }
}
