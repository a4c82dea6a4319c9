/// One open connection to a warehouse: what materializations, seeds and tests run statements on.
///
/// Implementations own their C handles (closed when the connection is released) and are not
/// `Sendable`: a connection belongs to one worker at a time; only its `StatementCanceller` crosses
/// threads. Values are always bound as parameters (`$1`, `$2` on PostgreSQL; `?` or `?1` on
/// SQLite), never interpolated into the text. A statement text without parameters may hold
/// several statements separated by semicolons; the result is the last one's.
///
/// `fetch(_:)` is `query(_:parameters: [])`; it has its own name because the concrete connections
/// keep an older `query(_:)` that returns rows as text.
public protocol WarehouseConnection: AnyObject {
    /// The SQL dialect this connection speaks, for rendering statements to send to it.
    var dialect: SQLDialect { get }

    /// Runs `sql` with `parameters` bound and returns the number of rows it changed.
    @discardableResult
    func execute(_ sql: String, parameters: [SQLValue]) throws(DatabaseError) -> Int

    /// Runs `sql` with `parameters` bound and returns its columns and typed rows.
    func query(_ sql: String, parameters: [SQLValue]) throws(DatabaseError) -> QueryResult

    /// Whether a transaction is open on this connection.
    var isInTransaction: Bool { get }

    /// Opens a transaction (`begin` on PostgreSQL, `begin immediate` on SQLite so that the write
    /// lock is taken up front and a busy database waits instead of failing mid-transaction).
    func beginTransaction() throws(DatabaseError)

    /// Loads `rows` into `table` (a relation name already rendered by `dialect`), one value per
    /// name in `columns`, and returns how many rows were loaded: all of them or, on failure, none.
    /// PostgreSQL streams them with `COPY ... FROM STDIN`; SQLite runs one prepared `insert` per
    /// row inside one transaction (or inside the caller's, when one is open).
    @discardableResult
    func loadRows<Rows: Sequence>(into table: String, columns: [String], rows: Rows) throws(DatabaseError) -> Int
    where Rows.Element == [SQLValue]

    /// Runs `body` with each statement limited to `milliseconds` (nil: no limit, `body` runs as
    /// is). A statement over the limit fails: SQLSTATE `57014` on PostgreSQL (`set local
    /// statement_timeout`, in a transaction of its own when none is open), result code `9` on
    /// SQLite (a progress handler), both with the message `canceling statement due to statement
    /// timeout`.
    func withStatementTimeout<Result>(milliseconds: Int?, _ body: () throws -> Result) throws -> Result

    /// A canceller for the statements this connection runs; see `StatementCanceller`.
    func makeCanceller() -> any StatementCanceller
}
