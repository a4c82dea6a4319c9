/// dbt's `path:` method without a file system: dbt globs the selector under the project root and
/// selects nodes whose file, or any parent directory of it, or whose YAML patch file, is among the
/// results. Here the glob is matched against those paths directly, component by component
/// (`*` and `?` stay within one component, `**` spans any number of directories).
struct PathMatcher {
    let pattern: [Glob]
    let isRecursive: [Bool]
    let hasRecursive: Bool

    init(_ selector: String) {
        var components: [String] = []
        for component in SelectionIndex.components(of: selector) {
            // Consecutive '**' mean the same as one; collapsing them bounds the matching work.
            if component == "**", components.last == "**" { continue }
            components.append(component)
        }
        self.pattern = components.map(Glob.init)
        self.isRecursive = components.map { $0 == "**" }
        self.hasRecursive = isRecursive.contains(true)
    }

    /// Whether the glob matches the path itself or one of its parent directories (`path:.` matches all).
    func matchesFileOrParent(_ path: [String]) -> Bool {
        if !hasRecursive {
            guard pattern.count <= path.count else { return false }
            for (glob, component) in zip(pattern, path) where !glob.matches(component) { return false }
            return true
        }
        return reachableLengths(path).contains(true)
    }

    /// Whether the glob matches exactly this path.
    func matchesExactly(_ path: [String]) -> Bool {
        if !hasRecursive {
            return pattern.count == path.count && zip(pattern, path).allSatisfy { $0.matches($1) }
        }
        return reachableLengths(path).last ?? false
    }

    /// `result[k]`: the whole pattern matches the first `k` components. O(pattern × path).
    private func reachableLengths(_ path: [String]) -> [Bool] {
        let n = path.count
        // current[j]: the pattern components so far match the first j path components.
        var current = [Bool](repeating: false, count: n + 1)
        current[0] = true
        var next = current
        for (i, glob) in pattern.enumerated() {
            for j in 0...n { next[j] = false }
            for j in 0...n where current[j] {
                if isRecursive[i] {
                    // '**' matches zero or more whole components.
                    for k in j...n { next[k] = true }
                    break
                } else if j < n, glob.matches(path[j]) {
                    next[j + 1] = true
                }
            }
            swap(&current, &next)
        }
        return current
    }
}
