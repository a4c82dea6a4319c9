import DFXBasics

/// Builds node trees from libyaml events without recursion: resolves anchors and aliases, applies
/// merge keys, rejects duplicate keys, unknown or inapplicable tags, and alias bombs.
struct YAMLTreeBuilder {
    struct Result {
        var documents: [YAMLNode]
        /// Where each document starts (its `---`, or its first node).
        var documentStarts: [SourceLocation]
        var source: YAMLSource
    }

    /// A finished node with its expanded size (nodes, aliases counted in full) and height.
    struct Built {
        var node: YAMLNode
        var size: Int
        var height: Int
    }

    /// An open sequence or mapping. A mapping's entries go straight into `mapping` as each value
    /// arrives (no list of alternating keys and values copied over at the end); `<<` entries wait
    /// in `merges` until the mapping ends.
    struct Frame {
        var isMapping: Bool
        var start: YAMLEvent.Mark
        var tag: String?
        var anchor: String?
        var items: [YAMLNode] = []
        var mapping = YAMLMapping()
        var pendingKey: YAMLNode?
        var merges: [YAMLMapping.Entry] = []
        var size = 1
        var height = 1

        /// Adds a finished child: an element, a mapping's pending key, or the value that completes
        /// an entry. One call, so the builder reaches into its stack of frames once per node.
        mutating func add(_ node: consuming YAMLNode, size: Int, height: Int) throws(DiagnosticError) {
            self.size += size
            self.height = max(self.height, height + 1)
            guard isMapping else {
                if items.capacity == 0 { items.reserveCapacity(4) }
                items.append(consume node)
                return
            }
            guard let key = pendingKey.take() else {
                pendingKey = consume node
                return
            }
            let text = key.scalarText
            // The length first: comparing unequal strings takes the general (slow) path.
            if let text, text.utf8.count == 2, text == "<<", key.isMergeKey {
                merges.append(YAMLMapping.Entry(key: key, value: consume node, text: text))
            } else {
                try YAMLTreeBuilder.insert(key: key, value: consume node, text: text, into: &mapping)
            }
        }
    }

    let parser: LibYAMLParser
    let source: YAMLSource
    let options: YAMLParseOptions
    private var anchors: [String: Built] = [:]
    private var openAnchors: Set<String> = []
    private var stack: [Frame] = []
    private var root: Built?
    private var totalNodes = 0

    init(parser: LibYAMLParser, options: YAMLParseOptions) {
        self.parser = parser
        self.source = parser.source
        self.options = options
    }

    mutating func run() throws(DiagnosticError) -> Result {
        var result = Result(documents: [], documentStarts: [], source: source)
        while true {
            let event = try parser.next()
            switch event.kind {
            case .streamStart:
                continue
            case .streamEnd:
                return result
            case .documentStart:
                anchors = [:]
                openAnchors = []
                totalNodes = 0
                root = nil
                result.documentStarts.append(location(event.start))
            case .documentEnd:
                let start = result.documentStarts.last ?? source.location(line: 1, column: 1)
                result.documents.append(
                    root?.node ?? YAMLNode(.scalar(YAMLScalar("")), location: start, source: source))
            case .scalar:
                if event.tagPointer != nil { try checkScalarTag(event) }
                try finish(scalar(event), size: 1, height: 0, anchor: event.anchor)
            case .alias:
                try alias(event.anchor ?? "", event: event)
            case .sequenceStart, .mappingStart:
                let isMapping = event.kind == .mappingStart
                let (tag, anchor) = (event.tag, event.anchor)
                try checkTag(tag, allowed: YAMLTag.collectionTags, event: event)
                guard stack.count < options.maxDepth else {
                    throw error(
                        "nesting is deeper than \(options.maxDepth) levels", at: event,
                        hint: "flatten the structure; no dfx file needs this depth")
                }
                if let anchor { openAnchors.insert(anchor) }
                stack.append(Frame(isMapping: isMapping, start: event.start, tag: tag, anchor: anchor))
            case .sequenceEnd, .mappingEnd:
                guard let frame = stack.popLast() else { continue }
                let (anchor, size, height) = (frame.anchor, frame.size, frame.height)
                let node = try collection(consume frame, end: event.end)
                if let anchor { openAnchors.remove(anchor) }
                try finish(consume node, size: size, height: height, anchor: anchor)
            }
        }
    }

    // MARK: nodes

    /// Rejects a scalar's explicit tag when it is unknown or cannot be applied to its text.
    private func checkScalarTag(_ event: YAMLEvent) throws(DiagnosticError) {
        guard let tag = event.tag else { return }
        try checkTag(tag, allowed: YAMLTag.scalarTags, event: event)
        if YAMLResolver.resolve(YAMLScalar(event.value, style: event.style, tag: tag)) == nil {
            throw error("'\(event.value)' is not a valid \(YAMLTag.short(tag)) value", at: event)
        }
    }

    /// A scalar event's node (its tag already checked). Not throwing: a throwing function built
    /// its result aside and copied it out, one node copy and destroy per scalar.
    private func scalar(_ event: YAMLEvent) -> YAMLNode {
        let tag = event.tag
        let scalar = YAMLScalar(value: event.value, style: event.style, tag: tag)
        let length = event.start.line == event.end.line ? event.end.column - event.start.column : 1
        return YAMLNode.parsed(
            .scalar(consume scalar), line: event.start.line + 1, column: event.start.column + 1, tag: tag, length: length, source: source)
    }

    private mutating func alias(_ anchor: String, event: YAMLEvent) throws(DiagnosticError) {
        guard let target = anchors[anchor] else {
            if openAnchors.contains(anchor) {
                throw error(
                    "alias '*\(anchor)' refers to a node that contains it", at: event,
                    hint: "recursive structures are not supported")
            }
            throw error(
                "unknown anchor '\(anchor)'", at: event,
                hint: Suggestions.hint(for: anchor, in: anchors.keys) ?? "define it first with '&\(anchor)'")
        }
        guard stack.count + target.height <= options.maxDepth else {
            throw error("alias '*\(anchor)' nests the document deeper than \(options.maxDepth) levels", at: event)
        }
        totalNodes += target.size
        guard totalNodes <= options.maxNodes else {
            throw error(
                "alias '*\(anchor)' expands the document beyond \(options.maxNodes) nodes", at: event,
                hint: "aliases of aliases multiply (a 'billion laughs' document); repeat less")
        }
        try deliver(target.node, size: target.size, height: target.height)
    }

    private mutating func collection(_ frame: consuming Frame, end: YAMLEvent.Mark) throws(DiagnosticError) -> YAMLNode {
        let kind: YAMLNode.Kind
        if frame.isMapping {
            kind = .mapping(frame.merges.isEmpty ? frame.mapping : try merged(frame.mapping, frame.merges))
        } else {
            kind = .sequence(frame.items)
        }
        let length = frame.start.line == end.line ? end.column - frame.start.column : 1
        return YAMLNode.parsed(
            kind, line: frame.start.line + 1, column: frame.start.column + 1, tag: frame.tag, length: length, source: source)
    }

    /// Adds one entry to an open mapping, rejecting a duplicate key at once.
    fileprivate static func insert(
        key: consuming YAMLNode, value: consuming YAMLNode, text: String?, into mapping: inout YAMLMapping
    ) throws(DiagnosticError) {
        guard let text, let existing = mapping.position(of: text) else {
            mapping.append(key: consume key, value: consume value, text: text)
            return
        }
        let first = mapping.entries[existing].key
        throw DiagnosticError(
            key.diagnostic(
                "duplicate key '\(key.scalarText ?? "")' in mapping",
                notes: ["first defined at \(first.location)"],
                hint: "remove one of them (PyYAML would silently keep the last)"))
    }

    /// Applies `<<` merges to a mapping's own entries exactly as PyYAML's `flatten_mapping` does:
    /// the mapping's own keys win; among several `<<` keys the last wins; within one
    /// `<<: [a, b]` list the earlier mapping wins. Key order is PyYAML's dict order too: merged
    /// keys first, each where it was first inserted.
    private func merged(_ own: YAMLMapping, _ merges: [YAMLMapping.Entry]) throws(DiagnosticError) -> YAMLMapping {
        var merged: [YAMLMapping.Entry] = []
        for pair in merges {
            let (mergeKey, merge) = (pair.key, pair.value)
            let note = "in the merge at \(mergeKey.location)"
            switch merge.kind {
            case .mapping(let other):
                merged += other.entries
            case .sequence(let elements):
                for element in elements {
                    guard element.mapping != nil else {
                        throw DiagnosticError(
                            element.diagnostic(
                                "expected a mapping to merge with '<<', found \(element.valueKind.phrase)",
                                notes: merge.location.line == mergeKey.location.line ? [] : [note]))
                    }
                }
                for element in elements.reversed() { merged += element.mapping?.entries ?? [] }
            case .scalar:
                throw DiagnosticError(
                    merge.diagnostic(
                        "the value of a merge key '<<' must be a mapping or a list of mappings, found \(merge.valueKind.phrase)",
                        notes: merge.location.line == mergeKey.location.line ? [] : [note]))
            }
        }
        var result = YAMLMapping()
        for entry in merged + own.entries {
            if let existing = result.insert(key: entry.key, value: entry.value) {
                result.replace(at: existing, key: entry.key, value: entry.value)
            }
        }
        return result
    }

    // MARK: plumbing

    /// A finished node (with its expanded size and height) goes to its parent, and under its
    /// anchor when it has one. Nodes are moved along, not copied: every node passes through here.
    private mutating func finish(_ node: consuming YAMLNode, size: Int, height: Int, anchor: String?) throws(DiagnosticError) {
        totalNodes += 1
        guard totalNodes <= options.maxNodes else {
            throw DiagnosticError(node.diagnostic("the document has more than \(options.maxNodes) nodes"))
        }
        if let anchor { anchors[anchor] = Built(node: copy node, size: size, height: height) }
        try deliver(consume node, size: size, height: height)
    }

    private mutating func deliver(_ node: consuming YAMLNode, size: Int, height: Int) throws(DiagnosticError) {
        guard !stack.isEmpty else {
            root = Built(node: consume node, size: size, height: height)
            return
        }
        try stack[stack.count - 1].add(consume node, size: size, height: height)
    }

    private func checkTag(_ tag: String?, allowed: Set<String>, event: YAMLEvent) throws(DiagnosticError) {
        guard let tag, !allowed.contains(tag) else { return }
        let what: String
        switch event.kind {
        case .sequenceStart: what = "a list"
        case .mappingStart: what = "a mapping"
        default: what = "a scalar"
        }
        if YAMLTag.scalarTags.contains(tag) || YAMLTag.collectionTags.contains(tag) {
            throw error("tag '\(YAMLTag.short(tag))' cannot be used on \(what)", at: event)
        }
        throw error(
            "unsupported tag '\(YAMLTag.short(tag))'", at: event,
            hint: "dbt reads YAML with PyYAML's safe loader, which knows only the standard tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map)")
    }

    private func location(_ mark: YAMLEvent.Mark) -> SourceLocation {
        source.location(line: mark.line + 1, column: mark.column + 1)
    }

    private func error(_ message: String, at event: YAMLEvent, hint: String? = nil) -> DiagnosticError {
        let place = location(event.start)
        let length = event.start.line == event.end.line ? event.end.column - event.start.column : 1
        return DiagnosticError(
            Diagnostic(.error, message, at: place, length: length, sourceLine: source.lineText(place.line), hint: hint))
    }
}
