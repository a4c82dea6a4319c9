import DFXBasics

extension SelectorParser {
    /// Parses `scalars[start..<end]` as one atom, following dbt's `RAW_SELECTOR_PATTERN`:
    /// `(@)?(\d*\+)?([\w.]+:)?(.*?)(\+\d*)?`.
    static func parseAtom(_ context: inout Context, from start: Int, to end: Int) -> SelectionCriteria? {
        let s = context.scalars
        var index = start
        let childrensParents = index < end && s[index] == "@"
        if childrensParents { index += 1 }

        // Parents: digits then '+'; otherwise the digits belong to the value.
        var parents = false
        var parentsDepth: Int?
        var digitEnd = index
        while digitEnd < end, isDigit(s[digitEnd]) { digitEnd += 1 }
        if digitEnd < end, s[digitEnd] == "+" {
            parents = true
            parentsDepth = digitEnd > index ? depth(context.text(index..<digitEnd)) : nil
            index = digitEnd + 1
        }

        // Method: [\w.]+ followed by ':'.
        var methodText: String?
        var methodStart = index
        var wordEnd = index
        while wordEnd < end, isWord(s[wordEnd]) || s[wordEnd] == "." { wordEnd += 1 }
        if wordEnd > index, wordEnd < end, s[wordEnd] == ":" {
            methodText = context.text(index..<wordEnd)
            methodStart = index
            index = wordEnd + 1
        }

        // Children: the last '+' if only digits follow it.
        var valueEnd = end
        var children = false
        var childrenDepth: Int?
        var plusIndex = -1
        if let lastPlus = (index..<end).last(where: { s[$0] == "+" }),
            (lastPlus + 1..<end).allSatisfy({ isDigit(s[$0]) })
        {
            children = true
            childrenDepth = lastPlus + 1 < end ? depth(context.text(lastPlus + 1..<end)) : nil
            valueEnd = lastPlus
            plusIndex = lastPlus
        }
        let value = context.text(index..<valueEnd)
        let raw = context.text(start..<end)

        if childrensParents && children {
            context.error(
                "'@' cannot be combined with a trailing '+' in '\(raw)'", at: plusIndex,
                length: end - plusIndex,
                hint: "'@' already selects every descendant; write '@\(value)' or '+\(value)+'")
            return nil
        }
        if value.isEmpty {
            context.error(
                "selector '\(raw)' has no value", at: max(start, min(index, end - 1)),
                hint: "write a node name, path or method:value, e.g. 'stg_orders+'")
            return nil
        }
        var method = SelectorMethod.defaultMethod(for: value)
        var arguments: [String] = []
        if let methodText {
            guard let parsed = resolveMethod(methodText, &context, at: methodStart) else { return nil }
            (method, arguments) = parsed
        }
        guard validate(value: value, method: method, &context, at: index, length: valueEnd - index) else {
            return nil
        }
        return SelectionCriteria(
            method: method, arguments: arguments, value: value, parents: parents,
            parentsDepth: parentsDepth, children: children, childrenDepth: childrenDepth,
            childrensParents: childrensParents)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// Python's `\w`: letters, digits, underscore (and other alphanumerics).
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// A depth, saturating instead of overflowing.
    static func depth(_ digits: String) -> Int { Int(digits) ?? Int.max }
}
