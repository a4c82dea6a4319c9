/// dbt's `path:` method without a file system: dbt globs the selector under the project root and
/// selects nodes whose file, or any parent directory of it, or whose YAML patch file, is among the
/// results. Here the glob is matched against those paths directly, component by component
/// (`*` and `?` stay within one component, `**` spans any number of directories).
struct PathMatcher {
    let pattern: [Glob]
    let isRecursive: [Bool]

    init(_ selector: String) {
        let components = SelectionIndex.components(of: selector)
        self.pattern = components.map(Glob.init)
        self.isRecursive = components.map { $0 == "**" }
    }

    /// Whether the glob matches the path itself or one of its parent directories (`path:.` matches all).
    func matchesFileOrParent(_ path: [String]) -> Bool {
        let reachable = reachableLengths(path)
        return reachable.contains(true)
    }

    /// Whether the glob matches exactly this path.
    func matchesExactly(_ path: [String]) -> Bool {
        reachableLengths(path).last ?? false
    }

    /// `result[k]`: the whole pattern matches the first `k` components. O(pattern × path).
    private func reachableLengths(_ path: [String]) -> [Bool] {
        let n = path.count
        // state[i][j]: the first i pattern components match the first j path components.
        var current = [Bool](repeating: false, count: n + 1)
        current[0] = true
        for (i, glob) in pattern.enumerated() {
            var next = [Bool](repeating: false, count: n + 1)
            for j in 0...n where current[j] {
                if isRecursive[i] {
                    // '**' matches zero or more whole components.
                    for k in j...n { next[k] = true }
                    break
                } else if j < n, glob.matches(path[j]) {
                    next[j + 1] = true
                }
            }
            current = next
        }
        if pattern.isEmpty {
            return [Bool](repeating: true, count: n + 1)
        }
        return current
    }
}
