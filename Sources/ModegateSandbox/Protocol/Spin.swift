import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Busy-waits a bounded time for a descriptor to become readable.
package enum Spin {
    /// How long to poll before falling back to a blocking wait: long enough to cover a worker
    /// starting a program or the host answering a wave of fast tools.
    package static let budgetNanoseconds: UInt64 = 250_000

    package static func untilReadable(_ descriptor: Int32, or other: Int32? = nil) {
        let start = DispatchTime.now().uptimeNanoseconds
        var entries = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        if let other { entries.append(pollfd(fd: other, events: Int16(POLLIN), revents: 0)) }
        while DispatchTime.now().uptimeNanoseconds - start < budgetNanoseconds {
            if poll(&entries, nfds_t(entries.count), 0) != 0 { return }
            // Give the CPU to anything else that is ready: spinning should only use idle time.
            sched_yield()
        }
    }
}
