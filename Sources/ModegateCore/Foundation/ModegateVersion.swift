/// The release of this build, recorded in run manifests and announced to MCP peers.
public enum ModegateVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
