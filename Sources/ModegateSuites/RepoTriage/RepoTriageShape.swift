import ModegateCore

/// The size of a triage workload, from a case's params: the Code Mode Probe's orchestration
/// matrix (1×1 k1, 4×1 k2, 5×5 k5, 10×10 k5, 8×12 k5) and the 20×50 fan-out all fit.
struct RepoTriageShape: Sendable, Hashable {
    var shards: Int
    var candidatesPerShard: Int
    var k: Int
    var seed: Int
    var payloadBytes: Int

    init(shards: Int, candidatesPerShard: Int, k: Int, seed: Int, payloadBytes: Int = 256) {
        self.shards = shards
        self.candidatesPerShard = candidatesPerShard
        self.k = k
        self.seed = seed
        self.payloadBytes = payloadBytes
    }

    /// Bounds keep a typo in a preset from generating gigabytes.
    init(params: JSONValue) {
        let values = SuiteParams(params)
        self.init(
            shards: values.int("shards", default: 5, in: 1...100),
            candidatesPerShard: values.int("candidates_per_shard", default: 5, in: 1...500),
            k: values.int("k", default: 5, in: 1...100),
            seed: values.int("seed", default: 1, in: 0...Int(Int32.max)),
            payloadBytes: values.int("payload_bytes", default: 256, in: 0...65_536))
    }

    /// Shard names are plain indexes; candidate ids sort like their (shard, index) pairs.
    static func candidateID(shard: Int, index: Int) -> String {
        "s" + padded(shard, 2) + "-c" + padded(index, 3)
    }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
