import DFXBasics
import DFXProject
import DFXTemplate

extension ParseState {
    /// Test-path files under a `generic/` folder define generic tests, like macro files.
    var genericTestFiles: [ProjectFile] {
        project.tests.filter { $0.pathInResourceFolder.hasPrefix("generic/") }
    }

    /// Registers dfx's built-in macros (namespaces `dbt` and `dfx`), then the project's macro files
    /// and generic test definitions (namespace: the project's name), so a project macro wins.
    mutating func registerMacros() {
        for (source, path) in [(BuiltinMacros.source, BuiltinMacros.path), (CrossDatabaseMacros.source, CrossDatabaseMacros.path)] {
            guard let builtin = compileTemplate(source, path: path) else { continue }
            for namespace in ["dbt", "dfx"] {
                do { try environment.addMacros(from: builtin, namespace: namespace) } catch { errors.append(contentsOf: error.diagnostics) }
            }
        }
        var seen: [String: SourceLocation] = [:]
        var macroFiles: [(names: [String], template: Template)] = []
        for file in project.macros + genericTestFiles where file.path.hasSuffix(".sql") {
            guard let template = compileTemplate(file.contents, path: file.path) else { continue }
            macroFiles.append((template.blocks.filter { $0.kind == .macro }.map(\.name), template))
            for block in template.blocks {
                let name: String
                switch block.kind {
                case .macro: name = block.name
                case .test: name = "test_" + block.name
                default: continue
                }
                if let first = seen[name] {
                    errors.append(
                        Diagnostic(
                            .error, "macro '\(name)' is defined twice", at: block.location,
                            hint: "rename or remove one of them", notes: ["first defined at \(first)"]))
                    continue
                }
                seen[name] = block.location
                macros.append(
                    MacroInfo(
                        uniqueID: "macro.\(packageName).\(name)", name: name, packageName: packageName,
                        originalFilePath: file.path, location: block.location))
            }
            do { try environment.addMacros(from: template, namespace: packageName) } catch { errors.append(contentsOf: error.diagnostics) }
        }
        let names = Set(macros.map(\.name))
        extractionNames = ProjectParser.extractedCalls.union(names).union(["adapter"])
        dependencyMacros = Self.macrosReachingExtractedCalls(macroFiles, macroNames: names)
    }

    /// Project macros that may call `ref`, `source` or `config`, directly or through other project
    /// macros (or `adapter.dispatch`, which may pick any of them): a node calling one of these must
    /// be rendered to learn its dependencies. Decided per file, to a fixed point.
    static func macrosReachingExtractedCalls(_ files: [(names: [String], template: Template)], macroNames: Set<String>) -> Set<String> {
        let watched = ProjectParser.extractedCalls.union(macroNames).union(["adapter"])
        let calls = files.map { file in
            let report = file.template.staticCalls(to: watched)
            return Set(report.calls.map(\.name)).union(report.nonLiteralNames)
        }
        var relevant = Set<String>()
        var changed = true
        while changed {
            changed = false
            for (file, called) in zip(files, calls) where !file.names.allSatisfy(relevant.contains) {
                let reaches = !called.isDisjoint(with: ProjectParser.extractedCalls) || called.contains("adapter")
                    || !called.isDisjoint(with: relevant)
                if reaches {
                    relevant.formUnion(file.names)
                    changed = true
                }
            }
        }
        return relevant
    }

    /// Reads `{% docs name %}` blocks from `.md` files under the docs paths.
    mutating func collectDocs() {
        for file in project.docs {
            guard let template = compileTemplate(file.contents, path: file.path) else { continue }
            for block in template.blocks where block.kind == .docs {
                if let first = docs[block.name] {
                    errors.append(
                        Diagnostic(
                            .error, "docs block '\(block.name)' is defined twice", at: block.location,
                            notes: ["first defined in \(first.originalFilePath)"]))
                    continue
                }
                docs[block.name] = DocBlock(
                    name: block.name, text: block.rawText.trimmingSpaces, originalFilePath: file.path, packageName: packageName)
            }
        }
    }
}
