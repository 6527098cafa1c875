import Dispatch
import Foundation
import Synchronization

/// Splits and decodes a JSON-lines file. Scanning bytes directly (not `Data.split`, which pays an
/// exclusivity check per byte) and decoding in parallel chunks keeps a 100,000-line file fast.
enum JSONLines {
    struct LineRange: Sendable {
        var bytes: Range<Int>
        /// 1-based line number in the file, for error messages.
        var number: Int
    }

    /// Non-empty lines with their numbers.
    static func ranges(in data: Data) -> [LineRange] {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> [LineRange] in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var ranges: [LineRange] = []
            var start = 0
            var number = 1
            for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
                if index > start { ranges.append(LineRange(bytes: start..<index, number: number)) }
                start = index + 1
                number += 1
            }
            if start < bytes.count { ranges.append(LineRange(bytes: start..<bytes.count, number: number)) }
            return ranges
        }
    }

    static func endsWithNewline(_ data: Data) -> Bool { data.last == UInt8(ascii: "\n") }

    /// Every line decoded as `Line`, in order; each keeps its own success or error.
    static func decode<Line: Decodable & Sendable>(_ type: Line.Type, data: Data, ranges: [LineRange]) -> [Result<Line, Error>] {
        map(data: data, ranges: ranges, fast: { _ in nil }, slow: { decoder, line in try decoder.decode(Line.self, from: line) })
    }

    /// The judge's view of every line: the fast scanner first, `JSONDecoder` where it declines
    /// (which also words the error for a broken line).
    static func outcomes(data: Data, ranges: [LineRange]) -> [Result<TrialOutcome, Error>] {
        map(data: data, ranges: ranges, fast: TrialLineScanner.outcome) { decoder, line in
            try decoder.decode(TrialOutcomeLine.self, from: line).outcome
        }
    }

    private static func map<Output: Sendable>(
        data: Data, ranges: [LineRange], fast: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Output?,
        slow: @escaping @Sendable (JSONDecoder, Data) throws -> Output
    ) -> [Result<Output, Error>] {
        let chunkSize = 2048
        let chunks = (ranges.count + chunkSize - 1) / chunkSize
        let results = ChunkResults<Output>(count: chunks)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let all = UnsafeSendableBytes(raw.bindMemory(to: UInt8.self))
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let decoder = StableJSON.decoder()
                let slice = ranges[(chunk * chunkSize)..<min((chunk + 1) * chunkSize, ranges.count)]
                results.store(chunk, slice.map { range in
                    if let value = fast(UnsafeBufferPointer(rebasing: all.bytes[range.bytes])) { return .success(value) }
                    let start = data.startIndex + range.bytes.lowerBound
                    return Result { try slow(decoder, data[start..<(start + range.bytes.count)]) }
                })
            }
        }
        return results.joined()
    }
}

/// The file's bytes, read by parallel chunks and never written while they run.
/// `@unchecked`: a raw pointer cannot be checked; the bytes stay alive and unchanged while the
/// chunks run inside `withUnsafeBytes`.
private struct UnsafeSendableBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
}

/// Per-chunk results written by parallel workers; each slot has one writer.
private final class ChunkResults<Output: Sendable>: Sendable {
    private let slots: Mutex<[[Result<Output, Error>]]>

    init(count: Int) { slots = Mutex(Array(repeating: [], count: count)) }

    func store(_ chunk: Int, _ values: [Result<Output, Error>]) {
        slots.withLock { $0[chunk] = values }
    }

    func joined() -> [Result<Output, Error>] { slots.withLock { $0.flatMap { $0 } } }
}
