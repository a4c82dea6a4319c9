/// "Did you mean …?" for misspelled names: model refs, filters, config keys, CLI selectors.
public enum Suggestions {
    /// Up to `limit` candidates closest to `name` by edit distance, nearest first; only those within
    /// a third of the name's length (at least 2 edits), so unrelated names are never suggested.
    public static func nearest(to name: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let target = Array(name.lowercased().unicodeScalars)
        let threshold = max(2, target.count / 3)
        var scored: [(distance: Int, name: String)] = []
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars)
            if abs(other.count - target.count) > threshold { continue }
            let distance = editDistance(target, other, bound: threshold)
            if distance <= threshold { scored.append((distance, candidate)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
        return scored.prefix(limit).map(\.name)
    }

    /// A hint sentence, or nil when there is nothing close.
    public static func hint(for name: String, in candidates: some Sequence<String>) -> String? {
        let near = nearest(to: name, in: candidates)
        guard !near.isEmpty else { return nil }
        return "did you mean " + near.map { "'\($0)'" }.joined(separator: ", ") + "?"
    }

    /// Levenshtein distance with an early exit once every cell of a row exceeds `bound`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], bound: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > bound { return bound + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
