import DFXTemplate

/// A UTC timestamp as templates see it (`run_started_at`, `modules.datetime.datetime.now()`):
/// prints like Python's `datetime` (`2026-11-22 05:51:32.123456+00:00`), offers `year` … `microsecond`,
/// `isoformat()` and `strftime()` with the common directives.
public struct TimestampValue: TemplateObject, Hashable {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, microsecond: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, microsecond: Int = 0) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second, self.microsecond) = (hour, minute, second, microsecond)
    }

    /// The timestamp for seconds since the Unix epoch (UTC).
    public init(unixSeconds: Double) {
        let whole = Int(unixSeconds.rounded(.down))
        let micros = Int(((unixSeconds - Double(whole)) * 1_000_000).rounded(.down))
        var days = whole / 86_400
        var rest = whole % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        // Civil-from-days (Howard Hinnant's algorithm), valid for the proleptic Gregorian calendar.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.init(
            year: year, month: month, day: day, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60,
            microsecond: micros)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// `YYYY-MM-DD HH:MM:SS.ffffff+00:00`, Python's `str(datetime)` for an aware UTC value.
    public var renderedString: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2)) \(Self.pad(hour, 2)):\(Self.pad(minute, 2)):\(Self.pad(second, 2)).\(Self.pad(microsecond, 6))+00:00"
    }

    /// ISO 8601 with a `T` and `Z`, as artifacts write it.
    public var iso8601: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))T\(Self.pad(hour, 2)):\(Self.pad(minute, 2)):\(Self.pad(second, 2)).\(Self.pad(microsecond, 6))Z"
    }

    /// `strftime` for %Y %m %d %H %M %S %f %y %j-free common directives and %%.
    public func strftime(_ format: String) -> String {
        var out = ""
        var iterator = format.makeIterator()
        while let character = iterator.next() {
            guard character == "%" else { out.append(character); continue }
            switch iterator.next() {
            case "Y": out += Self.pad(year, 4)
            case "y": out += Self.pad(year % 100, 2)
            case "m": out += Self.pad(month, 2)
            case "d": out += Self.pad(day, 2)
            case "H": out += Self.pad(hour, 2)
            case "M": out += Self.pad(minute, 2)
            case "S": out += Self.pad(second, 2)
            case "f": out += Self.pad(microsecond, 6)
            case "z": out += "+0000"
            case "Z": out += "UTC"
            case "%": out += "%"
            case let other?: out += "%" + String(other)
            case nil: out += "%"
            }
        }
        return out
    }

    public func attribute(_ name: String) -> Value? {
        switch name {
        case "year": return .int(year)
        case "month": return .int(month)
        case "day": return .int(day)
        case "hour": return .int(hour)
        case "minute": return .int(minute)
        case "second": return .int(second)
        case "microsecond": return .int(microsecond)
        case "isoformat":
            let text = renderedString.replacing(" ", with: "T")
            return .function(NativeFunction("isoformat") { _ in .string(text) })
        case "strftime":
            let base = self
            return .function(
                NativeFunction("strftime") { arguments in
                    guard let format = arguments.value(at: 0, named: "format")?.asString else {
                        throw TemplateRuntimeError("strftime() takes a format string", hint: "e.g. strftime('%Y-%m-%d')")
                    }
                    return .string(base.strftime(format))
                })
        case "date":
            let base = self
            return .function(NativeFunction("date") { _ in .object(TimestampValue(year: base.year, month: base.month, day: base.day)) })
        default: return nil
        }
    }
}
