import ArgumentParser
import DFXBasics
import DFXProject
import DFXSQL
import Foundation

/// `dfx debug`: checks the installation, the project file, the profile and the connection.
public struct DebugCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "debug", abstract: "Check the project file, the profile and the connection to the target.")

    @OptionGroup public var global: GlobalOptions

    @Flag(help: "Check the connection only.")
    public var connection = false

    public init() {}

    public func run() throws {
        try CommandRunner.run(global) { context in
            let console = context.console
            var failed = false
            func line(_ ok: Bool, _ text: String) {
                let mark = ok ? console.colored("OK", "32") : console.colored("ERROR", "31")
                console.info("  \(text) [\(mark)]", event: "DebugCheck", data: ["ok": .bool(ok), "check": .string(text)])
                if !ok { failed = true }
            }
            console.info("dfx \(DFXVersion.current)", event: "DebugVersion")
            let directory = global.projectDir.map { $0.hasPrefix("/") ? $0 : context.workingDirectory + "/" + $0 } ?? context.workingDirectory
            let project: Project
            do throws(DiagnosticError) {
                project = try ProjectLoader(projectDir: directory, cliVars: try global.parsedVars(), environment: context.environment).load()
                if !connection { line(true, "project file: \(project.rootPath)/\(project.settings.file) (project '\(project.settings.name)')") }
            } catch {
                console.report(error.diagnostics)
                line(false, "project file in \(directory)")
                throw CommandExit(.failure)
            }
            let loader = ProfileLoader(
                projectRoot: project.rootPath,
                profilesDir: global.profilesDir.map { $0.hasPrefix("/") ? $0 : context.workingDirectory + "/" + $0 }, environment: context.environment,
                targetPath: project.settings.targetPath)
            let target: TargetSettings
            do throws(DiagnosticError) {
                target = try loader.load(profileName: global.profile ?? project.settings.profile, targetName: global.target)
                let source = loader.profilesFile() ?? "none found: the embedded SQLite default"
                if !connection { line(true, "profiles.yml: \(source)") }
                console.info("  \(target)", event: "DebugTarget")
            } catch {
                console.report(error.diagnostics)
                line(false, "profile")
                throw CommandExit(.failure)
            }
            do throws(DatabaseError) {
                line(true, "connection: " + (try TargetConnector.check(target)))
            } catch {
                console.error("  \(error.description)", event: "DebugConnectionError")
                line(false, "connection to target '\(target.name)' (\(target.type))")
            }
            if failed { throw CommandExit(.failure) }
            console.info("All checks passed!", event: "DebugComplete")
        }
    }
}
