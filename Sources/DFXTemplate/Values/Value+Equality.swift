extension Value {
    /// Python `==`: numbers compare across int/float/bool, lists and dicts element-wise.
    public func isEqual(to other: Value) -> Bool {
        var budget = 1_000_000
        return equals(other, depth: 0, budget: &budget)
    }

    /// Element-wise equality, bounded in depth and in total comparisons (cyclic or hugely shared
    /// structures compare unequal instead of hanging).
    func equals(_ other: Value, depth: Int, budget: inout Int) -> Bool {
        budget -= 1
        if depth > 64 || budget < 0 { return false }
        switch (self, other) {
        case (.none, .none), (.undefined, .undefined): return true
        case (.string(let a), .string(let b)): return a == b
        case (.int, _), (.double, _), (.bool, _):
            guard let a = numeric, let b = other.numeric else { return false }
            switch (a, b) {
            case (.int(let x), .int(let y)): return x == y
            default: return a.doubleValue == b.doubleValue
            }
        case (.listRef(let a), .listRef(let b)):
            if a === b { return true }
            guard a.items.count == b.items.count, a.isTuple == b.isTuple else { return false }
            for (x, y) in zip(a.items, b.items) where !x.equals(y, depth: depth + 1, budget: &budget) { return false }
            return true
        case (.dictRef(let a), .dictRef(let b)):
            if a === b { return true }
            guard a.count == b.count else { return false }
            for (key, value) in zip(a.keys, a.values) {
                guard let otherValue = b.get(key), value.equals(otherValue, depth: depth + 1, budget: &budget) else { return false }
            }
            return true
        case (.macro(let a), .macro(let b)): return a === b
        case (.function(let a), .function(let b)): return a.name == b.name
        default: return false
        }
    }

    /// The value as a number (bools count), or nil.
    var numeric: Value? {
        switch self {
        case .int, .double: return self
        case .bool(let flag): return .int(flag ? 1 : 0)
        default: return nil
        }
    }

    var doubleValue: Double {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        case .bool(let value): return value ? 1 : 0
        default: return 0
        }
    }
}
