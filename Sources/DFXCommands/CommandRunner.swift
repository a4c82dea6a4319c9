import DFXBasics
import Foundation

/// Runs a command body with dfx's error handling: diagnostics are printed with their source lines
/// and end the command with exit status 2; `CommandExit` ends it with its own status.
enum CommandRunner {
    static func run(_ options: GlobalOptions, _ body: (CommandContext) throws -> Void) throws {
        let context = CommandContext.current
        context.console.format = options.logFormat == .json ? .json : .text
        if context.console.invocationID.isEmpty { context.console.invocationID = UUID().uuidString.lowercased() }
        do {
            try body(context)
        } catch let error as DiagnosticError {
            context.console.report(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            if count > 1 { context.console.error("\(count) errors", event: "ErrorSummary") }
            throw CommandExit(.usageOrProjectError)
        } catch let error as Diagnostic {
            context.console.report([error])
            throw CommandExit(.usageOrProjectError)
        }
    }
}
