/// A render-context value built the first time the render reads it, then kept for the rest of
/// that render: for host values that cost about as much to build as a render and that most
/// templates never read (dbt's `model`, the node as a dict with its whole config).
///
/// One lazy value belongs to one render on one thread; it is `@unchecked Sendable` only so that
/// hosts can make one per render from their `Sendable` state.
public final class LazyValue: @unchecked Sendable {
    private let make: @Sendable () -> Value
    private var made: Value?

    /// A value that `make` builds when first read.
    public init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    /// The value, built now if it has not been.
    var value: Value {
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
