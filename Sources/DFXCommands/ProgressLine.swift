import DFXBasics
import DFXExecution

/// dbt-style progress lines: `12 of 40 OK created view analytics.stg_orders ........ [0.12s]`,
/// `13 of 40 FAIL 2 unique_orders_id ..... [FAIL 2 in 0.02s]` followed by what failed and the
/// first failing rows.
enum ProgressLine {
    static let width = 72

    static func report(_ result: NodeResult, total: Int, console: Console) {
        let prefix = "\(result.index) of \(total) "
        let time = "[\(format(result.executionTime))]"
        switch result.status {
        case .success where result.label.hasPrefix("seed file"):
            // dbt's seed line: `1 of 3 OK loaded seed file raw.orders ..... [INSERT 12 in 0.05s]`.
            let detail = "[\(result.message) in \(format(result.executionTime))]"
            console.info(dotted(prefix + "OK loaded " + result.label, detail), event: "NodeFinished", data: data(result))
        case .success:
            console.info(dotted(prefix + "OK " + result.message, time), event: "NodeFinished", data: data(result))
        case .pass:
            console.info(dotted(prefix + "PASS " + result.label, "[PASS in \(format(result.executionTime))]"), event: "NodeFinished", data: data(result))
        case .warn, .fail:
            let word = result.status == .warn ? "WARN" : "FAIL"
            let count = result.failures ?? 0
            console.info(
                dotted(prefix + "\(word) \(count) " + result.label, "[\(word) \(count) in \(format(result.executionTime))]"),
                event: "NodeFinished", data: data(result))
            let text = details(result).map { "  " + $0 }.joined(separator: "\n")
            if result.status == .warn {
                console.warning(text, event: "TestWarning", data: data(result))
            } else {
                console.error(text, event: "TestFailure", data: data(result))
            }
        case .error:
            console.info(dotted(prefix + "ERROR " + result.label, "[ERROR in \(format(result.executionTime))]"), event: "NodeFinished", data: data(result))
            console.error("  " + result.message.replacing("\n", with: "\n  "), event: "NodeError")
        case .skipped:
            console.info(dotted(prefix + "SKIP " + result.label, "[SKIP]"), event: "NodeFinished", data: data(result))
        }
    }

    /// What a failing or warning test found: the sentence and dbt's message, where the stored
    /// failures are, then the first failing rows as a table.
    static func details(_ result: NodeResult) -> [String] {
        var lines = [(result.summary.map { $0 + " (" + result.message + ")" } ?? result.message)]
        if let relation = result.relationName { lines.append("failing rows stored in \(relation)") }
        if let sample = result.sample, !sample.rows.isEmpty {
            let shown = sample.rows.count
            lines.append("first \(shown == 1 ? "failing row" : "\(shown) failing rows"):")
            lines += sample.table.map { "  " + $0 }
        }
        return lines
    }

    static func dotted(_ left: String, _ right: String) -> String {
        let dots = max(3, width - left.count - 1)
        return left + " " + String(repeating: ".", count: dots) + " " + right
    }

    static func format(_ seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)s"
    }

    static func data(_ result: NodeResult) -> [String: ConfigValue] {
        var data: [String: ConfigValue] = [
            "unique_id": .string(result.uniqueID), "status": .string(result.status.rawValue), "execution_time": .double(result.executionTime),
        ]
        if let failures = result.failures { data["failures"] = .int(failures) }
        if let summary = result.summary { data["summary"] = .string(summary) }
        if let sample = result.sample {
            data["sample"] = .dict([
                "columns": .list(sample.columns.map(ConfigValue.string)),
                "rows": .list(sample.rows.map { row in .list(row.map { $0.map(ConfigValue.string) ?? .null }) }),
            ])
        }
        if let relation = result.relationName { data["relation_name"] = .string(relation) }
        return data
    }
}
