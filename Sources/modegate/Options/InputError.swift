/// A command's own input problem (an unreadable template, an unwritable report path).
struct InputError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
