/// 64-bit FNV-1a over a string's UTF-8: the stable hash behind seeds that must not change
/// between runs or machines (Swift's `Hasher` is randomised per process).
public enum FNV1a {
    /// The hash of `text`.
    public static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
