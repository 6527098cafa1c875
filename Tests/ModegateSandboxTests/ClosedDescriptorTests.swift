import Foundation
import Testing
@testable import ModegateSandbox
#if canImport(Glibc)
import Glibc
#endif

/// A descriptor's number is free for reuse the moment it is closed, and a process reuses the
/// lowest free number first: a late write into a closed pipe lands in whatever opened next (in a
/// run, an MCP server's or a model's HTTP connection). These tests close, open pipes that take
/// the freed numbers, make the late call, and check that nothing arrived.
@Suite struct ClosedDescriptorTests {
    @Test func aDeadlineDisarmedAfterTheWorkerEndedWritesNothing() throws {
        let thread = WorkerThread()
        let input = try Pipe.open()
        close(input.write)
        // Served on a thread of its own, as in a run: a call from any other thread wakes it.
        let served = DispatchSemaphore(value: 0)
        Thread {
            thread.serve(input: input.read, onData: { _ in }, onEnd: {}, onDeadline: {})
            served.signal()
        }.start()
        served.wait()
        close(input.read)
        // The thread closed its wake pipe; these take its numbers (and whatever else is free).
        let successors = try (0..<32).map { _ in try Pipe.open() }
        defer { successors.forEach { close($0.read); close($0.write) } }

        // What a conversation does when its worker died under it.
        thread.setDeadline(nil)
        thread.setDeadline(DispatchTime.now().uptimeNanoseconds)

        for pipe in successors { #expect(pipe.pendingBytes() == 0) }
    }

    @Test func aLineSentAfterTheOutputClosedWritesNothing() throws {
        let output = try Pipe.open()
        let channel = LineChannel(input: -1, output: output.write)
        #expect(channel.writeLine(Data("before".utf8)))
        channel.closeOutput()
        channel.closeOutput()
        let successors = try (0..<32).map { _ in try Pipe.open() }
        defer { successors.forEach { close($0.read); close($0.write) } }

        #expect(!channel.writeLine(Data("{\"late\":true}".utf8)))

        for pipe in successors { #expect(pipe.pendingBytes() == 0) }
        #expect(output.pendingBytes() == "before\n".utf8.count)
        close(output.read)
    }
}

/// A pipe whose ends the test closes itself.
private struct Pipe {
    let read: Int32
    let write: Int32

    static func open() throws -> Pipe {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
        return Pipe(read: ends[0], write: ends[1])
    }

    /// Bytes waiting to be read, without reading them.
    func pendingBytes() -> Int {
        var count: Int32 = 0
        _ = ioctl(read, UInt(FIONREAD), &count)
        return Int(count)
    }
}
