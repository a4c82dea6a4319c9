/// The first rows of a query, for showing what a failing test found:
/// `select * from (<sql>) dfx_sample limit <n>`. The inner SQL starts and ends on its own line.
public struct SampleRowsQuery: SQLStatement, Hashable {
    public var select: String
    public var limit: Int

    public init(select: String, limit: Int) {
        self.select = select
        self.limit = limit
    }

    public func render(_ dialect: SQLDialect) -> [String] {
        ["select * from (\n" + select + "\n) dfx_sample limit \(max(0, limit))"]
    }
}
