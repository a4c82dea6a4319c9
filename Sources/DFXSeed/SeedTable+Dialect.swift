import DFXBasics
import DFXSQL

extension SeedTable {
    /// Problems with the header names on `dialect`, located in the header line: a warning for each
    /// name the warehouse would truncate (PostgreSQL keeps 63 bytes), and an error for each name that
    /// becomes equal to an earlier one once truncated (the `CREATE TABLE` would fail).
    public func diagnostics(for dialect: SQLDialect) -> [Diagnostic] {
        guard let limit = dialect.maxIdentifierBytes else { return [] }
        var problems: [CSVProblem] = []
        var firstByName: [String: Int] = [:]
        for (column, name) in columnNames.enumerated() {
            let kept = Self.truncated(name, toBytes: limit)
            let offset = column < headerOffsets.count ? headerOffsets[column] : 0
            if let first = firstByName[kept] {
                problems.append(
                    CSVProblem(
                        offset: offset, message: "column name '\(name)' is the same as column \(first + 1)'s once truncated to \(limit) bytes",
                        hint: "shorten one of the names, or rename it with a model that selects from the seed",
                        notes: ["\(dialect.kind.rawValue) keeps the first \(limit) bytes of a name: '\(kept)'"]))
            } else {
                firstByName[kept] = column
                if kept != name {
                    problems.append(
                        CSVProblem(
                            offset: offset,
                            message: "column name '\(name)' is longer than \(limit) bytes; \(dialect.kind.rawValue) will call it '\(kept)'",
                            hint: "shorten the name in the header", severity: .warning))
                }
            }
        }
        return problems.isEmpty ? [] : Self.diagnostics(for: problems, in: bytes, path: path)
    }

    /// The longest prefix of `name` within `limit` UTF-8 bytes that ends on a character boundary, as
    /// PostgreSQL truncates identifiers.
    static func truncated(_ name: String, toBytes limit: Int) -> String {
        guard name.utf8.count > limit else { return name }
        var bytes = 0
        var result = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            let width = String(scalar).utf8.count
            if bytes + width > limit { break }
            bytes += width
            result.append(scalar)
        }
        return String(result)
    }
}
