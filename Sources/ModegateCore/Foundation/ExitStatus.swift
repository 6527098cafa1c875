/// The process exit codes of DESIGN §2. One value decides the printed verdict, the JSON and the code.
public enum ExitStatus: Int32, Sendable, Codable, CaseIterable {
    case pass = 0
    case fail = 1
    case inconclusive = 2
    case invalidInput = 3
    case runError = 4
    case usage = 64
}
