import DFXBasics
import Foundation

/// What a command runs with besides its arguments: the console, the environment and the working
/// directory. The executable uses the process's own; tests run commands in-process with their own.
public struct CommandContext: Sendable {
    public var console: Console
    public var environment: [String: String]
    public var workingDirectory: String

    public init(console: Console, environment: [String: String], workingDirectory: String) {
        self.console = console
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// The context of the current command.
    @TaskLocal public static var current = CommandContext(
        console: Console.standard(environment: ProcessInfo.processInfo.environment),
        environment: ProcessInfo.processInfo.environment,
        workingDirectory: FileManager.default.currentDirectoryPath)
}

/// dfx's exit codes, documented in the README.
public enum ExitStatus: Int32, Sendable {
    /// Everything selected succeeded.
    case success = 0
    /// A model, seed, snapshot or test failed (or a test found failing rows).
    case failure = 1
    /// The command could not run: bad arguments, or a problem in the project or profile.
    case usageOrProjectError = 2
    /// Interrupted by Ctrl-C or SIGTERM.
    case interrupted = 130
}

/// Thrown by commands to end with a given status after having printed their own messages.
public struct CommandExit: Error, Sendable {
    public var status: ExitStatus
    public init(_ status: ExitStatus) { self.status = status }
}
