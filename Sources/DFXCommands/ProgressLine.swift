import DFXBasics
import DFXExecution

/// dbt-style progress lines: `12 of 40 OK created view analytics.stg_orders ........ [0.12s]`.
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
        case .error:
            console.info(dotted(prefix + "ERROR " + result.label, "[ERROR in \(format(result.executionTime))]"), event: "NodeFinished", data: data(result))
            console.error("  " + result.message.replacing("\n", with: "\n  "), event: "NodeError")
        case .skipped:
            console.info(dotted(prefix + "SKIP " + result.label, "[SKIP]"), event: "NodeFinished", data: data(result))
        }
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
        ["unique_id": .string(result.uniqueID), "status": .string(result.status.rawValue), "execution_time": .double(result.executionTime)]
    }
}
