import ArgumentParser
import DFXBasics
import DFXCompiler
import DFXYAML

/// `dfx run-operation MACRO --args '{...}'`: calls a macro with the warehouse connected, as dbt does
/// (maintenance, grants, data generation: the macro runs its statements with `run_query` or
/// `{% call statement() %}`).
public struct RunOperationCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run-operation",
        abstract: "Call a macro with the warehouse connected (its run_query and statement blocks execute).")

    @OptionGroup public var global: GlobalOptions

    @Argument(help: "The macro to call: name or package.name.")
    public var macro: String

    @Option(help: "Keyword arguments for the macro, as YAML or JSON: --args '{scale: 0.01}'.")
    public var args: String?

    public init() {}

    public func run() throws {
        try CommandRunner.run(global) { context in
            let console = context.console
            let workspace = try Workspace.load(global, context: context, command: "run-operation")
            let arguments = try parsedArguments()
            let factory = ConnectionFactory(target: workspace.target, projectRoot: workspace.project.rootPath)
            let database = TemplateDatabase(dialect: factory.dialect, open: { try factory.open() })
            let compiler = NodeCompiler(manifest: workspace.manifest, dialect: factory.dialect)
            console.info("Running macro \(macro) on \(workspace.target.type) target \(workspace.target.name)", event: "OperationStart")
            do {
                _ = try compiler.callMacro(macro, arguments: arguments, database: database)
            } catch let error as DiagnosticError {
                // A failing macro is a failed operation (exit 1), not a problem in the project (2).
                console.report(error.diagnostics)
                throw CommandExit(.failure)
            }
            console.info("Done. Macro \(macro) ran.", event: "OperationDone")
        }
    }

    /// `--args` parsed as a mapping.
    func parsedArguments() throws(DiagnosticError) -> [String: ConfigValue] {
        guard let args, !args.isEmpty else { return [:] }
        guard let node = try YAML.parse(args, file: "--args") else { return [:] }
        guard node.mapping != nil, case .dict(let entries) = try node.configValue() else {
            throw DiagnosticError(node.typeMismatch("--args", expected: "a mapping", hint: "write --args '{name: value}'"))
        }
        return entries
    }
}
