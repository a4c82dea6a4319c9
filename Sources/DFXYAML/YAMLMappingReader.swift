public import DFXBasics

/// Typed, located reading of one mapping, recording which keys the caller asked for so that the
/// rest can be reported as unknown (with "did you mean …?").
///
/// ```swift
/// var model = try YAMLMappingReader(node, context: "model 'orders'")
/// let name = try model.requiredString("name")
/// let tests = try model.list("tests") ?? []
/// diagnostics += model.unknownKeys()
/// ```
///
/// Type errors read `'tests' must be a list, found a mapping` and point at the value; when the
/// value is a block collection starting on a later line (or is empty), they point at its key,
/// whose line says more. A key whose value is null (`tests:` with nothing after it) reads as
/// absent, as dbt treats it.
public struct YAMLMappingReader: Sendable {
    /// The mapping node being read.
    public let node: YAMLNode
    /// Its entries.
    public let mapping: YAMLMapping
    /// What the mapping is, for messages: "model 'orders'". Settable, so that a decoder can name
    /// the mapping once it has read its name, without a second reader.
    public var context: String
    /// Every key asked for so far, present or not.
    public var requestedKeys: Set<String> { Set(requested) }
    /// The same, in the order asked, repeats included (a reader is asked for a handful of keys:
    /// appending to a list is cheaper than hashing each key into a set on every lookup).
    private var requested: [String] = []

    /// Reads `node`, which must be a mapping: otherwise "<context> must be a mapping, found a list".
    public init(_ node: YAMLNode, context: String) throws(DiagnosticError) {
        guard let mapping = node.mapping else {
            throw DiagnosticError(node.typeMismatch(context, expected: "a mapping"))
        }
        self.node = node
        self.mapping = mapping
        self.context = context
        // Decoders ask a handful to a couple of dozen keys: one allocation, not one per doubling.
        requested.reserveCapacity(16)
    }

    /// True when the key is present (even with a null value). Does not mark it as read.
    public func contains(_ key: String) -> Bool { mapping.position(of: key) != nil }

    /// The value node under `key` (null values included), marking the key as read.
    public mutating func node(_ key: String) -> YAMLNode? {
        requested.append(key)
        return mapping[key]
    }

    /// Marks `key` as read without looking it up: a key the caller accepts and ignores.
    public mutating func markRead(_ key: String) {
        requested.append(key)
    }

    /// The key node of `key`, for pointing at a key rather than its value.
    public func keyNode(_ key: String) -> YAMLNode? { mapping.entry(forKey: key)?.key }

    /// A string value; nil when absent or null.
    public mutating func string(_ key: String) throws(DiagnosticError) -> String? {
        try value(key, expected: "a string") { $0.stringValue }
    }

    /// The text of any scalar (`2`, `true` and `orders` alike); nil when absent or null.
    public mutating func scalarText(_ key: String) throws(DiagnosticError) -> String? {
        try value(key, expected: "a string") { $0.scalarText }
    }

    /// A boolean value; nil when absent or null.
    public mutating func bool(_ key: String) throws(DiagnosticError) -> Bool? {
        try value(key, expected: "a boolean") { $0.boolValue }
    }

    /// An integer value; nil when absent or null.
    public mutating func int(_ key: String) throws(DiagnosticError) -> Int? {
        try value(key, expected: "an integer") { $0.intValue }
    }

    /// A number (integers included); nil when absent or null.
    public mutating func double(_ key: String) throws(DiagnosticError) -> Double? {
        try value(key, expected: "a number") { $0.doubleValue }
    }

    /// A list's elements; nil when absent or null.
    public mutating func list(_ key: String) throws(DiagnosticError) -> [YAMLNode]? {
        try value(key, expected: "a list") { $0.sequence }
    }

    /// A nested mapping to read, with `context` (default: "'key' of <this context>"); nil when
    /// absent or null.
    public mutating func mapping(_ key: String, context: String? = nil) throws(DiagnosticError) -> YAMLMappingReader? {
        guard let value = try presentValue(key) else { return nil }
        guard value.mapping != nil else { throw mismatch(key, value, expected: "a mapping") }
        return try YAMLMappingReader(value, context: context ?? "'\(key)' of \(self.context)")
    }

    /// A list of strings; with `allowSingle`, a lone string reads as a one-element list
    /// (`tags: nightly` as dbt accepts). Nil when absent or null.
    public mutating func stringList(_ key: String, allowSingle: Bool = false) throws(DiagnosticError) -> [String]? {
        guard let value = try presentValue(key) else { return nil }
        if allowSingle, let single = value.stringValue { return [single] }
        guard let elements = value.sequence else {
            throw mismatch(key, value, expected: allowSingle ? "a string or a list of strings" : "a list of strings")
        }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for element in elements {
            guard let text = element.stringValue else {
                throw DiagnosticError(element.typeMismatch("each item of '\(key)'", expected: "a string"))
            }
            strings.append(text)
        }
        return strings
    }

    /// A string that must be present and non-null: "model 'orders' is missing required key 'name'",
    /// "'name' must be a string, found null".
    public mutating func requiredString(_ key: String) throws(DiagnosticError) -> String {
        guard let text = try string(key) else { throw missing(key, expected: "a string") }
        return text
    }

    /// A value node that must be present and non-null.
    public mutating func requiredNode(_ key: String) throws(DiagnosticError) -> YAMLNode {
        guard let value = try presentValue(key) else { throw missing(key, expected: "a value") }
        return value
    }

    /// A list that must be present and non-null.
    public mutating func requiredList(_ key: String) throws(DiagnosticError) -> [YAMLNode] {
        guard let elements = try list(key) else { throw missing(key, expected: "a list") }
        return elements
    }

    /// Warnings for keys present but never asked for, or, given `allowed`, not in it:
    /// "unknown key 'tset' in model 'orders'" at the key, with "did you mean 'tests'?" when close.
    public func unknownKeys(allowed: Set<String>? = nil) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        // By position, reading each entry's key text in place (no array of keys built).
        for position in mapping.entries.indices {
            guard let key = mapping.entries[position].text else { continue }
            // Comparing the UTF-8 counts first skips the general string comparison for most keys.
            let isKnown = allowed.map { $0.contains(key) } ?? requested.contains { $0.utf8.count == key.utf8.count && $0 == key }
            guard !isKnown, let entry = mapping.entry(forKey: key) else { continue }
            let known = allowed ?? requestedKeys
            warnings.append(
                entry.key.diagnostic(
                    "unknown key '\(key)' in \(context)", severity: .warning,
                    hint: Suggestions.hint(for: key, in: known.sorted())))
        }
        return warnings
    }

    // MARK: helpers

    /// The value under `key` unless absent or null; marks the key as read.
    private mutating func presentValue(_ key: String) throws(DiagnosticError) -> YAMLNode? {
        guard let value = node(key), !value.isNull else { return nil }
        return value
    }

    private mutating func value<T>(
        _ key: String, expected: String, _ extract: (YAMLNode) -> T?
    ) throws(DiagnosticError) -> T? {
        guard let value = try presentValue(key) else { return nil }
        guard let result = extract(value) else { throw mismatch(key, value, expected: expected) }
        return result
    }

    /// "'key' must be <expected>, found <kind>", at the value, or at the key when the value is a
    /// block collection on a later line or an empty scalar.
    public func mismatch(_ key: String, _ value: YAMLNode, expected: String) -> DiagnosticError {
        var diagnostic = value.typeMismatch("'\(key)'", expected: expected)
        if let keyNode = keyNode(key), value.location.line > keyNode.location.line || value.scalarText == "" {
            diagnostic.location = keyNode.location
            diagnostic.length = keyNode.length
            diagnostic.sourceLine = keyNode.source?.lineText(keyNode.location.line)
        }
        return DiagnosticError(diagnostic)
    }

    /// A required key that is absent ("… is missing required key 'name'") or null.
    private func missing(_ key: String, expected: String) -> DiagnosticError {
        if let value = mapping[key] { return mismatch(key, value, expected: expected) }
        return DiagnosticError(node.diagnostic("\(context) is missing required key '\(key)'"))
    }
}
