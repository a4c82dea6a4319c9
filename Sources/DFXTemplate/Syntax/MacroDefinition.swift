/// A compiled macro (or `test` block, or `caller` body of a call block): its own frame of slots.
final class MacroDefinition: Sendable {
    let name: String
    /// Parameter names in order, with default expressions; parameter `i` lives in slot `i`.
    let parameters: [(String, Expr?)]
    let body: [Stmt]
    /// `body` and the parameter defaults lowered to nodes, when the environment lowers macros.
    let lowered: LoweredMacro?
    /// The parameter names, in order (for binding keyword arguments).
    let parameterNames: [String]
    let slotCount: Int
    let varargsSlot: Int
    let kwargsSlot: Int
    let callerSlot: Int
    /// Whether the body mentions `varargs` / `kwargs` (and so accepts extra arguments).
    let acceptsVarargs: Bool
    let acceptsKwargs: Bool
    /// Whether the body mentions `caller` (and so may be used by a call block).
    let acceptsCaller: Bool
    let file: SourceFile
    let span: Span

    init(
        name: String, parameters: [(String, Expr?)], body: [Stmt], slotCount: Int, varargsSlot: Int,
        kwargsSlot: Int, callerSlot: Int, acceptsVarargs: Bool, acceptsKwargs: Bool, acceptsCaller: Bool, file: SourceFile,
        span: Span, lower: Bool
    ) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.lowered = lower ? LoweredMacro(body: body, parameters: parameters) : nil
        self.parameterNames = parameters.map(\.0)
        self.slotCount = slotCount
        self.varargsSlot = varargsSlot
        self.kwargsSlot = kwargsSlot
        self.callerSlot = callerSlot
        self.acceptsVarargs = acceptsVarargs
        self.acceptsKwargs = acceptsKwargs
        self.acceptsCaller = acceptsCaller
        self.file = file
        self.span = span
    }
}
