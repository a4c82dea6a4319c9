/// The SQL texts a materialization ran, in order, for `target/run/<path>.sql`.
public final class StatementLog {
    /// Every statement executed, without trailing semicolons.
    public private(set) var statements: [String] = []
    /// The model's compiled SQL as embedded in those statements, so that a database error's
    /// position can be mapped back to the model file (`ModelErrorLocator`).
    public internal(set) var modelSQL: String?

    public init() {}

    func record(_ sql: String) { statements.append(sql) }

    /// The statements as one file: each followed by `;` and a blank line.
    public var text: String { statements.map { $0 + ";\n" }.joined(separator: "\n") }
}
