/// Transaction control: `begin` (`begin immediate` on SQLite, see
/// `SQLDialect.beginTransactionKeyword`), `commit`, `rollback`.
public enum TransactionStatement: SQLStatement, Hashable {
    case begin
    case commit
    case rollback

    public func render(_ dialect: SQLDialect) -> [String] {
        switch self {
        case .begin: [dialect.beginTransactionKeyword]
        case .commit: ["commit"]
        case .rollback: ["rollback"]
        }
    }
}
