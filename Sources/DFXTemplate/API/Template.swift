import DFXBasics

/// A compiled template: parsed once, rendered many times, safe to share between threads.
public struct Template: Sendable {
    /// The path given to `Environment.compile`.
    public let path: String
    /// Top-level `{% macro %}`, `{% test %}`, `{% snapshot %}` and `{% docs %}` definitions, in order.
    public var blocks: [BlockDefinition]
    let file: SourceFile
    let body: [Stmt]
    /// `body` lowered to nodes, when the environment lowers template bodies (`TemplateLowering.all`).
    let nodes: NodeList<StmtNode>?
    let slotCount: Int
    let macros: [String: MacroDefinition]
    /// The same macros as values, made once (free-name lookups return these).
    let macroValues: [String: Value]

    init(
        file: SourceFile, body: [Stmt], slotCount: Int, macros: [String: MacroDefinition], blocks: [BlockDefinition],
        lower: Bool
    ) {
        self.path = file.path
        self.file = file
        self.body = body
        self.nodes = lower ? Lowering.statements(body) : nil
        self.slotCount = slotCount
        self.macros = macros
        self.macroValues = macros.mapValues { .macro(Macro(definition: $0, closure: nil)) }
        self.blocks = blocks
    }

    /// Names of the top-level macros (including `test_<name>` for test blocks).
    public var macroNames: [String] { macros.keys.sorted() }
}
