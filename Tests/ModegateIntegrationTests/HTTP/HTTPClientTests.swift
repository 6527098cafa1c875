import Foundation
import ModegateCore
import ModegateHTTP
import Testing

/// The libcurl client against a real server on 127.0.0.1 (`Peers/http_peer.py`), over HTTP and
/// HTTPS: whole answers, timeouts, cancellation that stops a transfer at once, refused
/// connections, streamed bodies that arrive while the server still holds the connection, and
/// TLS with a private certificate authority.
@Suite(.serialized) struct HTTPClientTests {
    /// One plain server for the suite's tests.
    static func peer(tls: (certificate: String, key: String)? = nil) async throws -> (BackgroundServer, URL)? {
        guard let python = TestPeers.python else { return nil }
        let port = TestPeers.freePort()
        var command = [python, TestPeers.script("http_peer.py"), String(port)]
        if let tls { command += [tls.certificate, tls.key] }
        let server = try BackgroundServer(command)
        try await server.waitForPort(port)
        return (server, URL(string: "\(tls == nil ? "http" : "https")://127.0.0.1:\(port)")!)
    }

    @Test func aRequestAndItsAnswerArriveWhole() async throws {
        guard let (server, base) = try await Self.peer() else { return }
        defer { server.stop() }
        var request = HTTPRequest(url: base.appendingPathComponent("echo"), body: Data(repeating: 65, count: 200_000), timeoutSeconds: 10)
        request.setHeader("Authorization", "Bearer first")
        request.setHeader("authorization", "Bearer second")
        request.setHeader("Content-Type", "application/json")
        let response = try await HTTPClient(environment: [:]).send(request)
        #expect(response.status == 200)
        #expect(response.value(forHeader: "x-peer") == "echo")
        let echoed = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        let headers = echoed?["headers"] as? [String: String]
        #expect(echoed?["method"] as? String == "POST")
        #expect(echoed?["body_bytes"] as? Int == 200_000)
        #expect(headers?["authorization"] == "Bearer second", "a header set twice is sent once, last value")
        // No `Expect: 100-continue` stall on large bodies.
        #expect(headers?["expect"] == nil)

        let deleted = try await HTTPClient(environment: [:]).send(HTTPRequest(method: "DELETE", url: base.appendingPathComponent("echo"), timeoutSeconds: 10))
        #expect((try JSONSerialization.jsonObject(with: deleted.body) as? [String: Any])?["method"] as? String == "DELETE")
        let missing = try await HTTPClient(environment: [:]).send(HTTPRequest(method: "GET", url: base.appendingPathComponent("status/503"), timeoutSeconds: 10))
        #expect(missing.status == 503 && String(decoding: missing.body, as: UTF8.self) == "status 503")
    }

    @Test func manyRequestsAtOnceShareTheLoop() async throws {
        guard let (server, base) = try await Self.peer() else { return }
        defer { server.stop() }
        let client = HTTPClient(environment: [:])
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<64 {
                group.addTask {
                    try await client.send(HTTPRequest(url: base.appendingPathComponent("echo"), body: Data("\(index)".utf8), timeoutSeconds: 30)).status
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.count == 64 && statuses.allSatisfy { $0 == 200 })
    }

    @Test func aSlowAnswerTimesOut() async throws {
        guard let (server, base) = try await Self.peer() else { return }
        defer { server.stop() }
        let request = HTTPRequest(url: base.appendingPathComponent("delay/10"), timeoutSeconds: 0.5)
        await #expect { try await HTTPClient(environment: [:]).send(request) } throws: { error in
            (error as? HTTPTransportError)?.kind == .timedOut
        }
        // A stream's timeout is silence: a head and then nothing.
        let stream = try await HTTPClient(environment: [:]).stream(HTTPRequest(method: "GET", url: base.appendingPathComponent("silent"), timeoutSeconds: 1))
        await #expect { for try await _ in stream.body {} } throws: { error in
            (error as? HTTPTransportError)?.kind == .timedOut
        }
    }

    @Test func cancellingTheTaskStopsTheTransferAtOnce() async throws {
        guard let (server, base) = try await Self.peer() else { return }
        defer { server.stop() }
        let client = HTTPClient(environment: [:])
        func delays() async throws -> JSONValue {
            try JSONValue.parse(String(decoding: try await client.send(HTTPRequest(
                method: "GET", url: base.appendingPathComponent("delays"), timeoutSeconds: 10)).body, as: UTF8.self))
        }
        let task = Task { try await client.send(HTTPRequest(url: base.appendingPathComponent("delay/60"), timeoutSeconds: 120)) }
        // The server holds the request before the task is cancelled.
        var held = false
        for _ in 0..<1_500 where !held {
            held = (try? await delays())?["running"] == 1
            if !held { try await Task.sleep(nanoseconds: 20_000_000) }
        }
        #expect(held, "the server never got the request")
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        // The task ended while the server still held its request: it did not wait for the answer.
        #expect(try await delays() == ["running": 1, "answered": 0])
    }

    @Test func nothingListeningIsARefusal() async throws {
        let request = HTTPRequest(url: URL(string: "http://127.0.0.1:\(TestPeers.freePort())/v1")!, timeoutSeconds: 5)
        await #expect { try await HTTPClient(environment: [:]).send(request) } throws: { error in
            (error as? HTTPTransportError)?.kind == .connectionRefused && (error as? HTTPTransportError)?.isTransient == true
        }
        await #expect { try await HTTPClient(environment: [:]).send(HTTPRequest(url: URL(string: "ftp://127.0.0.1/x")!, timeoutSeconds: 5)) } throws: { error in
            (error as? HTTPTransportError)?.kind == .invalidRequest
        }
    }

    @Test func aStreamedBodyArrivesWhileTheServerHoldsIt() async throws {
        guard let (server, base) = try await Self.peer() else { return }
        defer { server.stop() }
        let client = HTTPClient(environment: [:])
        let response = try await client.stream(HTTPRequest(method: "GET", url: base.appendingPathComponent("stream"), timeoutSeconds: 60))
        #expect(response.head.status == 200 && response.head.value(forHeader: "content-type") == "text/event-stream")
        var text = ""
        for try await piece in response.body {
            text += String(decoding: piece, as: UTF8.self)
            // The server holds the rest of the body until it is asked to go on: only a first
            // event that arrives while it waits can ask.
            if text.contains("data: one\n\n") && !text.contains("two") {
                _ = try await client.send(HTTPRequest(method: "GET", url: base.appendingPathComponent("release"), timeoutSeconds: 10))
            }
        }
        #expect(text == "event: message\ndata: one\n\ndata: two (released)\n\n")
    }

    @Test func httpsWithAPrivateAuthority() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2",
                             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0, "openssl could not make a certificate")
        guard let (server, base) = try await Self.peer(tls: (certificate, key)) else { return }
        defer { server.stop() }
        let request = HTTPRequest(method: "GET", url: base.appendingPathComponent("echo"), timeoutSeconds: 10)
        let trusted = try await HTTPClient(environment: ["SSL_CERT_FILE": certificate]).send(request)
        #expect(trusted.status == 200)
        await #expect { try await HTTPClient(environment: [:]).send(request) } throws: { error in
            guard let error = error as? HTTPTransportError else { return false }
            return error.kind == .tls && !error.isTransient && error.description.contains("SSL_CERT_FILE")
        }
    }
}
