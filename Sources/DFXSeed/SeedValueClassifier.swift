/// Classifies one field's bytes into the types that can hold it without changing it.
///
/// The rules never destroy data: `007` keeps its zeros (text), `+5`, `1e5`, `.5`, `5.`, `NaN`, `-0` and
/// ` 5` are text, because a numeric column would print them differently; dates must exist on the
/// calendar (`2023-02-29` is text); timestamps must be ISO 8601 with a space or `T`.
enum SeedValueClassifier {
    private static let zero = UInt8(ascii: "0")
    private static let minus = UInt8(ascii: "-")

    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> SeedValueClass {
        guard start < end else { return [] }
        let first = bytes[start]
        if end - start >= 10, isDigit(first), bytes[start + 4] == minus {
            return classifyDateTime(bytes, start, end)
        }
        if isDigit(first) || first == minus { return classifyNumber(bytes, start, end) }
        if end - start == 4 || end - start == 5 { return classifyBoolean(bytes, start, end) }
        return []
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte &- zero < 10 }

    private static func classifyNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> SeedValueClass {
        var index = start
        let negative = bytes[index] == minus
        if negative { index += 1 }
        let integerStart = index
        var magnitude: UInt64 = 0
        var overflow = false
        while index < end, isDigit(bytes[index]) {
            let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(bytes[index] &- zero))
            magnitude = sum
            overflow = overflow || o1 || o2
            index += 1
        }
        let integerDigits = index - integerStart
        // PostgreSQL's numeric holds up to 131072 digits before the point and 16383 after.
        guard integerDigits > 0, integerDigits <= 131_072 else { return [] }
        if integerDigits > 1, bytes[integerStart] == zero { return [] }  // leading zeros: a code, not a number
        var allZero = integerDigits == 1 && bytes[integerStart] == zero
        if index == end {
            if negative, allZero { return [] }  // "-0" would read back as 0
            let limit: UInt64 = negative ? 1 << 63 : (1 << 63) - 1
            return !overflow && magnitude <= limit ? [.integer, .decimal] : [.decimal]
        }
        guard bytes[index] == UInt8(ascii: ".") else { return [] }
        index += 1
        let fractionStart = index
        while index < end, isDigit(bytes[index]) {
            if bytes[index] != zero { allZero = false }
            index += 1
        }
        guard index > fractionStart, index == end, index - fractionStart <= 16_383 else { return [] }
        if negative, allZero { return [] }  // "-0.0" would read back as 0.0
        return [.decimal]
    }

    private static func classifyBoolean(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> SeedValueClass {
        let word = "true".utf8.count == end - start ? "true" : "false"
        var index = start
        for expected in word.utf8 {
            guard bytes[index] | 0x20 == expected else { return [] }  // ASCII lower case
            index += 1
        }
        return [.boolean]
    }

    private static func classifyDateTime(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> SeedValueClass {
        guard let year = number(bytes, start, 4), bytes[start + 4] == minus,
            let month = number(bytes, start + 5, 2), bytes[start + 7] == minus,
            let day = number(bytes, start + 8, 2),
            year >= 1, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return [] }
        if end - start == 10 { return [.date] }
        var index = start + 10
        guard end - start >= 19, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " "),
            let hour = number(bytes, index + 1, 2), bytes[index + 3] == UInt8(ascii: ":"),
            let minute = number(bytes, index + 4, 2), bytes[index + 6] == UInt8(ascii: ":"),
            let second = number(bytes, index + 7, 2),
            hour < 24, minute < 60, second < 60
        else { return [] }
        index += 9
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < end, isDigit(bytes[index]) { index += 1 }
            guard (1...6).contains(index - fractionStart) else { return [] }
        }
        if index == end { return [.timestamp] }
        if bytes[index] == UInt8(ascii: "Z") { return index + 1 == end ? [.timestampWithTimeZone] : [] }
        guard bytes[index] == UInt8(ascii: "+") || bytes[index] == minus, end - index == 6,
            let offsetHours = number(bytes, index + 1, 2), bytes[index + 3] == UInt8(ascii: ":"),
            let offsetMinutes = number(bytes, index + 4, 2), offsetHours <= 15, offsetMinutes < 60
        else { return [] }
        return [.timestampWithTimeZone]
    }

    /// The value of `width` ASCII digits at `start`, or nil if any is not a digit.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ width: Int) -> Int? {
        var value = 0
        for index in start..<(start + width) {
            guard isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] &- zero)
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
