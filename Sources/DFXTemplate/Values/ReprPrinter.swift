/// Writes Python `repr()` text for nested values: a container met again on its own path prints as
/// `[...]` / `{...}` (as Python does), and output stops at `limit` characters so shared
/// sub-structures cannot blow up exponentially.
struct ReprPrinter {
    var out = ""
    private var path: [ObjectIdentifier] = []
    private let limit = 10_000_000

    mutating func write(_ value: Value) {
        if out.utf8.count > limit { return }
        switch value {
        case .listRef(let storage):
            let identity = ObjectIdentifier(storage)
            if path.contains(identity) {
                out += storage.isTuple ? "(...)" : "[...]"
                return
            }
            path.append(identity)
            defer { path.removeLast() }
            out += storage.isTuple ? "(" : "["
            for (offset, item) in storage.items.enumerated() {
                if offset > 0 { out += ", " }
                write(item)
                if out.utf8.count > limit { out += "..."; break }
            }
            if storage.isTuple && storage.items.count == 1 { out += "," }
            out += storage.isTuple ? ")" : "]"
        case .dictRef(let storage):
            let identity = ObjectIdentifier(storage)
            if path.contains(identity) {
                out += "{...}"
                return
            }
            path.append(identity)
            defer { path.removeLast() }
            if storage.isNamespace { out += "<Namespace " }
            out += "{"
            for (offset, (key, item)) in zip(storage.keys, storage.values).enumerated() {
                if offset > 0 { out += ", " }
                write(key)
                out += ": "
                write(item)
                if out.utf8.count > limit { out += "..."; break }
            }
            out += "}"
            if storage.isNamespace { out += ">" }
        default:
            out += value.repr(depth: 0)
        }
    }
}
