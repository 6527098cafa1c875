import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Newline-delimited messages over a pair of file descriptors, with blocking reads: the reader
/// sleeps in `read(2)` until bytes arrive, so a round trip costs microseconds, not a polling tick.
package final class LineChannel: Sendable {
    /// Bytes read but not yet returned as lines; one reader at a time.
    private struct ReadBuffer {
        var bytes = [UInt8]()
        var start = 0
    }

    private let input: Int32
    private let output: Int32
    private let reading: Mutex<ReadBuffer>
    /// Held while a line is written, so lines from two threads never interleave; true once
    /// `closeOutput` has closed the output.
    private let writing = Mutex(false)

    package init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
        var buffer = ReadBuffer()
        buffer.bytes.reserveCapacity(1 << 16)
        reading = Mutex(buffer)
    }

    /// The next line without its newline, or nil at end of input. With `spinning`, it first polls
    /// for a short while before sleeping in `read(2)`: when the answer is near (a fast tool), this
    /// avoids a cross-CPU wake-up, which costs ~47 µs on this class of machine against a few µs
    /// of polling.
    package func readLine(spinning: Bool = false) -> Data? {
        if spinning { Spin.untilReadable(input) }
        return readLine()
    }

    /// The next line without its newline, or nil at end of input.
    package func readLine() -> Data? {
        reading.withLock { buffer in
            while true {
                if let newline = buffer.bytes[buffer.start...].firstIndex(of: UInt8(ascii: "\n")) {
                    let line = Data(buffer.bytes[buffer.start..<newline])
                    buffer.start = newline + 1
                    if buffer.start == buffer.bytes.count {
                        buffer.bytes.removeAll(keepingCapacity: true)
                        buffer.start = 0
                    }
                    return line
                }
                if buffer.start > 0 {
                    buffer.bytes.removeSubrange(0..<buffer.start)
                    buffer.start = 0
                }
                var chunk = [UInt8](repeating: 0, count: 1 << 16)
                let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return nil }
                buffer.bytes.append(contentsOf: chunk[0..<count])
            }
        }
    }

    /// Writes one line; false when the other side has gone or the output is closed.
    @discardableResult
    package func writeLine(_ data: Data) -> Bool {
        var line = data
        line.append(UInt8(ascii: "\n"))
        return writing.withLock { closed in
            guard !closed else { return false }
            return line.withUnsafeBytes { raw -> Bool in
                var offset = 0
                while offset < raw.count {
                    let written = write(output, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    offset += written
                }
                return true
            }
        }
    }

    /// Closes the output; every later `writeLine` returns false without writing. Closing under
    /// the writers' lock matters: once closed, the descriptor's number is free for the process to
    /// reuse (a socket, another pipe), and a write after the close would put the line there.
    package func closeOutput() {
        writing.withLock { closed in
            guard !closed else { return }
            closed = true
            close(output)
        }
    }
}
