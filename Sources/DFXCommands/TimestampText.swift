import Foundation
import DFXCompiler

/// ISO 8601 UTC timestamps for logs and artifacts.
enum TimestampText {
    static func iso8601(seconds: Int, microseconds: Int) -> String {
        TimestampValue(unixSeconds: Double(seconds) + Double(microseconds) / 1_000_000).iso8601
    }

    /// The current time as a template timestamp value.
    static func now() -> TimestampValue {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return TimestampValue(unixSeconds: Double(now.tv_sec) + Double(now.tv_nsec) / 1e9)
    }
}
