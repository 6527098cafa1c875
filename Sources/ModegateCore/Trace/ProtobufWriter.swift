/// Protocol Buffers' wire format, as much of it as an OTLP trace request needs: varints,
/// length-delimited fields (strings, bytes, nested messages), and 64-bit fixed fields. Fields
/// at their default (zero, empty) are left out, as proto3 encoders do, unless `always` says the
/// field is a oneof member, which is written whatever its value.
struct ProtobufWriter {
    private(set) var bytes: [UInt8] = []

    private enum WireType: UInt64 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2
    }

    private mutating func tag(_ field: Int, _ type: WireType) {
        varint(UInt64(field) << 3 | type.rawValue)
    }

    private mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func uint(_ field: Int, _ value: UInt64, always: Bool = false) {
        guard always || value != 0 else { return }
        tag(field, .varint)
        varint(value)
    }

    /// An `int64`: negative numbers take ten bytes, two's complement, as protobuf writes them.
    mutating func int(_ field: Int, _ value: Int64, always: Bool = false) {
        uint(field, UInt64(bitPattern: value), always: always)
    }

    mutating func bool(_ field: Int, _ value: Bool, always: Bool = false) {
        uint(field, value ? 1 : 0, always: always)
    }

    mutating func fixed64(_ field: Int, _ value: UInt64) {
        guard value != 0 else { return }
        tag(field, .fixed64)
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func double(_ field: Int, _ value: Double, always: Bool = false) {
        guard always || value.bitPattern != 0 else { return }
        tag(field, .fixed64)
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    mutating func data(_ field: Int, _ value: [UInt8], always: Bool = false) {
        guard always || !value.isEmpty else { return }
        tag(field, .lengthDelimited)
        varint(UInt64(value.count))
        bytes += value
    }

    mutating func string(_ field: Int, _ value: String, always: Bool = false) {
        data(field, Array(value.utf8), always: always)
    }

    /// A nested message, written even when empty when `always` (a oneof member must be present).
    mutating func message(_ field: Int, always: Bool = false, _ build: (inout ProtobufWriter) -> Void) {
        var inner = ProtobufWriter()
        build(&inner)
        guard always || !inner.bytes.isEmpty else { return }
        tag(field, .lengthDelimited)
        varint(UInt64(inner.bytes.count))
        bytes += inner.bytes
    }
}
