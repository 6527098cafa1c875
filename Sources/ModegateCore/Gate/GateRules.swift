import Foundation

/// Cross-field rules the schema alone cannot express. They read the validated, default-filled tree,
/// where a value that failed validation is absent (not `null`), so each rule only judges values that
/// are known to be well-formed, and report at the value that causes the problem.
struct GateRules {
    let file: String
    let positions: [SchemaPath: SourcePosition]
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, positions: [SchemaPath: SourcePosition]) {
        self.file = file
        self.positions = positions
    }

    private static let serversPath = SchemaPath.root.appending("mcp").appending("servers")

    mutating func check(_ tree: JSONValue) {
        let root = SchemaPath.root
        // The shared model must be complete only if an arm plays it: when both arms set a model
        // of their own (one model name each), their resolved models are checked instead.
        let ownModels = ["baseline", "candidate"].filter { tree[$0]?["model"]?.objectValue != nil }
        if let model = tree["model"], ownModels.count < 2 { checkModel(model, at: root.appending("model")) }
        let servers = tree["mcp"]?["servers"]?.objectValue
        if let servers { checkServers(servers, at: Self.serversPath) }
        for arm in ["baseline", "candidate"] {
            guard let plan = tree[arm] else { continue }
            checkArm(plan, named: arm, servers: servers, enabled: tree["mcp"]?["enabled"]?.boolValue ?? false, at: root.appending(arm))
            if let model = ArmModelMerge.merged(shared: tree["model"], arm: plan["model"]) {
                checkModel(model, at: root.appending(arm).appending("model"))
            }
        }
        if let reports = tree["reports"]?.arrayValue { checkReports(reports, at: root.appending("reports")) }
        checkAdoptionServers(tree, servers: servers)
        checkSequential(tree, at: root.appending("judgement").appending("sequential"))
    }

    /// Sequential judging stops on confidence sequences of the overall gates: statistical mode, no
    /// p95 ratio, and no per-preset gates that count.
    private mutating func checkSequential(_ tree: JSONValue, at path: SchemaPath) {
        guard let sequential = tree["judgement"]?["sequential"], sequential != .null else { return }
        if tree["judgement"]?["mode"]?.stringValue == JudgementSettings.Mode.point.rawValue {
            report(GateMessage.sequentialNeedsStatistical, at: path, path: path)
        }
        if let ratio = tree["thresholds"]?["max_p95_latency_increase_ratio"], ratio != .null {
            let ratioPath = SchemaPath.root.appending("thresholds").appending("max_p95_latency_increase_ratio")
            report(GateMessage.sequentialNoP95, at: ratioPath, path: ratioPath)
        }
        if tree["thresholds"]?["per_preset"] == .bool(true) {
            let perPresetPath = SchemaPath.root.appending("thresholds").appending("per_preset")
            report(GateMessage.sequentialNoPerPreset, at: perPresetPath, path: perPresetPath)
        }
    }

    private mutating func checkModel(_ model: JSONValue, at path: SchemaPath) {
        guard let provider = model["provider"]?.stringValue else { return }
        let providerPath = path.appending("provider")
        var needs: [(key: String, meaning: String)] = []
        if ModelPlan.Provider(rawValue: provider)?.isLive == true { needs.append(("name", "the model to call")) }
        if provider == ModelPlan.Provider.azureOpenAI.rawValue {
            needs.append(("base_url", "the Azure OpenAI resource endpoint"))
            // A deployment URL that carries its api-version, or the versionless v1 API, needs none.
            let url = model["base_url"]?.stringValue ?? ""
            if !url.contains("api-version=") && !url.contains("/openai/v1") {
                needs.append(("api_version", "the Azure OpenAI api-version"))
            }
        }
        if provider == ModelPlan.Provider.replay.rawValue {
            needs.append(("cassette", "the recorded transcripts to play back"))
        }
        for need in needs where model[need.key] == .null {
            report(GateMessage.providerNeeds(provider, key: need.key, meaning: need.meaning),
                   at: providerPath, path: path.appending(need.key))
        }
    }

    private mutating func checkServers(_ servers: [String: JSONValue], at path: SchemaPath) {
        for (name, server) in servers {
            let serverPath = path.appending(name)
            if let command = server["command"], let url = server["url"] {
                let both = command != .null && url != .null
                if both || (command == .null && url == .null) {
                    report(GateMessage.serverTransport(name, both: both), at: serverPath, path: serverPath)
                }
            }
            if let pattern = server["error_pattern"]?.stringValue, (try? NSRegularExpression(pattern: pattern)) == nil {
                let patternPath = serverPath.appending("error_pattern")
                report(GateMessage.badErrorPattern(pattern), at: patternPath, path: patternPath)
            }
        }
    }

    private mutating func checkArm(
        _ arm: JSONValue, named name: String, servers: [String: JSONValue]?, enabled: Bool, at path: SchemaPath
    ) {
        checkInstructions(arm, named: name, at: path)
        checkAddedServers(arm, named: name, servers: servers, enabled: enabled, at: path.appending("mcp_servers"))
        let serverPath = path.appending("mcp_server")
        if arm["runtime"]?.stringValue == ArmPlan.Runtime.mcp.rawValue, arm["mcp_server"] == .null {
            report(GateMessage.runtimeNeedsServer(arm: name), at: path.appending("runtime"), path: serverPath)
        }
        guard let server = arm["mcp_server"]?.stringValue, let servers, servers[server] == nil else { return }
        // A server that is written in the file but invalid has its own diagnostic; do not call it undefined.
        guard positions[Self.serversPath.appending(server)] == nil else { return }
        let defined = servers.keys.sorted()
        let suggestion = NameSuggestion.closest(to: server, among: defined)
        report(GateMessage.unknownServer(server, defined: defined, suggestion: suggestion),
               at: serverPath, path: serverPath)
    }

    /// Each added server must be one the gate defines.
    private mutating func checkAddedServers(
        _ arm: JSONValue, named name: String, servers: [String: JSONValue]?, enabled: Bool, at path: SchemaPath
    ) {
        if !enabled, !(arm["mcp_servers"]?.arrayValue ?? []).isEmpty {
            report(GateMessage.addedServersNeedMCP(arm: name), at: path, path: path)
        }
        let defined = (servers ?? [:]).keys.sorted()
        for (index, entry) in (arm["mcp_servers"]?.arrayValue ?? []).enumerated() {
            guard let server = entry.stringValue, servers?[server] == nil else { continue }
            guard positions[Self.serversPath.appending(server)] == nil else { continue }
            let itemPath = path.appending(index: index)
            report(GateMessage.unknownServer(server, defined: defined, suggestion: NameSuggestion.closest(to: server, among: defined)),
                   at: itemPath, path: itemPath)
        }
    }

    /// Adoption gates name servers the gate defines.
    private mutating func checkAdoptionServers(_ tree: JSONValue, servers: [String: JSONValue]?) {
        let path = SchemaPath.root.appending("thresholds").appending("server_adoption")
        let defined = (servers ?? [:]).keys.sorted()
        for server in (tree["thresholds"]?["server_adoption"]?.objectValue ?? [:]).keys.sorted() where servers?[server] == nil {
            guard positions[Self.serversPath.appending(server)] == nil else { continue }
            report(GateMessage.unknownServer(server, defined: defined, suggestion: NameSuggestion.closest(to: server, among: defined)),
                   at: path.appending(server), path: path.appending(server))
        }
    }

    private mutating func checkInstructions(_ arm: JSONValue, named name: String, at path: SchemaPath) {
        guard let file = arm["instructions_file"]?.stringValue else { return }
        let filePath = path.appending("instructions_file")
        if arm["instructions"]?.stringValue != nil {
            report(GateMessage.instructionsTwice(arm: name), at: filePath, path: filePath)
        }
        let resolved = Self.instructionsURL(file, gate: self.file)
        if (try? String(contentsOf: resolved, encoding: .utf8)) == nil {
            report(GateMessage.instructionsFileUnreadable(file, resolved: resolved.path), at: filePath, path: filePath)
        }
    }

    /// Where an arm's `instructions_file` is: relative to the gate file's folder.
    static func instructionsURL(_ file: String, gate: String) -> URL {
        URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: gate).deletingLastPathComponent()).standardizedFileURL
    }

    private mutating func checkReports(_ reports: [JSONValue], at path: SchemaPath) {
        var writers: [String: SchemaPath] = [:]
        for (index, report) in reports.enumerated() {
            let itemPath = path.appending(index: index)
            guard let format = report["format"]?.stringValue.flatMap(ReportFormat.init(rawValue:)) else { continue }
            guard let file = report["path"]?.stringValue else {
                if format.needsPath, report["path"] == .null {
                    self.report(GateMessage.reportNeedsPath(format.rawValue), at: itemPath,
                                path: itemPath.appending("path"))
                }
                continue
            }
            if let first = writers[file] {
                let filePath = itemPath.appending("path")
                self.report(GateMessage.reportPathReused(file, first: first.description), at: filePath, path: filePath)
            } else {
                writers[file] = itemPath
            }
        }
    }

    /// Reports at the nearest position known: the value itself, or the closest enclosing one.
    private mutating func report(_ message: String, at location: SchemaPath, path: SchemaPath) {
        var lookup: SchemaPath? = location
        var position: SourcePosition?
        while let candidate = lookup, position == nil {
            position = positions[candidate]
            lookup = candidate.parent
        }
        diagnostics.append(Diagnostic(
            file: file, line: position?.line ?? 0, column: position?.column ?? 0, message: message,
            keyPath: path.description))
    }
}
