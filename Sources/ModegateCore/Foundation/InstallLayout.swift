import Foundation

/// Where the files a modegate binary needs at run time sit, seen from the binary's resolved path.
///
/// Two layouts, tried in this order:
/// - installed (`make install`, the `make dist` tarball): `PREFIX/bin/modegate`, the sandbox engine
///   in `PREFIX/lib/modegate`, the built-in presets in `PREFIX/share/modegate/presets`;
/// - the build folder: the engine beside the binary (`.build/release`, `.build/debug`) and the
///   presets in the checkout's `presets/` above it.
///
/// The binary's path must already be free of symlinks (`/proc/self/exe`), so a link to it from
/// another `bin` folder finds the files of the prefix the binary really lives in.
public struct InstallLayout: Sendable, Equatable {
    /// The folder of the binary.
    public let binaryFolder: URL

    /// The layout around `executable`, followed through symlinks.
    public init(executable: URL) {
        binaryFolder = executable.resolvingSymlinksInPath().deletingLastPathComponent().standardizedFileURL
    }

    /// `PREFIX` when the binary is installed: the parent of its `bin` folder.
    public var prefix: URL { binaryFolder.deletingLastPathComponent() }

    /// `PREFIX/lib/modegate`: the sandbox engine (and, in the tarball, the Swift runtime).
    public var libraryFolder: URL { prefix.appendingPathComponent("lib/modegate") }

    /// `PREFIX/share/modegate/presets`: the built-in presets.
    public var installedPresetsFolder: URL { prefix.appendingPathComponent("share/modegate/presets") }

    /// Where a library the binary loads may be: installed first, then beside the binary.
    public func libraryCandidates(named fileName: String) -> [URL] {
        [libraryFolder.appendingPathComponent(fileName), binaryFolder.appendingPathComponent(fileName)]
    }
}
