/// The shared, mutable storage behind a list or tuple value.
///
/// A render owns the lists it creates; lists passed in by the host are shared and must not be
/// mutated by templates rendered concurrently.
public final class ListStorage: @unchecked Sendable {
    /// The elements, in order.
    @exclusivity(unchecked) public var items: [Value]
    /// Whether this is a Python tuple.
    public let isTuple: Bool
    /// Field names of a named tuple (such as `groupby`'s `grouper`/`list`), readable as attributes.
    public let fieldNames: [String]?

    /// Storage holding `items`; a tuple when `isTuple` or when `fieldNames` are given.
    public init(_ items: [Value], isTuple: Bool = false, fieldNames: [String]? = nil) {
        self.items = items
        self.isTuple = isTuple || fieldNames != nil
        self.fieldNames = fieldNames
    }
}
