/// The process exit codes of DESIGN §2. One value decides the printed verdict, the JSON and the code.
public enum ExitStatus: Int32, Sendable, Codable, CaseIterable {
    /// Every gate passed: promote.
    case pass = 0
    /// A gate failed: hold.
    case fail = 1
    /// The evidence does not decide; the verdict says roughly how many cases would.
    case inconclusive = 2
    /// Invalid input: a gate file, a stored run, a reference or a template.
    case invalidInput = 3
    /// A run did not finish, was cancelled, or ran out of budget.
    case runError = 4
    /// The command line itself was wrong, as sysexits' `EX_USAGE`.
    case usage = 64
}
