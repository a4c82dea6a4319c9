import DFXSQL

extension Materializer {
    /// Builds `select` as a view next to `target` and swaps it in. The view is created inside the
    /// swap's transaction (see `swap`), and read once there on SQLite, which accepts a view over a
    /// missing table (PostgreSQL checks every name when it creates the view).
    public func buildView(_ target: RelationName, select: String, extras: [any SQLStatement] = []) throws {
        let built = intermediate(target, "tmp")
        try swap(into: target, from: built, type: .view, viewSelect: select, extras: extras) {
            try run(CreateViewStatement(relation: built, select: select))
            if dialect.kind == .sqlite {
                _ = try connection.fetch("select * from " + built.rendered(dialect) + " where 1 = 0")
            }
        }
    }

    /// Builds `select` as a table next to `target` and swaps it in; returns its row count.
    @discardableResult
    public func buildTable(_ target: RelationName, select: String, extras: [any SQLStatement] = []) throws -> Int {
        let built = intermediate(target, "tmp")
        let rows: Int
        do {
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
