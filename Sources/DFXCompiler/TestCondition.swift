/// A test's `error_if` / `warn_if` condition: a comparison operator and a number (`!= 0`,
/// `>10`, `>= 0.5`), as dbt pastes it after the failure count in the test query.
///
/// dbt inserts the text unchecked; dfx accepts only an operator and a number, so a typo is
/// reported at the YAML line instead of as a syntax error in generated SQL, and nothing else can
/// be injected into the query.
public struct TestCondition: Sendable, Hashable, CustomStringConvertible {
    /// `=`, `!=`, `<>`, `<`, `<=`, `>` or `>=` (`==` is read as `=`).
    public var comparison: String
    /// The number, as written.
    public var number: String
    /// The whole condition as written (`>0`): pasted into the query and quoted in messages, as dbt does.
    public var text: String

    /// dbt's default for both conditions: `!= 0`.
    public static let nonZero = TestCondition(comparison: "!=", number: "0", text: "!= 0")

    static let operators = ["!=", "<>", "<=", ">=", "==", "=", "<", ">"]

    /// Parses `text`; nil when it is not an operator followed by a number.
    public init?(_ text: String) {
        var rest = Substring(text).drop { $0 == " " || $0 == "\t" }
        guard let found = Self.operators.first(where: { rest.hasPrefix($0) }) else { return nil }
        rest = rest.dropFirst(found.count).drop { $0 == " " || $0 == "\t" }
        let trimmed = String(rest.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        guard Self.isNumber(trimmed) else { return nil }
        comparison = found == "==" ? "=" : found
        number = trimmed
        self.text = text
    }

    init(comparison: String, number: String, text: String) {
        self.comparison = comparison
        self.number = number
        self.text = text
    }

    /// The condition as written (`>0`), as dbt quotes it in messages.
    public var description: String { text }

    /// The SQL that follows the failure count: `> 0` (`==` becomes `=`, which PostgreSQL knows).
    public var sql: String { comparison + " " + number }

    /// The problem with `text` as a condition, for an error message; nil when it is valid.
    public static func problem(_ text: String) -> String? {
        guard TestCondition(text) == nil else { return nil }
        return "'\(text)' is not a condition: write a comparison and a number, e.g. '>10', '!= 0' or '>= 5'"
    }

    /// An optional minus sign, digits, and at most one decimal point with digits around it.
    static func isNumber(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.hasPrefix("-") { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
