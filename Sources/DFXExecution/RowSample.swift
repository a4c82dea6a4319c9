import Foundation

/// A few rows of a query, as text, for showing what a failing test found.
public struct RowSample: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[String?]]

    public init(columns: [String], rows: [[String?]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The rows as an aligned text table, `NULL` for nulls, values cut at 40 characters:
    ///
    /// ```
    /// id | n_records
    /// ---+----------
    /// 1  | 2
    /// ```
    public var table: [String] {
        let cells = rows.map { row in row.map { Self.cut($0 ?? "NULL") } }
        var widths = columns.map(\.count)
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { index, value in
                index == values.count - 1 ? value : value.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: " | ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-")
        return [line(columns), rule] + cells.map(line)
    }

    static func cut(_ text: String) -> String {
        let flat = text.replacing("\n", with: " ")
        return flat.count > 40 ? String(flat.prefix(39)) + "…" : flat
    }
}
