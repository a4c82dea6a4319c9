/// An expression node with its source span. Names are resolved to frame slots at compile time.
struct Expr: Sendable {
    indirect enum Kind: Sendable {
        case literal(Value)
        case name(NameRef)
        case list([Expr])
        case tuple([Expr])
        case dict([(Expr, Expr)])
        case attribute(Expr, String)
        case item(Expr, Expr)
        case slice(Expr, Expr?, Expr?, Expr?)
        case call(Expr, CallArguments)
        case filter(Expr?, FilterCall)
        case test(Expr, TestCall)
        case negate(Expr)
        case plus(Expr)
        case binary(BinaryOperator, Expr, Expr)
        case and(Expr, Expr)
        case or(Expr, Expr)
        case not(Expr)
        case compare(Expr, [(CompareOperator, Expr)])
        case conditional(Expr, Expr, Expr?)
    }

    var kind: Kind
    var span: Span
}

/// A variable reference: a slot `depth` frames up, or a free name (`slot < 0`) looked up at run time.
struct NameRef: Sendable {
    var name: String
    var depth: Int
    var slot: Int
}

/// The arguments written at a call site.
struct CallArguments: Sendable {
    var positional: [Expr] = []
    var keyword: [(String, Expr)] = []
    var star: Expr?
    var doubleStar: Expr?
}

/// A filter application resolved at compile time.
struct FilterCall: Sendable {
    var name: String
    var function: FilterBox
    var arguments: CallArguments
    var span: Span
}

/// A test application (`is defined`) resolved at compile time.
struct TestCall: Sendable {
    var name: String
    var function: TestFunction
    var arguments: [Expr]
    var negated: Bool
    var span: Span
}

enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%", power = "**"
    case concat = "~"
}

enum CompareOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case contains = "in", notContains = "not in"
}
