import DFXSQL

extension Materializer {
    /// Builds `select` as a view next to `target`, checks that it can be read (SQLite; PostgreSQL
    /// checks at creation), and swaps it in.
    public func buildView(_ target: RelationName, select: String, extras: [any SQLStatement] = []) throws {
        let built = intermediate(target, "tmp")
        do {
            dropQuietly(built)
            try run(CreateViewStatement(relation: built, select: select))
            // SQLite accepts a view over a missing table: reading it finds out now. PostgreSQL
            // checks every name when it creates the view, so the extra round trip is skipped there.
            if dialect.kind == .sqlite {
                _ = try connection.fetch("select * from " + built.rendered(dialect) + " where 1 = 0")
            }
        } catch {
            dropQuietly(built)
            throw MaterializationError.wrapping(error)
        }
        try swap(into: target, from: built, type: .view, viewSelect: select, extras: extras)
    }

    /// Builds `select` as a table next to `target` and swaps it in; returns its row count.
    @discardableResult
    public func buildTable(_ target: RelationName, select: String, extras: [any SQLStatement] = []) throws -> Int {
        let built = intermediate(target, "tmp")
        let rows: Int
        do {
            dropQuietly(built)
            let reported = try run(CreateTableAsStatement(relation: built, select: select))
            rows = dialect.reportsCreateTableAsRows ? reported : try count(built)
        } catch {
            dropQuietly(built)
            throw MaterializationError.wrapping(error)
        }
        try swap(into: target, from: built, type: .table, extras: extras)
        return rows
    }

    /// `select count(*)` of `relation`.
    func count(_ relation: RelationName) throws -> Int {
        let result = try connection.fetch("select count(*) from " + relation.rendered(dialect))
        return result.textRows.first?.first.flatMap { $0 }.flatMap { Int($0) } ?? 0
    }
}
