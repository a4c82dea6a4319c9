import DFXBasics
import DFXCompiler
import DFXExecution
import Foundation

/// A JUnit XML report of a run (`--junit-xml PATH`), in the shape GitHub Actions reporters,
/// GitLab and Jenkins read: one `<testsuite>` for the command, one `<testcase>` per test and per
/// built node. A failing test is a `<failure>` (message, failing-row sample, compiled SQL), a node
/// or test that could not run an `<error>`, a skipped one `<skipped>`; a warning passes, with its
/// message under `<system-out>`.
struct JUnitReport {
    let command: String
    let results: [NodeResult]
    let manifest: Manifest
    let elapsed: Double
    var timestamp = TimestampText.now().iso8601

    init(command: String, results: [NodeResult], manifest: Manifest, elapsed: Double) {
        self.command = command
        self.results = results
        self.manifest = manifest
        self.elapsed = elapsed
    }

    /// The report's text.
    var xml: String {
        let failures = results.filter { $0.status == .fail }.count
        let errors = results.filter { $0.status == .error }.count
        let skipped = results.filter { $0.status == .skipped }.count
        let counts = "tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(seconds(elapsed))\""
        let name = XMLText.attribute("dfx " + command)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(name)\" \(counts)>\n"
        out += "  <testsuite name=\"\(name)\" \(counts) timestamp=\"\(XMLText.attribute(timestamp))\">\n"
        for result in results { out += testcase(result) }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    func testcase(_ result: NodeResult) -> String {
        let node = manifest.node(result.uniqueID)
        var attributes = "name=\"\(XMLText.attribute(node?.name ?? result.uniqueID))\""
        let classname = node.map { $0.packageName + "." + $0.resourceType.rawValue } ?? "dfx"
        attributes += " classname=\"\(XMLText.attribute(classname))\""
        if let node {
            let isGeneric = node.resourceType == .test && node.testMetadata != nil
            attributes += " file=\"\(XMLText.attribute(isGeneric ? node.location.file : node.originalFilePath))\""
            if isGeneric { attributes += " line=\"\(node.location.line)\"" }
        }
        attributes += " time=\"\(seconds(result.executionTime))\""
        var body = ""
        switch result.status {
        case .success, .pass:
            break
        case .warn:
            body = "      <system-out>\(XMLText.escape("WARN: " + explanation(result)))</system-out>\n"
        case .fail:
            body = "      <failure type=\"test failure\" message=\"\(XMLText.attribute(headline(result)))\">"
                + XMLText.escape(explanation(result)) + "</failure>\n"
        case .error:
            body = "      <error type=\"error\" message=\"\(XMLText.attribute(firstLine(result.message)))\">"
                + XMLText.escape(result.message + sqlSection(result)) + "</error>\n"
        case .skipped:
            body = "      <skipped message=\"\(XMLText.attribute(result.message))\"/>\n"
        }
        if body.isEmpty { return "    <testcase \(attributes)/>\n" }
        return "    <testcase \(attributes)>\n" + body + "    </testcase>\n"
    }

    /// `2 values of orders.id appear more than once (Got 2 results, configured to fail if != 0)`.
    func headline(_ result: NodeResult) -> String {
        result.summary.map { $0 + " (" + result.message + ")" } ?? result.message
    }

    /// The headline, the failing-row sample, where failures are stored, and the compiled SQL.
    func explanation(_ result: NodeResult) -> String {
        var text = headline(result)
        if let relation = result.relationName { text += "\nfailing rows stored in \(relation)" }
        if let sample = result.sample, !sample.rows.isEmpty {
            text += "\n\nfirst failing rows:\n" + sample.table.joined(separator: "\n")
        }
        return text + sqlSection(result)
    }

    func sqlSection(_ result: NodeResult) -> String {
        guard let sql = result.compiledCode?.trimmingCharacters(in: .whitespacesAndNewlines), !sql.isEmpty else { return "" }
        return "\n\ncompiled SQL:\n" + sql
    }

    func firstLine(_ text: String) -> String {
        String(text.prefix { $0 != "\n" })
    }

    func seconds(_ value: Double) -> String {
        String(format: "%.3f", value)
    }

    /// Writes the report to `path` atomically (temporary file, then rename), creating its folder.
    func write(to path: String) throws(DiagnosticError) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        } catch {
            throw DiagnosticError(Diagnostic(.error, "cannot create \(folder): \(error.localizedDescription)"))
        }
        let temporary = ArtifactWriter.temporaryPath(for: path)
        guard ArtifactWriter.writeFile(temporary, bytes: Array(xml.utf8)), rename(temporary, path) == 0 else {
            unlink(temporary)
            throw DiagnosticError(Diagnostic(.error, "cannot write the JUnit report \(path)", hint: "check that the folder is writable"))
        }
    }
}
