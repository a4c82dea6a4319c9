import DFXCompiler
import DFXSQL

/// What a `row_count_drift` test measured: the relation's rows now and at the last successful run.
struct RowCountDrift {
    var relation: RelationName
    var current: Int
    var previous: Int?
    /// As written in the test's arguments.
    var maxChangePercent: String

    /// `orders has 130 rows, 30% more than the 100 of its last successful run (allowed: 20%)`.
    func sentence(_ node: Node) -> String {
        guard let previous else { return "\(relation.name) has \(current) rows and no earlier count" }
        let change = previous == 0 ? nil : Double(current - previous) * 100 / Double(previous)
        let size = change.map { Self.percent(abs($0)) + "% " + ($0 < 0 ? "fewer" : "more") } ?? "more"
        return "\(relation.name) has \(current) row\(current == 1 ? "" : "s"), \(size) than the \(previous) of its last successful run"
            + " (allowed: \(maxChangePercent)%)"
    }

    /// `30`, `12.5`.
    static func percent(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }
}
