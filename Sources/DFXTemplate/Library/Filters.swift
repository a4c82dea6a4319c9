/// A filter as in `x|f(a, b=c)`: the renderer, the value, the arguments.
typealias FilterFunction = @Sendable (Renderer, Value, FilterArguments) throws -> Value

/// A filter's function in a class field, so calls go straight to the closure (a function stored
/// directly in a dictionary or tuple array is called through reabstraction thunks).
final class FilterBox: Sendable {
    let call: FilterFunction

    init(_ call: @escaping FilterFunction) { self.call = call }
}

/// Jinja2's built-in filters (and dbt's `as_*` filters); helpers are in `Filters+*.swift`.
enum Filters {
    static let table: [String: FilterBox] = {
        var table: [String: FilterBox] = [:]
        for (name, function) in textFilters { table[name] = function }
        for (name, function) in sequenceFilters { table[name] = function }
        for (name, function) in numberFilters { table[name] = function }
        return table
    }()

    /// The items of a list, dict (keys) or string (characters); nil otherwise.
    static func sequence(_ value: Value) -> [Value]? {
        switch value {
        case .listRef(let storage): return storage.items
        case .dictRef(let storage): return storage.keys
        case .string(let text): return text.map { .string(String($0)) }
        case .undefined: return []
        case .object(let object): return object.iterationValues
        default: return nil
        }
    }

    static func items(_ value: Value, _ filter: String) throws -> [Value] {
        guard let items = sequence(value) else {
            throw TemplateRuntimeError("filter '\(filter)' needs a sequence, not '\(value.typeName)'")
        }
        return items
    }

    /// `attribute='a.b'` lookups: dict keys, object attributes, list indexes.
    static func attribute(_ value: Value, _ path: String) -> Value {
        var current = value
        for part in path.split(separator: ".") {
            let name = String(part)
            switch current {
            case .dictRef(let storage): current = storage.get(name) ?? (Int(name).flatMap { storage.get(.int($0)) } ?? .undefined)
            case .object(let object): current = object.attribute(name) ?? .undefined
            case .listRef(let storage):
                if let index = Int(name), index >= 0, index < storage.items.count {
                    current = storage.items[index]
                } else if let field = storage.fieldNames?.firstIndex(of: name), field < storage.items.count {
                    current = storage.items[field]
                } else {
                    return .undefined
                }
            default: return .undefined
            }
        }
        return current
    }

    /// Sort key comparison with Python ordering; lower-cases strings unless case-sensitive.
    static func sorted(_ items: [Value], reverse: Bool, caseSensitive: Bool = false, key: ((Value) -> Value)? = nil) throws -> [Value] {
        var failure: TemplateRuntimeError?
        func prepared(_ value: Value) -> Value {
            let keyed = key?(value) ?? value
            if !caseSensitive, case .string(let text) = keyed { return .string(text.pythonLower) }
            return keyed
        }
        let keyed = items.map { (prepared($0), $0) }
        let result = keyed.enumerated().sorted { lhs, rhs in
            do {
                let order = try Operators.order(lhs.element.0, rhs.element.0, "<")
                if order == 0 { return lhs.offset < rhs.offset }
                return reverse ? order > 0 : order < 0
            } catch let error as TemplateRuntimeError {
                failure = error
                return false
            } catch {
                return false
            }
        }
        if let failure { throw failure }
        return result.map { $0.element.1 }
    }

    /// Pads `text` to `width` (`ljust`, `rjust`, `center`).
    static func pad(_ text: String, width: Int, fill: String, mode: String) -> String {
        let count = text.count
        guard width > count, width < 1_000_000 else { return text }
        let total = width - count
        let fillChar = fill.first.map(String.init) ?? " "
        switch mode {
        case "ljust": return text + String(repeating: fillChar, count: total)
        case "rjust": return String(repeating: fillChar, count: total) + text
        default:
            // Python's str.center: extra space goes right when the text length is even... as CPython.
            let left = total / 2 + (total & width & 1)
            return String(repeating: fillChar, count: left) + text + String(repeating: fillChar, count: total - left)
        }
    }

    /// Calls a filter by name from `map('lower')`.
    static func byName(_ name: String) throws -> FilterFunction {
        guard let function = table[name] else { throw TemplateRuntimeError("unknown filter '\(name)'") }
        return function.call
    }

    /// A test by name from `select('odd')`; no name means truthiness.
    static func testByName(_ value: Value?) throws -> TestFunction {
        guard let value else { return { _, item, _ in item.isTruthy } }
        let name = value.renderedString()
        guard let function = Tests.table[name] else { throw TemplateRuntimeError("unknown test '\(name)'") }
        return function
    }
}
