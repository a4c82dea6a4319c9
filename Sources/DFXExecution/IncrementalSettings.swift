import DFXBasics

/// An incremental model's configuration: strategy, unique key, predicates, on_schema_change.
public struct IncrementalSettings: Sendable, Hashable {
    public enum Strategy: String, Sendable, CaseIterable { case append, deleteInsert = "delete+insert", merge }
    public enum SchemaChange: String, Sendable, CaseIterable {
        case ignore, fail
        case appendNewColumns = "append_new_columns"
        case syncAllColumns = "sync_all_columns"
    }

    public var strategy: Strategy
    public var uniqueKey: [String]
    public var predicates: [String]
    public var onSchemaChange: SchemaChange

    public init(strategy: Strategy, uniqueKey: [String] = [], predicates: [String] = [], onSchemaChange: SchemaChange = .ignore) {
        self.strategy = strategy
        self.uniqueKey = uniqueKey
        self.predicates = predicates
        self.onSchemaChange = onSchemaChange
    }

    /// The settings in a node's config; an unknown strategy or on_schema_change is an error.
    /// Without `incremental_strategy`: merge when a unique key is set, else append.
    public init(config: [String: ConfigValue]) throws(MaterializationError) {
        let key: [String]
        switch config["unique_key"] {
        case .list(let values)?: key = values.compactMap(\.scalarText)
        case let value?: key = value.scalarText.map { [$0] } ?? []
        case nil: key = []
        }
        uniqueKey = key.filter { !$0.isEmpty }
        predicates = config["incremental_predicates"]?.stringList ?? config["predicates"]?.stringList ?? []
        if let text = config["incremental_strategy"]?.scalarText, !text.isEmpty {
            guard let strategy = Strategy(rawValue: text.lowercased()) else {
                throw MaterializationError(
                    "unknown incremental_strategy '\(text)'", hint: "use one of: append, delete+insert, merge")
            }
            self.strategy = strategy
        } else {
            strategy = uniqueKey.isEmpty ? .append : .merge
        }
        if strategy != .append && uniqueKey.isEmpty {
            throw MaterializationError("incremental_strategy \(strategy.rawValue) needs a unique_key", hint: "set unique_key to a column or a list of columns")
        }
        if let text = config["on_schema_change"]?.scalarText, !text.isEmpty {
            guard let change = SchemaChange(rawValue: text.lowercased()) else {
                throw MaterializationError(
                    "unknown on_schema_change '\(text)'", hint: "use one of: ignore, append_new_columns, sync_all_columns, fail")
            }
            onSchemaChange = change
        } else {
            onSchemaChange = .ignore
        }
    }
}
