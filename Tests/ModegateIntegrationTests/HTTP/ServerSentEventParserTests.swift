import Foundation
@testable import ModegateMCP
import Testing

/// Server-sent events as the network delivers them: in pieces that split lines, line ends and
/// UTF-8 characters anywhere. Each message is handed on once its event is complete, and the
/// messages are the same however the stream was cut.
@Suite struct ServerSentEventParserTests {
    static let stream = ": a comment\r\nid: 1\r\ndata:\r\n\r\n"  // a priming event: no message
        + "event: message\ndata: {\"jsonrpc\":\"2.0\",\ndata: \"id\":1,\"result\":{\"text\":\"ünïcødé\"}}\n\n"
        + "event: ping\ndata: ignored\n\n"
        + "data: second\r\rdata: third"  // CR alone ends lines too; the last event has no blank line

    static let messages = [
        "{\"jsonrpc\":\"2.0\",\n\"id\":1,\"result\":{\"text\":\"ünïcødé\"}}", "second", "third",
    ]

    @Test func everyWayOfCuttingTheStreamGivesTheSameMessages() {
        let bytes = Data(Self.stream.utf8)
        for size in [1, 2, 3, 5, 7, 64, bytes.count] {
            var parser = ServerSentEventParser()
            var found: [String] = []
            var start = 0
            while start < bytes.count {
                let piece = bytes[start..<min(start + size, bytes.count)]
                found += parser.feed(Data(piece)).map { String(decoding: $0, as: UTF8.self) }
                start += size
            }
            found += parser.finish().map { String(decoding: $0, as: UTF8.self) }
            #expect(found == Self.messages, "pieces of \(size) bytes")
        }
    }

    @Test func aMessageIsHandedOnWhenItsEventEnds() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Data("data: {\"id\":1}\n".utf8)).isEmpty)
        #expect(parser.feed(Data("\n".utf8)).map { String(decoding: $0, as: UTF8.self) } == ["{\"id\":1}"])
        #expect(parser.finish().isEmpty)
    }
}
