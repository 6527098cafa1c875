import Foundation

/// Where output goes: stdout for what was asked for, stderr for everything else.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.hasSuffix("\n") ? text.utf8 : (text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.hasSuffix("\n") ? text.utf8 : (text + "\n").utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
