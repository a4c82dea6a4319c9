/// A statement node; a template or macro body is a list of these.
indirect enum Stmt: Sendable {
    case text(TemplateText)
    case output(Expr)
    case branches([(Expr, [Stmt])], otherwise: [Stmt]?)
    case loop(ForLoop)
    case assign(AssignTarget, Expr)
    case assignBlock(AssignTarget, [Stmt], [FilterCall])
    case defineMacro(MacroDefinition, slot: Int)
    case callBlock(MacroDefinition, call: Expr)
    case filterBlock([FilterCall], [Stmt])
    case evaluate(Expr)
    case scope([(AssignTarget, Expr)], [Stmt])
    /// A `{% snapshot %}` or `{% docs %}` block: extracted by the host, renders nothing in place.
    case nothing
}

/// Where `set`, `for` and `with` store values.
indirect enum AssignTarget: Sendable {
    case slot(Int, name: String)
    case tuple([AssignTarget], Span)
    case attribute(Expr, String, Span)
}

/// A compiled `{% for %}` loop.
struct ForLoop: Sendable {
    var target: AssignTarget
    var iterable: Expr
    var condition: Expr?
    var body: [Stmt]
    var otherwise: [Stmt]?
    /// The slot of `loop`, when the body uses it.
    var loopSlot: Int?
    var span: Span
}
