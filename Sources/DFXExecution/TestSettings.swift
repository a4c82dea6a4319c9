import DFXBasics
import DFXCompiler
import DFXSQL

/// A data test's configuration, as dbt reads it: `severity`, `error_if`, `warn_if`, `fail_calc`,
/// `limit`, `store_failures`, `store_failures_as`.
public struct TestSettings: Sendable, Hashable {
    public enum Severity: String, Sendable { case warn, error }

    public var severity: Severity = .error
    public var errorIf = TestCondition.nonZero
    public var warnIf = TestCondition.nonZero
    /// The SQL aggregate counting failures (dbt's `fail_calc`), `count(*)` by default.
    public var failCalc = "count(*)"
    public var limit: Int?
    /// Where to keep the failing rows, or nil: `table` or `view`.
    public var storeFailuresAs: RelationType?

    public init() {}

    /// The settings in `config`; `storeFailures` (the `--store-failures` flag) turns storing on for
    /// every test, as dbt's flag does. Bad values are errors (the parser reports most of them
    /// first, at their YAML line).
    public init(config: [String: ConfigValue], storeFailures: Bool = false) throws(MaterializationError) {
        if let text = config["severity"]?.scalarText {
            guard let severity = Severity(rawValue: text.lowercased()) else {
                throw MaterializationError("severity must be warn or error, not '\(text)'")
            }
            self.severity = severity
        }
        for key in ["error_if", "warn_if"] {
            guard let text = config[key]?.scalarText else { continue }
            guard let condition = TestCondition(text) else {
                throw MaterializationError("bad \(key): " + (TestCondition.problem(text) ?? text))
            }
            if key == "error_if" { errorIf = condition } else { warnIf = condition }
        }
        if let text = config["fail_calc"]?.scalarText, !text.isEmpty { failCalc = text }
        if let value = config["limit"], value != .null {
            guard let limit = Int(value.scalarText ?? ""), limit >= 0 else { throw MaterializationError("limit must be a whole number of rows") }
            self.limit = limit
        }
        // dbt: `store_failures_as` alone turns storing on (ephemeral turns it off), and so does
        // `store_failures: true` (as a table unless `store_failures_as` says view).
        let store = config["store_failures"]?.boolValue ?? storeFailures
        switch config["store_failures_as"]?.scalarText?.lowercased() {
        case "table"?: storeFailuresAs = .table
        case "view"?: storeFailuresAs = .view
        case "ephemeral"?: storeFailuresAs = nil
        case nil: storeFailuresAs = store ? .table : nil
        case let other?: throw MaterializationError("store_failures_as must be table, view or ephemeral, not '\(other)'")
        }
    }
}
