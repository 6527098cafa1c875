import CCurl
import Foundation
import Synchronization

/// One request in flight: its libcurl easy handle, what has arrived, and who waits for it.
/// Everything but `cancel` runs on the transfer loop's thread, the only one that touches the
/// handle once it is submitted.
///
/// `@unchecked`: it owns libcurl's easy handle and C buffers (raw pointers), and libcurl's
/// callbacks mutate its state. That state belongs to one thread at a time, the caller's until
/// `submit` and the loop's after (handed over through the loop's locked inbox); only the atomic
/// `cancelled` is shared.
final class CurlTransfer: @unchecked Sendable {
    /// Who waits, and for what.
    private enum Waiter {
        case whole(CheckedContinuation<HTTPResponse, Error>)
        /// Waits for the head; the body continuation then receives the bytes.
        case head(CheckedContinuation<HTTPStreamingResponse, Error>, AsyncThrowingStream<Data, Error>)
        case body
        case none
    }

    let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private var waiter = Waiter.none
    private var bodyContinuation: AsyncThrowingStream<Data, Error>.Continuation?
    private var status = 0
    private var headers: [HTTPHeader] = []
    private var headComplete = false
    private var body = Data()
    private let cancelled = Atomic<Bool>(false)

    /// Sets the request up on a new easy handle. Throws `HTTPTransportError` for a request
    /// libcurl refuses.
    init(_ request: HTTPRequest, connectTimeoutSeconds: Double, certificateAuthorities: String?, streaming: Bool) throws {
        guard let handle = curl_easy_init() else {
            throw HTTPTransportError(kind: .other, detail: "libcurl could not make a handle")
        }
        self.handle = handle
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try configure(request, connectTimeoutSeconds: connectTimeoutSeconds,
                      certificateAuthorities: certificateAuthorities, streaming: streaming)
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    private func configure(_ request: HTTPRequest, connectTimeoutSeconds: Double, certificateAuthorities: String?, streaming: Bool) throws {
        var problems: [CURLcode] = []
        func check(_ code: CURLcode) { if code != CURLE_OK { problems.append(code) } }
        check(modegate_curl_set_string(handle, CURLOPT_URL, request.url.absoluteString))
        // Signals must not interrupt other threads' system calls; timeouts use curl's timers.
        check(modegate_curl_set_long(handle, CURLOPT_NOSIGNAL, 1))
        check(modegate_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        check(modegate_curl_set_pointer(handle, CURLOPT_PRIVATE, Unmanaged.passUnretained(self).toOpaque()))
        check(modegate_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(min(connectTimeoutSeconds, request.timeoutSeconds))))
        if streaming {
            // A stream may last long; what must not last is silence.
            check(modegate_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1))
            check(modegate_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(request.timeoutSeconds.rounded(.up)))))
        } else {
            check(modegate_curl_set_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeoutSeconds)))
        }
        check(modegate_curl_set_long(handle, CURLOPT_TCP_KEEPALIVE, 1))
        if let certificateAuthorities { check(modegate_curl_set_string(handle, CURLOPT_CAINFO, certificateAuthorities)) }
        switch request.method {
        case "GET": check(modegate_curl_set_long(handle, CURLOPT_HTTPGET, 1))
        case "POST": break
        default: check(modegate_curl_set_string(handle, CURLOPT_CUSTOMREQUEST, request.method))
        }
        if let body = request.body ?? (request.method == "POST" ? Data() : nil) {
            check(modegate_curl_set_size(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            check(body.withUnsafeBytes { bytes in
                modegate_curl_set_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(errorBuffer)))
            })
        }
        // An empty `Expect:` stops curl from waiting for `100 Continue` before large bodies,
        // which servers that never send it turn into a one-second stall per request.
        for line in request.headers.map({ "\($0.name): \($0.value)" }) + ["Expect:"] {
            headerList = curl_slist_append(headerList, line)
        }
        check(modegate_curl_set_pointer(handle, CURLOPT_HTTPHEADER, headerList))
        let context = Unmanaged.passUnretained(self).toOpaque()
        check(modegate_curl_set_callback(handle, CURLOPT_WRITEFUNCTION, curlReceivedBody))
        check(modegate_curl_set_pointer(handle, CURLOPT_WRITEDATA, context))
        check(modegate_curl_set_callback(handle, CURLOPT_HEADERFUNCTION, curlReceivedHeader))
        check(modegate_curl_set_pointer(handle, CURLOPT_HEADERDATA, context))
        if let first = problems.first {
            throw HTTPTransportError(kind: .invalidRequest, detail: String(cString: curl_easy_strerror(first)))
        }
    }

    static func milliseconds(_ seconds: Double) -> Int { Int((max(seconds, 0.001) * 1000).rounded(.up)) }

    // MARK: Waiting (the caller's thread, before the transfer is submitted)

    func wait(whole continuation: CheckedContinuation<HTTPResponse, Error>) { waiter = .whole(continuation) }

    func wait(head continuation: CheckedContinuation<HTTPStreamingResponse, Error>) {
        let (stream, bodyContinuation) = AsyncThrowingStream<Data, Error>.makeStream()
        self.bodyContinuation = bodyContinuation
        waiter = .head(continuation, stream)
    }

    /// Asked from any thread; the loop then ends the transfer with `CancellationError`.
    func cancel() { cancelled.store(true, ordering: .sequentiallyConsistent) }
    var isCancelled: Bool { cancelled.load(ordering: .sequentiallyConsistent) }

    /// Stops the transfer when the reader of a stream drops it.
    func cancelWhenBodyIsDropped(_ loop: CurlTransferLoop) {
        bodyContinuation?.onTermination = { [weak self] reason in
            guard case .cancelled = reason, let self else { return }
            loop.cancel(self)
        }
    }

    // MARK: Arriving (the loop's thread)

    fileprivate func receivedHeader(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            // A new status line: an interim answer (100 Continue) or a proxy's came before.
            let parts = trimmed.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            headers = []
        } else if trimmed.isEmpty {
            if status >= 200 {
                headComplete = true
                deliverHead()
            }
        } else if let colon = trimmed.firstIndex(of: ":") {
            let name = String(trimmed[..<colon])
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append(HTTPHeader(name: name, value: value))
        }
    }

    fileprivate func receivedBody(_ bytes: UnsafeRawBufferPointer) {
        if let bodyContinuation {
            deliverHead()
            bodyContinuation.yield(Data(bytes))
        } else {
            body.append(contentsOf: bytes)
        }
    }

    private func deliverHead() {
        guard case .head(let continuation, let stream) = waiter else { return }
        waiter = .body
        continuation.resume(returning: HTTPStreamingResponse(head: head, body: stream))
    }

    private var head: HTTPResponseHead {
        var code = 0
        if status == 0, modegate_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK { status = code }
        return HTTPResponseHead(status: status, headers: headers)
    }

    /// The transfer ended: with `result` from libcurl, or cancelled (nil).
    func finish(_ result: CURLcode?) {
        let failure: Error? =
            if result == nil || isCancelled { CancellationError() }
            else if result == CURLE_OK { nil }
            else { error(for: result!) }
        switch waiter {
        case .whole(let continuation):
            if let failure {
                continuation.resume(throwing: failure)
            } else {
                continuation.resume(returning: HTTPResponse(head: head, body: body))
            }
        case .head(let continuation, _):
            if let failure {
                continuation.resume(throwing: failure)
                bodyContinuation?.finish(throwing: failure)
            } else {
                deliverHead()
                bodyContinuation?.finish()
            }
        case .body:
            bodyContinuation?.finish(throwing: failure)
        case .none:
            break
        }
        waiter = .none
        bodyContinuation = nil
    }

    private func error(for code: CURLcode) -> HTTPTransportError {
        let own = String(cString: errorBuffer)
        let detail = own.isEmpty ? String(cString: curl_easy_strerror(code)) : own
        let kind: HTTPTransportError.Kind =
            switch code {
            case CURLE_OPERATION_TIMEDOUT: .timedOut
            case CURLE_COULDNT_CONNECT: .connectionRefused
            case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .unknownHost
            case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM:
                .connectionClosed
            case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM,
                CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR:
                .tls
            case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: .invalidRequest
            default: .other
            }
        return HTTPTransportError(kind: kind, detail: detail)
    }
}

/// libcurl's write callback: `context` is the transfer.
private func curlReceivedBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    let length = size * count
    guard let data, let context else { return length }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    transfer.receivedBody(UnsafeRawBufferPointer(start: data, count: length))
    return length
}

/// libcurl's header callback: one whole header line per call.
private func curlReceivedHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    let length = size * count
    guard let data, let context else { return length }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    transfer.receivedHeader(String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self))
    return length
}
