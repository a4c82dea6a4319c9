import DFXCompiler
import Foundation

/// The one execution time of a run, in UTC, as SQL timestamp text: `YYYY-MM-DD HH:MM:SS` with
/// microseconds when there are any (trailing zeros dropped, as PostgreSQL prints timestamps).
/// Snapshots and `scd2` models date closed and new versions with it, never with a session-local
/// `now()`.
public enum ExecutionTime {
    /// Now, in UTC.
    public static func now() -> String {
        text(TimestampValue(unixSeconds: Date().timeIntervalSince1970))
    }

    /// `value` as SQL timestamp text.
    public static func text(_ value: TimestampValue) -> String {
        var text = value.strftime("%Y-%m-%d %H:%M:%S")
        if value.microsecond > 0 {
            var fraction = String(value.microsecond)
            fraction = String(repeating: "0", count: max(0, 6 - fraction.count)) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text
    }

    /// Whether `text` is a timestamp dfx accepts for `--snapshot-time`: `YYYY-MM-DD HH:MM:SS[.f…]`.
    public static func isValid(_ text: String) -> Bool {
        let pattern = /\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?/
        return text.wholeMatch(of: pattern) != nil
    }
}
