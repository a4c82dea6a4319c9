import DFXBasics
import DFXCompiler

/// A source table's `freshness:` (dbt's `FreshnessThreshold`): `warn_after` and `error_after`
/// (`count` and `period`: minute, hour or day) and an optional `filter`.
public struct FreshnessCriteria: Sendable, Hashable {
    /// `{count: 12, period: hour}`.
    public struct Threshold: Sendable, Hashable {
        public var count: Int
        public var period: String

        /// The threshold in seconds.
        public var seconds: Double {
            let unit: Double = period == "minute" ? 60 : period == "hour" ? 3600 : 86400
            return Double(count) * unit
        }

        /// dbt's `exceeded`: strictly older than the threshold.
        public func isExceeded(byAge age: Double) -> Bool { age > seconds }
    }

    public enum Status: String, Sendable { case pass, warn, error }

    public var warnAfter: Threshold?
    public var errorAfter: Threshold?
    public var filter: String?

    /// The criteria of `node` (a source table), nil when it has none to check (no `freshness:`, an
    /// explicit `freshness: null`, or neither threshold). A malformed threshold is an error at the
    /// table's YAML entry.
    public init?(node: Node) throws(DiagnosticError) {
        guard let entries = node.freshness?.dictValue else { return nil }
        func threshold(_ key: String) throws(DiagnosticError) -> Threshold? {
            guard let value = entries[key], value != .null else { return nil }
            let fields = value.dictValue ?? [:]
            let count = fields["count"].flatMap { $0.scalarText }.flatMap { Int($0) }
            let period = fields["period"]?.scalarText?.lowercased()
            guard let count, count > 0, let period, ["minute", "hour", "day"].contains(period) else {
                throw DiagnosticError(
                    Diagnostic(
                        .error, "freshness \(key) of source \(node.sourceName ?? "").\(node.name) needs a positive count and a period",
                        at: node.location, hint: "write \(key): {count: 12, period: hour} (period: minute, hour or day)"))
            }
            return Threshold(count: count, period: period)
        }
        warnAfter = try threshold("warn_after")
        errorAfter = try threshold("error_after")
        filter = entries["filter"]?.scalarText
        if warnAfter == nil && errorAfter == nil { return nil }
    }

    /// dbt's status for data `age` seconds old: error past `error_after`, else warn past
    /// `warn_after`, else pass.
    public func status(age: Double) -> Status {
        if let errorAfter, errorAfter.isExceeded(byAge: age) { return .error }
        if let warnAfter, warnAfter.isExceeded(byAge: age) { return .warn }
        return .pass
    }

    /// The criteria as sources.json records them.
    public var configValue: ConfigValue {
        func entry(_ threshold: Threshold?) -> ConfigValue {
            guard let threshold else { return .dict(["count": .null, "period": .null]) }
            return .dict(["count": .int(threshold.count), "period": .string(threshold.period)])
        }
        return .dict(["warn_after": entry(warnAfter), "error_after": entry(errorAfter), "filter": filter.map(ConfigValue.string) ?? .null])
    }
}
