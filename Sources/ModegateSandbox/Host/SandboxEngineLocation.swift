import Foundation
import ModegateCore

/// Where a worker finds the sandbox engine library it loads: `$MODEGATE_SANDBOX_ENGINE` when set
/// (and then only there), else `PREFIX/lib/modegate` of an installed binary, else beside the
/// binary (the build folder). The worker loads what this finds; the host asks the same question
/// when a worker dies before it is ready, to say why.
public struct SandboxEngineLocation: Sendable {
    /// The variable that names the engine library outright.
    public static let environmentVariable = "MODEGATE_SANDBOX_ENGINE"

    #if os(macOS)
    /// The engine library's file name on macOS.
    public static let libraryName = "libModegateSandboxEngine.dylib"
    #else
    /// The engine library's file name on Linux.
    public static let libraryName = "libModegateSandboxEngine.so"
    #endif

    /// Every path looked at, in order.
    public let searched: [String]
    /// The first of them that exists.
    public let found: String?

    /// Looks for the engine of `executable`, or only where `environment` says.
    public init(executable: String, environment: [String: String]) {
        if let custom = environment[Self.environmentVariable], !custom.isEmpty {
            searched = [custom]
        } else {
            searched = InstallLayout(executable: URL(fileURLWithPath: executable))
                .libraryCandidates(named: Self.libraryName).map(\.path)
        }
        found = searched.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// What to tell the user when nothing was found: every path tried and the ways to fix it.
    public var missingMessage: String {
        "cannot find the sandbox engine \(Self.libraryName): looked for \(searched.joined(separator: ", ")); "
            + "reinstall with `make install` (from a checkout, `make release` builds it beside the binary), "
            + "or set \(Self.environmentVariable)=PATH to the library"
    }
}
