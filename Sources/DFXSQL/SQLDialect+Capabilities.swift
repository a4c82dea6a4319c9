/// What each warehouse can do, derived from the dialect's `kind` alone so that rendering and the
/// materializations never need a live connection to decide how to spell a statement.
extension SQLDialect {
    /// Whether `MERGE INTO ... USING ... ON ...` exists. True for PostgreSQL, which has it from
    /// version 15: a caller talking to an older server checks `serverVersion` and falls back to
    /// delete+insert. SQLite has no MERGE: `MergeStatement` renders an UPDATE ... FROM and an
    /// INSERT ... WHERE NOT EXISTS there instead.
    public var supportsMerge: Bool { kind == .postgres }

    /// Whether a view can be renamed in place (`alter view ... rename to`). SQLite cannot: a view
    /// rename is rendered as drop + create from the view's definition.
    public var supportsViewRename: Bool { kind == .postgres }

    /// Whether tables and columns carry comments (`comment on ...`); SQLite has none.
    public var supportsComments: Bool { kind == .postgres }

    /// Whether privileges can be granted to roles; SQLite has no roles.
    public var supportsGrants: Bool { kind == .postgres }

    /// Whether transaction-scoped advisory locks exist (`pg_advisory_xact_lock`). On SQLite the
    /// write lock taken by `begin immediate` already serializes writers.
    public var supportsAdvisoryLocks: Bool { kind == .postgres }

    /// Whether `create table ... as select` reports the rows it created (PostgreSQL's `SELECT n`);
    /// SQLite's change counter ignores it, so the rows are counted after.
    public var reportsCreateTableAsRows: Bool { kind == .postgres }

    /// Whether `create unlogged table` exists; elsewhere the option is ignored.
    public var supportsUnloggedTables: Bool { kind == .postgres }

    /// Whether an index can name its access method (`using btree|hash|gin|gist|brin`).
    public var supportsIndexMethods: Bool { kind == .postgres }

    /// Whether DDL takes part in transactions (both do: a failed swap rolls back completely).
    public var supportsTransactionalDDL: Bool { true }

    /// The operator for "equal, or both NULL": `is not distinct from` on PostgreSQL, `is` on SQLite.
    public var nullSafeEqualityOperator: String {
        switch kind {
        case .postgres: "is not distinct from"
        case .sqlite: "is"
        }
    }

    /// How a write transaction starts. On SQLite `begin immediate` takes the write lock at once, so
    /// that two writers wait on the busy timeout instead of failing to upgrade a read lock.
    public var beginTransactionKeyword: String {
        switch kind {
        case .postgres: "begin"
        case .sqlite: "begin immediate"
        }
    }
}

extension SQLDialect {
    /// Whether the warehouse would keep `name` whole: PostgreSQL silently truncates identifiers
    /// longer than 63 bytes, so two long intermediate names could become one. Check generated
    /// names (such as a relation's invocation-unique intermediate) before using them.
    public func keepsIdentifier(_ name: String) -> Bool {
        guard let maxIdentifierBytes else { return true }
        return name.utf8.count <= maxIdentifierBytes
    }
}

extension SQLDialect {
    /// The bound-parameter placeholder for the 1-based `index`: `$1` on PostgreSQL, `?1` on SQLite.
    public func placeholder(_ index: Int) -> String {
        switch kind {
        case .postgres: "$" + String(index)
        case .sqlite: "?" + String(index)
        }
    }
}
