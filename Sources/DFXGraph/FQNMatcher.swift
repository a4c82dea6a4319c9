/// dbt's `is_selected_node`: does a selector such as `staging`, `my_project.marts.*` or `stg_orders`
/// match a node's fqn?
///
/// A node matches when the selector equals its name (the fqn's last segment), or when the selector's
/// dot-separated parts equal the first parts of the (flattened) fqn, up to the first part holding a
/// wildcard (`*`, `?`, `[`, `]`), from which on the rest is compared with fnmatch. dbt tries the fqn with
/// and without its package segment.
struct FQNMatcher {
    let selector: String
    let parts: [String]
    let wildcardIndex: Int?
    let tailGlob: Glob?

    init(_ selector: String) {
        self.selector = selector
        let parts = selector.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        self.parts = parts
        let wildcardIndex = parts.firstIndex { $0.contains { "*?[]".contains($0) } }
        self.wildcardIndex = wildcardIndex
        self.tailGlob = wildcardIndex.map { Glob(parts[$0...].joined(separator: ".")) }
    }

    /// Matches against a node's fqn, its flattened segments, and (for wildcard tails) the flattened
    /// fqn joined with dots plus the start of each flat segment in it.
    func matches(
        fqn: ArraySlice<String>, flat: ArraySlice<String>, joined: String, starts: ArraySlice<String.Index>
    ) -> Bool {
        guard let last = fqn.last else { return false }
        if last == selector { return true }
        if flat.count < parts.count { return false }
        let limit = wildcardIndex ?? parts.count
        var position = flat.startIndex
        for part in parts[..<limit] {
            if flat[position] != part { return false }
            position += 1
        }
        guard let tailGlob else { return true }
        return tailGlob.matches(scalars: joined.unicodeScalars[starts[position]...])
    }

    /// Convenience for tests: builds the joined form.
    func matches(fqn: ArraySlice<String>, flat: ArraySlice<String>) -> Bool {
        let segments = Array(flat)
        let joined = segments.joined(separator: ".")
        return matches(
            fqn: fqn, flat: segments[...], joined: joined,
            starts: SelectionIndex.starts(of: segments, in: joined)[...])
    }
}
