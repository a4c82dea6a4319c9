import DFXBasics

/// Compiles templates, holds globals and registered macros, and renders.
///
/// Configure it first (`addGlobal`, `addMacros`), then render from any number of threads at once:
/// rendering only reads the environment.
public final class Environment: @unchecked Sendable {
    private(set) var state: EnvironmentState
    private var macroOrigins: [String: String] = [:]

    /// An environment with the built-in globals (`range`, `dict`, `namespace`, `zip`, `return`).
    public init(options: EnvironmentOptions = .init()) {
        self.state = EnvironmentState(options: options)
    }

    /// The options this environment renders with.
    public var options: EnvironmentOptions { state.options }

    /// Parses and compiles `source` once; `path` is used in diagnostics.
    public func compile(_ source: String, path: String) throws(DiagnosticError) -> Template {
        let file = SourceFile(path: path, text: source)
        do {
            var lexer = Lexer(source: file)
            let tokens = try lexer.tokenize()
            let lowering = state.options.lowering
            var parser = Parser(file: file, tokens: tokens, maxNesting: state.options.maxNesting)
            var body = try parser.parseTemplate()
            if !parser.topLevelMacros.isEmpty || (lowering != .none && parser.definedMacroCount > 0) {
                // Macros see top-level names assigned after their definition (Jinja2 resolves them at
                // call time): parse again with every top-level name declared up front. The first pass
                // did not lower its macros (most files define none), so this one does.
                let names = parser.topLevelMacros.isEmpty ? [] : parser.scope.outermostNames
                parser = Parser(file: file, tokens: tokens, maxNesting: state.options.maxNesting, lowerMacros: lowering != .none)
                for name in names.sorted() { _ = parser.scope.declare(name) }
                body = try parser.parseTemplate()
            }
            let slotCount = parser.scope.slotCount
            let lowerBody = lowering == .all
            let blocks = parser.blocks.map { block in
                BlockDefinition(
                    kind: block.kind, name: block.name, location: file.location(block.start),
                    body: block.kind == .snapshot
                        ? Template(
                            file: file, body: block.body, slotCount: slotCount, macros: parser.topLevelMacros, blocks: [],
                            lower: lowerBody)
                        : nil,
                    rawText: block.rawText)
            }
            return Template(
                file: file, body: body, slotCount: slotCount, macros: parser.topLevelMacros, blocks: blocks, lower: lowerBody)
        } catch let error as SyntaxError {
            throw DiagnosticError(
                file.diagnostic(error.message, start: error.start, length: error.length, hint: error.hint, notes: error.notes))
        } catch {
            throw DiagnosticError(Diagnostic(.error, "internal error while compiling: \(error)", at: file.location(0)))
        }
    }

    /// Makes `value` visible to every template under `name` (after the render context).
    public func addGlobal(_ name: String, _ value: Value) {
        state.setGlobal(name, value)
    }

    /// Registers the top-level macros of `template` (and `test` blocks as `test_<name>`) so that
    /// every template can call them by name, and as `namespace.name` when a namespace is given.
    /// Fails when the namespace already has a macro of the same name from another file.
    public func addMacros(from template: Template, namespace: String?) throws(DiagnosticError) {
        var problems: [Diagnostic] = []
        for name in template.macroNames {
            guard let definition = template.macros[name] else { continue }
            let value = Value.macro(Macro(definition: definition, closure: nil))
            if let namespace {
                let key = namespace + "." + name
                if let origin = macroOrigins[key], origin != template.path {
                    problems.append(
                        template.file.diagnostic(
                            "macro '\(name)' is defined twice in '\(namespace)'", start: Int(definition.span.start),
                            length: Int(definition.span.length), notes: ["the other definition is in \(origin)"]))
                    continue
                }
                macroOrigins[key] = template.path
                state.setMacro(name, value, namespace: namespace)
            }
            state.setMacro(name, value)
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }

    /// A registered macro by name (in `namespace` when given).
    public func macro(named name: String, namespace: String?) -> Value? {
        if let namespace { return state.namespaces[namespace]?[name] }
        return state.macros[name]
    }

    /// Renders `template` with `context` (looked up after locals, before globals and macros), and
    /// `lazyContext`, values built only if the render reads them (looked up after `context`).
    public func render(
        _ template: Template, context: [String: Value], lazyContext: [String: LazyValue] = [:]
    ) throws(DiagnosticError) -> String {
        let renderer = Renderer(
            state: state, context: context, lazyContext: lazyContext, file: template.file, templateMacros: template.macroValues)
        renderer.out.reserve(template.file.bytes.count + template.file.bytes.count / 2)
        let frame = Frame.make(slotCount: template.slotCount, parent: nil)
        defer { renderer.releaseFrames() }
        do {
            if let nodes = template.nodes {
                try renderer.run(nodes, frame)
            } else {
                try renderer.execute(template.body, frame)
            }
        } catch let error as RenderError {
            throw DiagnosticError(error.compacted)
        } catch is MacroReturn {
            throw DiagnosticError(
                Diagnostic(.error, "return() was called outside of a macro", at: template.file.location(0)))
        } catch {
            throw DiagnosticError(Diagnostic(.error, "internal error while rendering: \(error)", at: template.file.location(0)))
        }
        return renderer.out.string()
    }

    /// Calls a macro or native function value with `arguments`; returns its result (the rendered
    /// text as a string, or the value given to `return()`). `context` and `lazyContext` are as
    /// for `render`.
    public func call(
        _ macro: Value, arguments: Arguments, context: [String: Value], lazyContext: [String: LazyValue] = [:]
    ) throws(DiagnosticError) -> Value {
        switch macro {
        case .macro(let value):
            let definition = value.definition
            let renderer = Renderer(
                state: state, context: context, lazyContext: lazyContext, file: definition.file, templateMacros: [:])
            renderer.hostCallSite = arguments.location
            defer { renderer.releaseFrames() }
            do {
                return try renderer.callMacro(value, arguments.positional, arguments.keyword, span: definition.span)
            } catch let error as RenderError {
                throw DiagnosticError(error.compacted)
            } catch {
                throw DiagnosticError(Diagnostic(.error, "internal error in macro '\(definition.name)': \(error)", at: arguments.location))
            }
        case .function(let native):
            do {
                return try native.body(arguments)
            } catch let error as TemplateRuntimeError {
                throw DiagnosticError(Diagnostic(.error, error.message, at: arguments.location, hint: error.hint))
            } catch let error as DiagnosticError {
                throw error
            } catch let signal as MacroReturn {
                return signal.value
            } catch {
                throw DiagnosticError(Diagnostic(.error, "\(native.name)() failed: \(error)", at: arguments.location))
            }
        default:
            throw DiagnosticError(
                Diagnostic(.error, "'\(macro.typeName)' object is not callable", at: arguments.location))
        }
    }
}
