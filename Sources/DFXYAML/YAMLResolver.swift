/// Scalar resolution exactly as PyYAML's `SafeLoader` does it (YAML 1.1).
///
/// Each matcher below is a hand translation of one regular expression registered with
/// `Resolver.add_implicit_resolver` in PyYAML's `yaml/resolver.py` (6.0), and each converter
/// follows `SafeConstructor.construct_yaml_*` in `yaml/constructor.py`. Byte-level code, no
/// Foundation: this runs for every scalar of every file.
enum YAMLResolver {
    /// The value of a scalar, or nil when its explicit tag cannot be applied to its text.
    static func resolve(_ scalar: YAMLScalar) -> YAMLScalarValue? {
        guard let tag = scalar.tag else {
            return scalar.style.isPlain ? implicit(scalar.value) : .string(scalar.value)
        }
        let bytes = Array(scalar.value.utf8)
        switch tag {
        case YAMLTag.str, YAMLTag.nonSpecific: return .string(scalar.value)
        case YAMLTag.null: return .null
        case YAMLTag.bool: return explicitBool(scalar.value)
        case YAMLTag.int:
            return constructInt(bytes.filter { $0 != underscore })
        case YAMLTag.float:
            return constructFloat(bytes.filter { $0 != underscore }) ?? Double(scalar.value).map { .double($0) }
        default:
            if YAMLTag.scalarTags.contains(tag) { return .string(scalar.value) }
            return scalar.style.isPlain ? implicit(scalar.value) : .string(scalar.value)
        }
    }

    /// False when a plain scalar starting with `first` is a string whatever follows (the bytes
    /// that `implicit` looks further at are the only ones that can start a null, bool or number).
    static func mayResolveImplicitly(_ first: UInt8) -> Bool {
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "y"), UInt8(ascii: "Y"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"),
            UInt8(ascii: "O"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            false
        }
    }

    /// Implicit resolution of a plain scalar.
    static func implicit(_ text: String) -> YAMLScalarValue {
        // Most scalars are names and prose: the first byte decides, and only numbers need the bytes.
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            if isNull(text) { return .null }
            if let flag = boolValue(text) { return .bool(flag) }
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            if let flag = boolValue(text) { return .bool(flag) }
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let bytes = Array(text.utf8)
            if matchesFloat(bytes), let value = constructFloat(bytes.filter { $0 != underscore }) {
                return value
            }
            if matchesInt(bytes), let value = constructInt(bytes.filter { $0 != underscore }) {
                return value
            }
        default:
            break
        }
        return .string(text)
    }

    // MARK: null and bool

    static func isNull(_ text: String) -> Bool {
        // Longer texts (most scalars that reach here) skip the literal comparisons below.
        guard text.utf8.count <= 4 else { return false }
        return switch text {
        case "", "~", "null", "Null", "NULL": true
        default: false
        }
    }

    static func boolValue(_ text: String) -> Bool? {
        guard text.utf8.count <= 5 else { return nil }
        return switch text {
        case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": true
        case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": false
        default: nil
        }
    }

    /// `!!bool x`: PyYAML looks up `x.lower()`.
    static func explicitBool(_ text: String) -> YAMLScalarValue? {
        switch text.lowercased() {
        case "yes", "true", "on": .bool(true)
        case "no", "false", "off": .bool(false)
        default: nil
        }
    }

    // MARK: int

    static let underscore = UInt8(ascii: "_")

    /// `[-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+
    /// | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+`
    static func matchesInt(_ b: [UInt8]) -> Bool {
        var s = ByteScanner(b)
        s.skipSign()
        if s.take("0") {
            if s.atEnd { return true }
            if s.take("b") { return s.takeRun(minimum: 1) { $0 == 0x30 || $0 == 0x31 || $0 == underscore } && s.atEnd }
            if s.take("x") { return s.takeRun(minimum: 1) { isHex($0) || $0 == underscore } && s.atEnd }
            return s.takeRun(minimum: 1) { (0x30...0x37).contains($0) || $0 == underscore } && s.atEnd
        }
        guard s.takeOne({ (0x31...0x39).contains($0) }) else { return false }
        _ = s.takeRun(minimum: 0) { isDigit($0) || $0 == underscore }
        if s.atEnd { return true }
        return s.takeSexagesimalSegments() && s.atEnd
    }

    /// `construct_yaml_int` on a matched text with underscores removed.
    static func constructInt(_ b: [UInt8]) -> YAMLScalarValue? {
        var digits = b[...]
        var sign = 1
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            digits = digits.dropFirst()
        }
        guard let first = digits.first else { return nil }
        if digits.count == 1, first == UInt8(ascii: "0") { return .int(0) }
        if digits.starts(with: [0x30, UInt8(ascii: "b")]) { return integer(digits.dropFirst(2), radix: 2, sign: sign) }
        if digits.starts(with: [0x30, UInt8(ascii: "x")]) { return integer(digits.dropFirst(2), radix: 16, sign: sign) }
        if first == UInt8(ascii: "0") { return integer(digits, radix: 8, sign: sign) }
        if digits.contains(UInt8(ascii: ":")) {
            var total = 0
            for part in digits.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false) {
                guard case .int(let value)? = integer(part, radix: 10, sign: 1) else { return nil }
                let (shifted, o1) = total.multipliedReportingOverflow(by: 60)
                let (sum, o2) = shifted.addingReportingOverflow(value)
                if o1 || o2 { return nil }
                total = sum
            }
            return .int(sign * total)
        }
        return integer(digits, radix: 10, sign: sign)
    }

    /// Digits in a radix; an integer too large for `Int` becomes an approximate double.
    static func integer(_ digits: ArraySlice<UInt8>, radix: Int, sign: Int) -> YAMLScalarValue? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        var approximate = 0.0
        var overflowed = false
        for byte in digits {
            guard let digit = digitValue(byte), digit < radix else { return nil }
            approximate = approximate * Double(radix) + Double(digit)
            let (shifted, o1) = value.multipliedReportingOverflow(by: radix)
            let (sum, o2) = shifted.addingReportingOverflow(sign * digit)
            if o1 || o2 { overflowed = true }
            value = sum
        }
        guard overflowed else { return .int(value) }
        if radix == 10, let exact = Double(String(decoding: digits, as: UTF8.self)) {
            return .double(Double(sign) * exact)
        }
        return .double(Double(sign) * approximate)
    }

    // MARK: float

    /// `[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)? | \.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
    /// | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)`
    static func matchesFloat(_ b: [UInt8]) -> Bool {
        var s = ByteScanner(b)
        let signed = s.skipSign()
        if s.take(".") {
            if s.takeWord(["inf", "Inf", "INF"]) { return s.atEnd }
            if !signed, s.takeWord(["nan", "NaN", "NAN"]) { return s.atEnd }
            if signed { return false }
            guard s.takeOne(isDigit) else { return false }
            _ = s.takeRun(minimum: 0) { isDigit($0) || $0 == underscore }
            return s.takeOptionalExponent() && s.atEnd
        }
        guard s.takeOne(isDigit) else { return false }
        _ = s.takeRun(minimum: 0) { isDigit($0) || $0 == underscore }
        if s.take(".") {
            _ = s.takeRun(minimum: 0) { isDigit($0) || $0 == underscore }
            return s.takeOptionalExponent() && s.atEnd
        }
        guard s.takeSexagesimalSegments(), s.take(".") else { return false }
        _ = s.takeRun(minimum: 0) { isDigit($0) || $0 == underscore }
        return s.atEnd
    }

    /// `construct_yaml_float` on a matched text with underscores removed.
    static func constructFloat(_ b: [UInt8]) -> YAMLScalarValue? {
        var text = String(decoding: b, as: UTF8.self).lowercased()
        var sign = 1.0
        if let first = text.first, first == "-" || first == "+" {
            if first == "-" { sign = -1 }
            text.removeFirst()
        }
        if text == ".inf" { return .double(sign * .infinity) }
        if text == ".nan" { return .double(.nan) }
        if text.contains(":") {
            var total = 0.0
            for part in text.split(separator: ":", omittingEmptySubsequences: false) {
                guard let value = pythonFloat(String(part)) else { return nil }
                total = total * 60 + value
            }
            return .double(sign * total)
        }
        return pythonFloat(text).map { .double(sign * $0) }
    }

    /// Python's `float()` on the shapes the regex admits (`1.`, `.5`, `1.5e+3`).
    static func pythonFloat(_ text: String) -> Double? {
        var text = text
        if text.hasSuffix(".") { text += "0" }
        if text.hasPrefix(".") { text = "0" + text }
        if let dot = text.firstIndex(of: "."), text[text.index(after: dot)...].first == "e" {
            text.insert("0", at: text.index(after: dot))
        }
        return Double(text)
    }

    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    static func isHex(_ byte: UInt8) -> Bool { digitValue(byte).map { $0 < 16 } ?? false }

    static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        default: nil
        }
    }
}
