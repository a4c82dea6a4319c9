import DFXSQL
import DFXTemplate

/// A query's result as dbt's templates see it (an agate table): `table.rows`, `table.columns`,
/// `table.column_names`, `table[0]`, `for row in table`, `table | length`,
/// `table.columns[0].values()`, `table.columns['name'].values()`, `row[0]`, `row['name']`,
/// `row.name`, and a no-op `print_table()`.
struct QueryTable: TemplateObject {
    let names: [String]
    let rows: [QueryRow]

    init(_ result: QueryResult) {
        names = result.columnNames
        let names = self.names
        rows = result.rows.map { QueryRow(names: names, values: $0.map(Self.value)) }
    }

    /// A typed warehouse value as a template value: numbers stay numbers, dates and timestamps
    /// are their text.
    static func value(_ value: SQLValue) -> Value {
        switch value {
        case .null: return .none
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(Int(number))
        case .double(let number): return .double(number)
        case .decimal(let text): return Double(text).map(Value.double) ?? .string(text)
        default: return value.text.map(Value.string) ?? .none
        }
    }

    var renderedString: String { "<Table \(rows.count) rows × \(names.count) columns>" }

    var iterationValues: [Value]? { rows.map { .object($0) } }

    func item(_ key: Value) -> Value? {
        guard let index = key.asInt else { return nil }
        let resolved = index < 0 ? index + rows.count : index
        return rows.indices.contains(resolved) ? .object(rows[resolved]) : nil
    }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "rows": return .list(rows.map { .object($0) })
        case "columns": return .object(QueryColumns(table: self))
        case "column_names": return .list(names.map(Value.string))
        case "print_table": return .function(NativeFunction("print_table") { _ in .none })
        default: return nil
        }
    }

    func column(_ index: Int) -> QueryColumn {
        QueryColumn(name: names[index], values: rows.map { $0.values[index] })
    }
}

/// One row: indexable by position and by column name.
struct QueryRow: TemplateObject {
    let names: [String]
    let values: [Value]

    var renderedString: String { "(" + values.map { $0.renderedString() }.joined(separator: ", ") + ")" }
    var iterationValues: [Value]? { values }

    func item(_ key: Value) -> Value? {
        if let index = key.asInt {
            let resolved = index < 0 ? index + values.count : index
            return values.indices.contains(resolved) ? values[resolved] : nil
        }
        if let name = key.asString { return attribute(name) }
        return nil
    }

    func attribute(_ name: String) -> Value? {
        if let index = names.firstIndex(of: name) ?? names.firstIndex(where: { $0.lowercased() == name.lowercased() }) {
            return values[index]
        }
        if name == "values" { return .function(NativeFunction("values") { [values] _ in .list(values) }) }
        if name == "keys" { return .function(NativeFunction("keys") { [names] _ in .list(names.map(Value.string)) }) }
        return nil
    }
}

/// `table.columns`: by position or by name.
struct QueryColumns: TemplateObject {
    let table: QueryTable

    var renderedString: String { "<Columns " + table.names.joined(separator: ", ") + ">" }
    var iterationValues: [Value]? { table.names.indices.map { .object(table.column($0)) } }

    func item(_ key: Value) -> Value? {
        if let index = key.asInt {
            let resolved = index < 0 ? index + table.names.count : index
            return table.names.indices.contains(resolved) ? .object(table.column(resolved)) : nil
        }
        if let name = key.asString { return attribute(name) }
        return nil
    }

    func attribute(_ name: String) -> Value? {
        table.names.firstIndex(of: name).map { .object(table.column($0)) }
    }
}

/// One column: `name` and `values()`.
struct QueryColumn: TemplateObject {
    let name: String
    let values: [Value]

    var renderedString: String { "<Column \(name)>" }
    var iterationValues: [Value]? { values }

    func attribute(_ attribute: String) -> Value? {
        switch attribute {
        case "name": return .string(name)
        case "values":
            let values = self.values
            return .function(NativeFunction(attribute) { _ in .list(values) })
        default: return nil
        }
    }
}
