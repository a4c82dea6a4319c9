/// What `Environment.compile` lowers to the class-node render form (`Runtime/Nodes/`), besides the
/// parser's tree, which it always keeps (static call analysis reads it, and it renders too).
///
/// Lowering costs about as much as one render and memory for a second tree; a lowered body then
/// renders about twice as fast. So it pays for what renders many times and is waste for what
/// renders once: a host that compiles thousands of files to render each once or twice (as `dfx
/// compile` does with models) asks for `.macros`; one that renders the same templates over and over
/// keeps the default, `.all`. Output and errors are the same on both paths.
public enum TemplateLowering: Sendable {
    /// Template bodies and macros (the default).
    case all
    /// Macros (including `test` blocks and `caller` bodies) only: they run once per call, so many
    /// times per compile; template bodies render on the parser's tree.
    case macros
    /// Nothing: everything renders on the parser's tree.
    case none
}
