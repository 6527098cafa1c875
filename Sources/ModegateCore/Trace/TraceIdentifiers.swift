/// Random trace and span ids as OTLP wants them: lowercase hex, never all zero (the protocol's
/// invalid id). The generator is given, so tests draw the same ids every time.
public struct TraceIdentifiers<Generator: RandomNumberGenerator> {
    private var generator: Generator

    public init(_ generator: Generator) {
        self.generator = generator
    }

    /// 16 random bytes: 32 hex digits.
    public mutating func traceID() -> String { hex(bytes: 16) }

    /// 8 random bytes: 16 hex digits.
    public mutating func spanID() -> String { hex(bytes: 8) }

    private mutating func hex(bytes: Int) -> String {
        while true {
            var text = ""
            var zero = true
            for _ in 0..<(bytes / 8) {
                let word = generator.next() as UInt64
                zero = zero && word == 0
                let digits = String(word, radix: 16)
                text += String(repeating: "0", count: 16 - digits.count) + digits
            }
            if !zero { return text }
        }
    }
}
