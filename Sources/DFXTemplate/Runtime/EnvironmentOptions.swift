/// How an `Environment` treats undefined values and runaway templates.
public struct EnvironmentOptions: Sendable {
    /// What happens when a template uses an undefined value.
    public var undefinedBehavior: UndefinedBehavior
    /// The maximum number of evaluation steps of one render or call (statements, loop
    /// iterations, calls); a runaway template stops with an error instead of hanging.
    public var maxSteps: Int
    /// The maximum depth of nested macro calls.
    public var maxDepth: Int
    /// The maximum nesting of blocks and expressions the parser accepts.
    public var maxNesting: Int
    /// The most call-stack bytes one render may use before it stops with an error (a guard against
    /// stack overflow from deep macro recursion). Render on threads with at least twice this much
    /// stack (Linux threads have 8 MB by default; lower this for 512 KB threads).
    public var maxStackBytes: Int
    /// Which compiled templates are also lowered to the faster render form (see `TemplateLowering`).
    public var lowering: TemplateLowering

    /// Options with dfx's defaults: semi-strict undefined, 10 million steps, 100 nested macro calls,
    /// 100 levels of nesting, 1 MB of stack, everything lowered.
    public init(
        undefinedBehavior: UndefinedBehavior = .semiStrict, maxSteps: Int = 10_000_000, maxDepth: Int = 100,
        maxNesting: Int = 100, maxStackBytes: Int = 1 << 20, lowering: TemplateLowering = .all
    ) {
        self.lowering = lowering
        self.undefinedBehavior = undefinedBehavior
        self.maxSteps = maxSteps
        self.maxDepth = maxDepth
        self.maxNesting = maxNesting
        self.maxStackBytes = maxStackBytes
    }
}

/// Jinja2's undefined flavours.
public enum UndefinedBehavior: Sendable {
    /// Jinja2's default `Undefined`: prints nothing, is falsy, iterates as empty.
    case lenient
    /// As minijinja's SemiStrict: truthiness (`if`, `not`, `and`/`or`), `is defined` and `default`
    /// work; any other use (printing, calling, iterating, comparing, concatenating, filtering) fails.
    case semiStrict
    /// Jinja2's `StrictUndefined`: any use other than `is defined`/`default` is an error.
    case strict
}
