import ModegateCore

/// Read-only tools over shared, pre-rendered data: a struct needs no actor hop per call.
struct RepoTriageSession: ToolSession {
    let data: RepoTriageData

    var tools: [ToolDescriptor] { RepoTriageSuite.descriptors }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        switch name {
        case "fetch_candidate": fetchCandidate(arguments)
        case "fetch_candidates": SessionReplies.reply { try fetchCandidates(arguments) }
        case "search_shard": searchShard(arguments)
        default: SessionReplies.unknownTool(name, in: tools)
        }
    }

    func finalState() async -> JSONValue? { nil }

    private func fetchCandidate(_ arguments: JSONValue) -> ToolReply {
        // The hot path of the scalar shapes: read the one argument without building a checker.
        if case .object(let members) = arguments, members.count == 1, case .string(let id)? = members["id"] {
            return data.recordReplies[id] ?? .failure("fetch_candidate: no candidate '\(id)'")
        }
        return SessionReplies.reply {
            let id = try ToolArguments(arguments, tool: "fetch_candidate", allowed: ["id"]).string("id")
            guard let record = data.records[id] else { throw ToolFailure("fetch_candidate: no candidate '\(id)'") }
            return record
        }
    }

    private func fetchCandidates(_ arguments: JSONValue) throws -> JSONValue {
        let ids = try ToolArguments(arguments, tool: "fetch_candidates", allowed: ["ids"]).stringList("ids")
        var records: [JSONValue] = []
        records.reserveCapacity(ids.count)
        for id in ids {
            guard let record = data.records[id] else { throw ToolFailure("fetch_candidates: no candidate '\(id)'") }
            records.append(record)
        }
        return ["candidates": .array(records)]
    }

    private func searchShard(_ arguments: JSONValue) -> ToolReply {
        do {
            let args = try ToolArguments(arguments, tool: "search_shard", allowed: ["shard", "query"])
            let shard = try args.int("shard")
            guard data.shardIDs.indices.contains(shard) else {
                throw ToolFailure("search_shard: no shard \(shard); shards are 0 to \(data.shardIDs.count - 1)")
            }
            guard let query = try args.optionalString("query"), !query.isEmpty else { return data.shardReplies[shard] }
            let needle = query.lowercased()
            let ids = data.shardIDs[shard].filter { id in
                data.records[id]?["title"]?.stringValue?.lowercased().contains(needle) ?? false
            }
            return .value(["shard": .number(Double(shard)), "ids": .array(ids.map(JSONValue.string))])
        } catch let failure as ToolFailure {
            return .failure(failure.message)
        } catch {
            return .failure("\(error)")
        }
    }
}
