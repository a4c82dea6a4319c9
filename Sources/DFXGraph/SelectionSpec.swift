/// A parsed selection: atoms combined by union (space), intersection (comma) and difference (`--exclude`).
public indirect enum SelectionSpec: Sendable, Hashable, CustomStringConvertible {
    /// One atom.
    case criteria(SelectionCriteria)
    /// Nodes selected by any component.
    case union([SelectionSpec])
    /// Nodes selected by every component.
    case intersection([SelectionSpec])
    /// Nodes selected by the first and not by the second.
    case difference(SelectionSpec, excluding: SelectionSpec)
    /// Every node (the selection when no `--select` is given).
    case all

    /// Canonical text: `union(fqn:a, intersection(tag:x, path:models/staging))`.
    public var description: String {
        switch self {
        case .criteria(let criteria): return criteria.description
        case .union(let parts): return "union(" + parts.map(\.description).joined(separator: ", ") + ")"
        case .intersection(let parts):
            return "intersection(" + parts.map(\.description).joined(separator: ", ") + ")"
        case .difference(let base, let excluded): return "difference(\(base), \(excluded))"
        case .all: return "all"
        }
    }

    /// The spec with every atom that has no indirect selection mode of its own set to `mode`.
    public func withIndirectSelection(_ mode: IndirectSelection) -> SelectionSpec {
        switch self {
        case .criteria(var criteria):
            if criteria.indirectSelection == nil { criteria.indirectSelection = mode }
            return .criteria(criteria)
        case .union(let parts): return .union(parts.map { $0.withIndirectSelection(mode) })
        case .intersection(let parts): return .intersection(parts.map { $0.withIndirectSelection(mode) })
        case .difference(let base, let excluded):
            return .difference(base.withIndirectSelection(mode), excluding: excluded.withIndirectSelection(mode))
        case .all: return .all
        }
    }
}
