import Foundation
import Logging
import MCP

/// MCP's stdio transport over two file descriptors: one JSON-RPC message per line.
///
/// The SDK's own stdio transport polls, sleeping 10 ms whenever a read finds nothing, which puts
/// about 10 ms on every call; here a thread of its own blocks in `read`. Writes go straight to a
/// non-blocking pipe and only fall back to a writer queue when the pipe is full, so a server that
/// stops reading can never block a thread of the Swift concurrency pool.
public actor PipeTransport: Transport {
    /// The SDK's logger; a no-op unless one is given.
    public nonisolated let logger: Logger
    private let input: Int32
    private let output: Int32
    private let stream: AsyncThrowingStream<Data, Swift.Error>
    private let continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation
    /// Told each line the peer wrote that is not JSON-RPC.
    private let noise: @Sendable (String) -> Void
    private let writer = DispatchQueue(label: "modegate.mcp.pipe-writer")
    private var started = false
    private var closed = false

    /// `input` is read, `output` written; both are closed by the transport.
    public init(input: Int32, output: Int32, noise: @escaping @Sendable (String) -> Void = { _ in }, logger: Logger? = nil) {
        self.input = input
        self.output = output
        self.noise = noise
        self.logger = logger ?? Logger(label: "modegate.mcp.pipe", factory: { _ in SwiftLogNoOpLogHandler() })
        (stream, continuation) = AsyncThrowingStream<Data, Swift.Error>.makeStream()
    }

    /// Starts the reader thread; the descriptors must already be open.
    public func connect() async throws {
        guard !started else { return }
        started = true
        Self.makeNonBlocking(output)
        let reader = LineReader(fd: input, continuation: continuation, noise: noise)
        let thread = Thread { reader.run() }
        thread.name = "modegate.mcp.pipe-reader"
        thread.start()
    }

    /// Closes our end of the server's stdin; the reader ends when the server's output does.
    public func disconnect() async {
        guard !closed else { return }
        closed = true
        // The peer sees end of input and exits; its output then ends, which ends the reader.
        writer.async { [output] in close(output) }
    }

    /// Writes one message as one line, without blocking a concurrency thread on a full pipe.
    public func send(_ data: Data) async throws {
        guard !closed else { throw MCPTransportError.closed("the connection is closed") }
        var message = data
        message.append(0x0A)
        let written = message.withUnsafeBytes { Foundation.write(output, $0.baseAddress, $0.count) }
        if written == message.count { return }
        if written < 0 && errno != EAGAIN && errno != EWOULDBLOCK {
            throw MCPTransportError.closed("writing to the server failed: \(String(cString: strerror(errno)))")
        }
        let rest = message.dropFirst(max(written, 0))
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, Swift.Error>) in
            writer.async { [output] in
                do {
                    try Self.writeAll(rest, to: output)
                    done.resume()
                } catch {
                    done.resume(throwing: error)
                }
            }
        }
    }

    /// Every line the server writes that looks like JSON-RPC, until its output ends.
    public func receive() -> AsyncThrowingStream<Data, Swift.Error> { stream }

    /// On the writer queue: waits for room in the pipe, as long as it takes.
    private static func writeAll(_ bytes: Data.SubSequence, to fd: Int32) throws {
        var rest = bytes
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if written > 0 {
                rest = rest.dropFirst(written)
            } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, 1000)
            } else {
                throw MCPTransportError.closed("writing to the server failed: \(String(cString: strerror(errno)))")
            }
        }
    }

    private static func makeNonBlocking(_ fd: Int32) {
        var status = stat()
        // Only pipes: a terminal or a file shared with other processes keeps its mode.
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFIFO else { return }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }
}

/// Reads lines from a descriptor until its end, on its own thread.
private final class LineReader: Sendable {
    let fd: Int32
    let continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation
    let noise: @Sendable (String) -> Void

    init(fd: Int32, continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation, noise: @escaping @Sendable (String) -> Void) {
        self.fd = fd
        self.continuation = continuation
        self.noise = noise
    }

    func run() {
        var pending = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            var start = 0
            for index in 0..<count where buffer[index] == 0x0A {
                pending.append(contentsOf: buffer[start..<index])
                deliver(pending)
                pending.removeAll(keepingCapacity: true)
                start = index + 1
            }
            pending.append(contentsOf: buffer[start..<count])
        }
        if !pending.isEmpty { deliver(pending) }
        close(fd)
        continuation.finish(throwing: MCPTransportError.closed("the server closed its output"))
    }

    /// Messages go to the client; anything else a server prints on stdout is reported, not parsed.
    /// A line is taken for a message when it is bracketed as one (`{…}` or `[…]`): checking both
    /// ends costs nothing and keeps a stray `{ …` line out of the SDK's decoder, where it would
    /// vanish unlogged.
    private func deliver(_ line: Data) {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard let first = line.first(where: { !blank($0) }), let last = line.last(where: { !blank($0) }) else { return }
        if (first == UInt8(ascii: "{") && last == UInt8(ascii: "}")) || (first == UInt8(ascii: "[") && last == UInt8(ascii: "]")) {
            continuation.yield(line)
        } else {
            noise(String(decoding: line.prefix(200), as: UTF8.self))
        }
    }
}
