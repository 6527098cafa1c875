import CCurl
import Foundation
import Synchronization

/// The one thread that drives every HTTP transfer of the process through a libcurl multi
/// handle. It sleeps in poll(2) until a socket is ready, a curl timer is due, or another thread
/// wakes it (a new transfer, a cancellation): waiting on a slow server costs no CPU, unlike
/// Foundation's URLSession on Linux, which spins while a response is pending.
///
/// `@unchecked`: the multi handle is a raw C pointer, used by the loop's thread alone except for
/// `curl_multi_wakeup`, which libcurl allows from any thread; the inbox is a `Mutex`.
final class CurlTransferLoop: @unchecked Sendable {
    static let shared = CurlTransferLoop()

    private struct Inbox {
        var added: [CurlTransfer] = []
        var cancelled: [CurlTransfer] = []
    }

    /// Touched only by the loop's thread, except `curl_multi_wakeup`, which any thread may call.
    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())

    private init() {
        // CURL_GLOBAL_ALL (the macro is not imported); must run before any other thread uses curl.
        curl_global_init(3)
        multi = curl_multi_init()
        // Requests past this many to one host wait in curl's queue for a free connection.
        _ = modegate_curl_multi_set_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, 64)
        let thread = Thread { [self] in run() }
        thread.name = "modegate-http"
        thread.start()
    }

    func submit(_ transfer: CurlTransfer) {
        inbox.withLock { $0.added.append(transfer) }
        curl_multi_wakeup(multi)
    }

    func cancel(_ transfer: CurlTransfer) {
        transfer.cancel()
        inbox.withLock { $0.cancelled.append(transfer) }
        curl_multi_wakeup(multi)
    }

    private func run() {
        // By easy handle; holds each transfer alive while libcurl works on it.
        var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
        while true {
            let inbox = inbox.withLock { box in
                defer { box = Inbox() }
                return box
            }
            for transfer in inbox.added {
                guard !transfer.isCancelled else {
                    transfer.finish(nil)
                    continue
                }
                let code = curl_multi_add_handle(multi, transfer.handle)
                guard code == CURLM_OK else {
                    transfer.finish(CURLE_FAILED_INIT)
                    continue
                }
                active[transfer.handle] = transfer
            }
            for transfer in inbox.cancelled {
                guard active.removeValue(forKey: transfer.handle) != nil else { continue }
                curl_multi_remove_handle(multi, transfer.handle)
                transfer.finish(nil)
            }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            var left: Int32 = 0
            while let message = curl_multi_info_read(multi, &left) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
                // Read before removing the handle, which frees the message.
                let result = message.pointee.data.result
                guard let transfer = active.removeValue(forKey: easy) else { continue }
                curl_multi_remove_handle(multi, easy)
                transfer.finish(result)
            }
            // curl shortens the wait to its own next timer; the cap only bounds the surprise of a
            // timer curl forgot to report.
            curl_multi_poll(multi, nil, 0, active.isEmpty ? 60_000 : 1_000, nil)
        }
    }
}
