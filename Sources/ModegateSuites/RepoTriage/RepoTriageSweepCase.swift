import ModegateCore

/// The triage case of one sweep shape: `S` shards × `C` candidates per shard, top
/// `k = min(5, S·C)`, every candidate fetched one by one (the fan-out the sweep measures). Prompt
/// and reference are written the way `presets/repo_triage.yaml` writes its scalar cases — a test
/// regenerates each of them from its params — so a swept size reads to the model exactly like
/// the preset's own sizes.
struct RepoTriageSweepCase {
    let shape: SweepShape
    let seed: Int

    /// The Probe's k: five, or every candidate when there are fewer.
    var k: Int { min(5, shape.fanOut) }

    func presetCase(id: String) -> PresetCase {
        PresetCase(
            id: id, prompt: prompt, answerSchema: answerSchema, expected: nil, scorer: .ndcg(field: "ranked", k: k),
            params: ["shards": .number(Double(shape.shards)), "candidates_per_shard": .number(Double(shape.candidates)),
                     "k": .number(Double(k)), "seed": .number(Double(seed))],
            reference: reference)
    }

    var prompt: String {
        let pullRequests = shape.candidates == 1 ? "pull request" : "pull requests"
        let queue = shape.shards == 1
            ? "Our merge queue has one shard, number 0, holding \(shape.candidates) open \(pullRequests). List the\nshard's candidate ids with search_shard({shard}).\n"
            : "Our merge queue has \(shape.shards) shards, numbered 0 to \(shape.shards - 1), each holding \(shape.candidates) open\n\(pullRequests). List a shard's candidate ids with search_shard({shard}).\n"
        return queue + """
            Fetch each candidate with fetch_candidate({id}).
            Rank the merge-ready candidates: leave out drafts and bot-authored pull requests, then score
            each one as
              0.35*relevance + 0.20*min(approvals,4)/4 + 0.20*(ci_passing ? 1 : 0)
              + 0.10*min(reactions,50)/50 + 0.10*max(0, 1 - age_days/60) + 0.05*max(0, 1 - changed_files/100)
            and sort by score, highest first, breaking ties by id ascending.
            Answer with JSON: {"ranked": [IDS OF THE TOP \(k)]}, best first.

            """
    }

    var answerSchema: JSONValue {
        ["type": "object",
         "properties": ["ranked": ["type": "array", "items": ["type": "string"], "maxItems": .number(Double(k))]],
         "required": ["ranked"],
         "additionalProperties": false]
    }

    var reference: String {
        """
        const SHARDS = \(shape.shards);
        const K = \(k);
        const score = (c) =>
          0.35 * c.relevance + 0.20 * Math.min(c.approvals, 4) / 4 + 0.20 * (c.ci_passing ? 1 : 0) +
          0.10 * Math.min(c.reactions, 50) / 50 + 0.10 * Math.max(0, 1 - c.age_days / 60) +
          0.05 * Math.max(0, 1 - c.changed_files / 100);
        const shards = await Promise.all(
          Array.from({length: SHARDS}, (_, shard) => tools.search_shard({shard})));
        const records = await Promise.all(
          shards.flatMap((s) => s.ids).map((id) => tools.fetch_candidate({id})));
        const ranked = records
          .filter((c) => !c.draft && !c.author_is_bot)
          .map((c) => ({id: c.id, score: score(c)}))
          .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        return {ranked: ranked.slice(0, K).map((c) => c.id)};

        """
    }
}
