/// A message the server sent alongside a statement that did not fail it (PostgreSQL's `NOTICE`,
/// `WARNING`, `INFO`, `DEBUG` and `LOG` from `raise notice` and from DDL such as
/// `drop table if exists` on a missing table).
public struct DatabaseNotice: Sendable, Hashable {
    /// The severity as the server names it (`NOTICE`, `WARNING`, ...), not localized.
    public var severity: String
    /// The SQLSTATE (`00000` for a plain notice, `01xxx` for warnings).
    public var code: String?
    public var message: String
    public var detail: String?
    public var hint: String?

    public init(severity: String, code: String? = nil, message: String, detail: String? = nil, hint: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.detail = detail
        self.hint = hint
    }
}
