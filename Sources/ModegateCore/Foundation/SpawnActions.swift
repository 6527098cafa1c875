import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a spawned child must not inherit. `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34+)
/// is not imported by Swift's Glibc module, so it is looked up at run time.
package enum SpawnActions {
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let closeFromCall: CloseFrom? = dlsym(UnsafeMutableRawPointer(bitPattern: 0),
                                                         "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: CloseFrom.self) }

    package static func closeFrom(_ lowest: Int32, in actions: inout posix_spawn_file_actions_t) {
        if let closeFromCall {
            _ = closeFromCall(&actions, lowest)
            return
        }
        // Without it, close what is open now (the descriptors the child would inherit).
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap(Int32.init) where descriptor >= lowest {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }
}
