/// Renders diagnostics as swiftc, minijinja and Yams do:
///
/// ```
/// models/staging/schema.yml:14:9: error: 'tests' must be a list, found a mapping
///    14 |         tests:
///       |         ^~~~~
///   note: in macro 'cents_to_dollars' called at models/orders.sql:3:12
///   hint: write each test as a list item, starting with '- '
/// ```
public struct DiagnosticFormatter: Sendable {
    public init() {}

    public func format(_ diagnostic: Diagnostic) -> String {
        var out = diagnostic.headline
        if let location = diagnostic.location, let line = diagnostic.sourceLine {
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            let expanded = line.replacingTabs()
            // Caret column: the location's column, tabs expanded the same way as the line.
            let prefix = String(line.unicodeScalars.prefix(max(0, location.column - 1)))
            let caretOffset = prefix.replacingTabs().unicodeScalars.count
            let remaining = max(1, expanded.unicodeScalars.count - caretOffset)
            let width = max(1, min(diagnostic.length, remaining))
            out += "\n \(number) | \(expanded)"
            out += "\n \(gutter) | " + String(repeating: " ", count: caretOffset) + "^"
                + String(repeating: "~", count: width - 1)
        }
        for note in diagnostic.notes { out += "\n  note: \(note)" }
        if let hint = diagnostic.hint { out += "\n  hint: \(hint)" }
        return out
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if scalar == "\t" { result += "    " } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
