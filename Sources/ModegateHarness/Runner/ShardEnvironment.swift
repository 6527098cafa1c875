import Foundation
/// `--shard auto`: which shard this job is, from the variables a CI engine sets on each job of a
/// parallel step, so a matrix needs no hand-written `K/N` per engine.
///
/// | engine | index | count |
/// | --- | --- | --- |
/// | GitLab CI (`parallel: N`) | `CI_NODE_INDEX`, 1-based | `CI_NODE_TOTAL` |
/// | Buildkite (`parallelism: N`) | `BUILDKITE_PARALLEL_JOB`, 0-based | `BUILDKITE_PARALLEL_JOB_COUNT` |
/// | CircleCI (`parallelism: N`) | `CIRCLE_NODE_INDEX`, 0-based | `CIRCLE_NODE_TOTAL` |
/// | Kubernetes Indexed Job | `JOB_COMPLETION_INDEX`, 0-based | `--shard-total`, else `MODEGATE_SHARD_TOTAL` |
public struct ShardEnvironment: Sendable {
    /// A CI engine and the variables it numbers its parallel jobs with.
    public struct Engine: Sendable, Equatable {
        public let name: String
        let indexVariable: String
        /// What the first job's index is: 1 for GitLab, 0 for the others.
        let firstIndex: Int
        /// nil for Kubernetes, whose Job does not tell its pods how many completions it has.
        let countVariable: String?

        public static let gitLab = Engine(name: "GitLab CI", indexVariable: "CI_NODE_INDEX", firstIndex: 1, countVariable: "CI_NODE_TOTAL")
        public static let buildkite = Engine(
            name: "Buildkite", indexVariable: "BUILDKITE_PARALLEL_JOB", firstIndex: 0, countVariable: "BUILDKITE_PARALLEL_JOB_COUNT")
        public static let circleCI = Engine(name: "CircleCI", indexVariable: "CIRCLE_NODE_INDEX", firstIndex: 0, countVariable: "CIRCLE_NODE_TOTAL")
        public static let kubernetes = Engine(name: "Kubernetes Indexed Job", indexVariable: "JOB_COMPLETION_INDEX", firstIndex: 0, countVariable: nil)

        public static let all: [Engine] = [.gitLab, .buildkite, .circleCI, .kubernetes]
    }

    /// The variable that gives a Kubernetes job's shard count when `--shard-total` does not.
    public static let totalVariable = "MODEGATE_SHARD_TOTAL"

    /// Why no shard could be read; names the variables and the fix (exit 3).
    public struct Problem: Error, Sendable, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// The shard and the engine it was read from, with the values, for the run's log line.
    public struct Found: Sendable, Equatable {
        public let shard: Shard
        public let engine: Engine
        /// `CI_NODE_INDEX=2, CI_NODE_TOTAL=4`.
        public let evidence: String
    }

    public let environment: [String: String]
    /// `--shard-total`, when given.
    public let total: Int?

    public init(environment: [String: String], total: Int? = nil) {
        self.environment = environment
        self.total = total
    }

    /// The one engine whose variables are set, read and checked; a problem when none is, when
    /// an engine's variables are incomplete or out of range, or when two engines disagree.
    public func resolve() throws -> Found {
        var found: [Found] = []
        for engine in Engine.all where environment[engine.indexVariable] != nil
            || engine.countVariable.map({ environment[$0] != nil }) == true
        {
            found.append(try read(engine))
        }
        guard let first = found.first else {
            let listed = Engine.all.map { engine in
                "\(engine.name) (\(engine.indexVariable), \(engine.countVariable ?? "with --shard-total or \(Self.totalVariable)"))"
            }
            throw Problem(description: "--shard auto found no CI engine's parallel-job variables; it reads \(listed.joined(separator: "; ")). "
                + "Run it in a parallel job of one of them, or give --shard K/N")
        }
        if let other = found.dropFirst().first(where: { $0.shard != first.shard }) {
            throw Problem(description: "--shard auto found two engines that disagree: \(first.engine.name) says \(first.shard) (\(first.evidence)), "
                + "\(other.engine.name) says \(other.shard) (\(other.evidence)); unset one, or give --shard K/N")
        }
        return first
    }

    private func read(_ engine: Engine) throws -> Found {
        guard let indexText = environment[engine.indexVariable] else {
            throw Problem(description: "--shard auto: \(engine.countVariable ?? "") is set but \(engine.indexVariable) is not; \(engine.name) sets both on a parallel job")
        }
        let index = try number(indexText, of: engine.indexVariable, from: engine.firstIndex)
        var evidence = "\(engine.indexVariable)=\(indexText)"
        let count: Int
        if let countVariable = engine.countVariable {
            guard let countText = environment[countVariable] else {
                throw Problem(description: "--shard auto: \(engine.indexVariable) is set but \(countVariable) is not; \(engine.name) sets both on a parallel job")
            }
            let parsed = try number(countText, of: countVariable, from: 1)
            if let total, total != parsed {
                throw Problem(description: "--shard auto: --shard-total \(total) disagrees with \(countVariable)=\(countText); leave --shard-total out")
            }
            count = parsed
            evidence += ", \(countVariable)=\(countText)"
        } else if let total {
            count = total
            evidence += ", --shard-total \(total)"
        } else if let text = environment[Self.totalVariable] {
            count = try number(text, of: Self.totalVariable, from: 1)
            evidence += ", \(Self.totalVariable)=\(text)"
        } else {
            throw Problem(description: "--shard auto: \(engine.indexVariable) is set but the shard count is not: a Kubernetes Indexed Job "
                + "does not tell its pods its completions, so give --shard-total N or set \(Self.totalVariable) (the Job's completions)")
        }
        let position = index - engine.firstIndex + 1
        guard position <= count else {
            throw Problem(description: "--shard auto: \(evidence) is out of range (shard \(position) of \(count))")
        }
        return Found(shard: Shard(index: position, count: count), engine: engine, evidence: evidence)
    }

    /// `variable`'s value `text` as a whole number of at least `least`.
    private func number(_ text: String, of variable: String, from least: Int) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= least else {
            throw Problem(description: "--shard auto: \(variable)=\(text) is not a whole number from \(least)")
        }
        return value
    }
}
