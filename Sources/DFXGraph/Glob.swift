/// Python's `fnmatch.fnmatchcase` (dbt matches names, tags and packages with it):
/// `*` any run of characters, `?` one character, `[abc]`, `[a-z]`, `[!abc]` one character from (or not
/// from) a set; a `[` without a closing `]` is literal. Case-sensitive, as on POSIX.
struct Glob: Sendable, Hashable {
    enum Token: Sendable, Hashable {
        case literal(Unicode.Scalar)
        case any
        case star
        case set(ranges: [ClosedRange<Unicode.Scalar>], negated: Bool)
    }

    let tokens: [Token]
    /// True when the pattern has no wildcard at all (matching is plain equality).
    let isLiteral: Bool
    let pattern: String

    init(_ pattern: String) {
        self.pattern = pattern
        let scalars = Array(pattern.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "*":
                if tokens.last != .star { tokens.append(.star) }
                index += 1
            case "?":
                tokens.append(.any)
                index += 1
            case "[":
                if let (token, next) = Self.parseSet(scalars, from: index) {
                    tokens.append(token)
                    index = next
                } else {
                    tokens.append(.literal(scalar))
                    index += 1
                }
            default:
                tokens.append(.literal(scalar))
                index += 1
            }
        }
        self.tokens = tokens
        self.isLiteral = tokens.allSatisfy { if case .literal = $0 { return true } else { return false } }
    }

    /// Parses `[...]` starting at `start`; nil when there is no closing bracket.
    private static func parseSet(_ scalars: [Unicode.Scalar], from start: Int) -> (Token, Int)? {
        var index = start + 1
        var negated = false
        if index < scalars.count, scalars[index] == "!" {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<Unicode.Scalar>] = []
        var first = true
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "]" && !first { return (.set(ranges: ranges, negated: negated), index + 1) }
            first = false
            if index + 2 < scalars.count, scalars[index + 1] == "-", scalars[index + 2] != "]" {
                let upper = scalars[index + 2]
                if scalar <= upper { ranges.append(scalar...upper) }
                index += 3
            } else {
                ranges.append(scalar...scalar)
                index += 1
            }
        }
        return nil
    }

    /// Whether the whole of `text` matches.
    func matches(_ text: String) -> Bool {
        isLiteral ? text == pattern : matches(scalars: text.unicodeScalars)
    }

    /// Whether the whole scalar collection matches, without copying it. Greedy star with one
    /// backtrack point (the last star), which is exact for fnmatch patterns: O(n·m) worst case.
    func matches<C: Collection>(scalars text: C) -> Bool where C.Element == Unicode.Scalar {
        var t = text.startIndex
        var p = 0
        var starP = -1
        var starT = text.startIndex
        while t != text.endIndex {
            if p < tokens.count, tokens[p] != .star, Self.matchOne(tokens[p], text[t]) {
                t = text.index(after: t)
                p += 1
            } else if p < tokens.count, tokens[p] == .star {
                starP = p
                starT = t
                p += 1
            } else if starP >= 0 {
                starT = text.index(after: starT)
                t = starT
                p = starP + 1
            } else {
                return false
            }
        }
        while p < tokens.count, tokens[p] == .star { p += 1 }
        return p == tokens.count
    }

    private static func matchOne(_ token: Token, _ scalar: Unicode.Scalar) -> Bool {
        switch token {
        case .literal(let literal): return literal == scalar
        case .any: return true
        case .star: return false
        case .set(let ranges, let negated): return ranges.contains { $0.contains(scalar) } != negated
        }
    }
}
