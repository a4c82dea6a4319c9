/// dbt's test query (`get_test_sql`): the failing rows of a test, counted.
///
/// ```sql
/// select
///   count(*) as failures,
///   count(*) != 0 as should_warn,
///   count(*) != 0 as should_error
/// from (
///   <test sql>
///   limit 100
/// ) dbt_internal_test
/// ```
///
/// `failCalc`, `warnIf` and `errorIf` are SQL fragments from the test's config; callers validate
/// the conditions (`TestCondition`) before building the query. The test SQL starts and ends on its
/// own line, so a trailing `--` comment in it cannot swallow the limit or the closing parenthesis.
/// Decode the single row with `decode(_:)`.
public struct TestResultQuery: SQLStatement, Hashable {
    public var select: String
    public var failCalc: String
    public var warnIf: String
    public var errorIf: String
    public var limit: Int?

    public init(select: String, failCalc: String = "count(*)", warnIf: String = "!= 0", errorIf: String = "!= 0", limit: Int? = nil) {
        self.select = select
        self.failCalc = failCalc
        self.warnIf = warnIf
        self.errorIf = errorIf
        self.limit = limit
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        let limitLine = limit.map { "\n      limit \($0)" } ?? ""
        return [
            """
            select
                  \(failCalc) as failures,
                  \(failCalc) \(warnIf) as should_warn,
                  \(failCalc) \(errorIf) as should_error
                from (
            \(select)\(limitLine)
                ) dbt_internal_test
            """
        ]
    }

    /// The counts of the query's one row: `failures` (NULL counts as 0), and whether the warn
    /// and error conditions hold (PostgreSQL booleans, SQLite 0/1).
    public static func decode(_ rows: [[String?]]) -> (failures: Int, shouldWarn: Bool, shouldError: Bool) {
        guard let row = rows.first else { return (0, false, false) }
        func flag(_ index: Int) -> Bool {
            guard index < row.count, let text = row[index]?.lowercased() else { return false }
            return text == "t" || text == "true" || (Double(text).map { $0 != 0 } ?? false)
        }
        let text = row.first.flatMap { $0 } ?? "0"
        let failures = Int(text) ?? Double(text).map { Int($0) } ?? 0
        return (failures, flag(1), flag(2))
    }
}
