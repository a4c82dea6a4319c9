import ArgumentParser
import DFXBasics
import Foundation

/// The `dfx` command line: the root command and its subcommands.
public struct DFXCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dfx",
        abstract: "A declarative SQL pipeline compiler: dbt-style projects, compiled fast, run safely.",
        discussion: """
            Exit codes: 0 success; 1 a model, seed, snapshot or test failed; 2 bad arguments or a problem \
            in the project or profile; 130 interrupted.
            """,
        version: DFXVersion.current,
        subcommands: [
            CompileCommand.self, RunCommand.self, SeedCommand.self, SnapshotCommand.self, TestCommand.self, BuildCommand.self,
            SourceCommand.self, ListCommand.self, ParseCommand.self, DebugCommand.self, CleanCommand.self, RunOperationCommand.self,
        ])

    public init() {}
}

/// Runs dfx in-process: parses `arguments`, runs the command, and returns the exit status.
/// The executable calls this with the process's arguments; tests call it with their own context.
public enum DFXCLI {
    public static func run(_ arguments: [String], context: CommandContext? = nil, keepValuesUntilExit: Bool = false) -> Int32 {
        if keepValuesUntilExit { ProcessLifetime.enable() }
        let context = context ?? CommandContext.current
        return CommandContext.$current.withValue(context) {
            do {
                var command = try DFXCommand.parseAsRoot(arguments)
                try command.run()
                return ExitStatus.success.rawValue
            } catch let exit as CommandExit {
                return exit.status.rawValue
            } catch let error as DiagnosticError {
                context.console.report(error.diagnostics)
                return ExitStatus.usageOrProjectError.rawValue
            } catch {
                let code = DFXCommand.exitCode(for: error)
                let message = DFXCommand.fullMessage(for: error)
                if code == .success {
                    context.console.output(message)
                    return ExitStatus.success.rawValue
                }
                context.console.error(message, event: "UsageError")
                return ExitStatus.usageOrProjectError.rawValue
            }
        }
    }
}
