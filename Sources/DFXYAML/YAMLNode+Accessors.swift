/// Read access to a node's content without decoding errors: nil when the node is another kind.
extension YAMLNode {
    /// The scalar, for a scalar node.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// The elements, for a sequence node.
    public var sequence: [YAMLNode]? {
        if case .sequence(let elements) = kind { return elements }
        return nil
    }

    /// The entries, for a mapping node.
    public var mapping: YAMLMapping? {
        if case .mapping(let mapping) = kind { return mapping }
        return nil
    }

    /// A scalar's text whatever it resolves to (`"42"` for `42`, `""` for an empty value).
    public var scalarText: String? { scalar?.value }

    /// A scalar's typed value as PyYAML's SafeLoader reads it; nil for collections.
    public var resolvedScalar: YAMLScalarValue? { scalar?.resolved }

    /// What the node is, as error messages name it.
    public var valueKind: YAMLValueKind {
        switch kind {
        case .scalar(let scalar): scalar.resolved.kind
        case .sequence: .sequence
        case .mapping: .mapping
        }
    }

    /// The text of a scalar that resolves to a string (`orders`, `'42'`); nil for `42`, `true`,
    /// `null` and collections. Use `scalarText` to accept any scalar.
    public var stringValue: String? {
        guard case .scalar(let scalar) = kind else { return nil }
        // Asked of most values the decoders read (names, descriptions): untagged quoted scalars
        // are strings, and so are plain ones whose first byte starts no null, bool or number.
        if scalar.tag == nil {
            guard scalar.style.isPlain else { return scalar.value }
            if let first = scalar.value.utf8.first, !YAMLResolver.mayResolveImplicitly(first) { return scalar.value }
        }
        if case .string(let text) = scalar.resolved { return text }
        return nil
    }

    /// The value of a scalar that resolves to a boolean.
    public var boolValue: Bool? {
        if case .bool(let flag)? = resolvedScalar { return flag }
        return nil
    }

    /// The value of a scalar that resolves to an integer.
    public var intValue: Int? {
        if case .int(let number)? = resolvedScalar { return number }
        return nil
    }

    /// The value of a scalar that resolves to a number (integers included).
    public var doubleValue: Double? {
        switch resolvedScalar {
        case .double(let number)?: number
        case .int(let number)?: Double(number)
        default: nil
        }
    }

    /// True for a scalar that resolves to null (`null`, `~`, an empty value).
    public var isNull: Bool {
        guard case .scalar(let scalar) = kind else { return false }
        // Asked of every value the decoders read: decide untagged scalars without resolving them.
        guard scalar.tag == nil else { return scalar.resolved == .null }
        guard scalar.style.isPlain else { return false }
        guard let first = scalar.value.utf8.first else { return true }
        guard first == UInt8(ascii: "~") || first == UInt8(ascii: "n") || first == UInt8(ascii: "N") else { return false }
        return YAMLResolver.isNull(scalar.value)
    }

    /// The value under a string key, for a mapping node.
    public subscript(key: String) -> YAMLNode? { mapping?[key] }

    /// The element at a position, for a sequence node; nil when out of range.
    public subscript(index: Int) -> YAMLNode? {
        guard let elements = sequence, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// True for a plain, untagged (or `!!merge`-tagged) `<<` key.
    var isMergeKey: Bool {
        guard case .scalar(let scalar) = kind, scalar.value == "<<", scalar.style.isPlain else { return false }
        return scalar.tag == nil || scalar.tag == YAMLTag.merge
    }
}
