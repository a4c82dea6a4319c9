import ArgumentParser
import DFXBasics
import DFXProject
import Foundation

/// `dfx clean`: deletes the project's `clean-targets` (default: the target folder).
///
/// Refuses to delete anything outside the project folder, the project folder itself, or a
/// resource folder (models, seeds, ...): a typo in `clean-targets` must not cost work.
public struct CleanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "clean", abstract: "Delete the clean-targets folders (default: target/).")

    @OptionGroup public var global: GlobalOptions

    public init() {}

    public func run() throws {
        try CommandRunner.run(global) { context in
            let directory = global.projectDir.map { $0.hasPrefix("/") ? $0 : context.workingDirectory + "/" + $0 } ?? context.workingDirectory
            let project = try ProjectLoader(projectDir: directory, environment: context.environment).load()
            let settings = project.settings
            let root = project.rootPath
            let protected = Set(settings.resourcePaths.map { Self.normalize(root + "/" + $0) } + [root])
            for target in settings.cleanTargets ?? [settings.targetPath] {
                let path = Self.normalize(target.hasPrefix("/") ? target : root + "/" + target)
                guard path.hasPrefix(root + "/"), !protected.contains(path) else {
                    throw DiagnosticError(
                        Diagnostic(
                            .error, "refusing to clean '\(target)': it is outside the project or holds project files",
                            at: SourceLocation(file: settings.file, line: 1, column: 1),
                            hint: "list only generated folders (target, logs, dbt_packages) under clean-targets"))
                }
                guard FileManager.default.fileExists(atPath: path) else { continue }
                do {
                    try FileManager.default.removeItem(atPath: path)
                } catch {
                    throw DiagnosticError(Diagnostic(.error, "cannot delete \(path): \(error.localizedDescription)"))
                }
                context.console.info("Cleaned \(target)", event: "CleanedPath", data: ["path": .string(target)])
            }
        }
    }

    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }
}
