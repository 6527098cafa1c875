import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The limits a worker puts on itself once the engine is running.
enum ResourceLimits {
    /// Address space allowed beyond `memory_mb` for the engine's own later reservations.
    static let engineSlack: UInt64 = 512 << 20

    static func applyAfterEngineStart(memoryMB: Int) {
        set(Int32(RLIMIT_FSIZE.rawValue), 0)
        set(Int32(RLIMIT_CORE.rawValue), 0)
        // The engine reserved its address range at start-up; allow `memoryMB` on top of that, plus
        // slack for the regions the engine itself reserves later (heaps, JIT pools), which count
        // against the address space long before they hold anything.
        if let size = currentAddressSpace() {
            set(Int32(RLIMIT_AS.rawValue), size + UInt64(memoryMB) << 20 + engineSlack)
        }
    }

    private static func set(_ resource: Int32, _ value: UInt64) {
        var limit = rlimit(rlim_cur: rlim_t(value), rlim_max: rlim_t(value))
        setrlimit(__rlimit_resource_t(resource), &limit)
    }

    /// VmSize from /proc/self/status, in bytes.
    static func currentAddressSpace() -> UInt64? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmSize:") })
        else { return nil }
        let digits = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first { Int($0) != nil }
        return digits.flatMap { UInt64($0) }.map { $0 * 1024 }
    }
}
