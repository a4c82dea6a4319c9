/// `base | filter(arguments)` (a missing base is a filter block's or `set` block's text).
final class FilterNode: ExprNode, @unchecked Sendable {
    let base: ExprNode?
    let function: FilterBox
    let arguments: ArgumentNodes
    /// False for `default`/`d`, which accept undefined in every mode.
    let refusesUndefined: Bool
    let span: Span
    /// Frequent filters with literal arguments, run without building argument arrays (the same
    /// code as their `Filters` entries).
    let special: Special

    enum Special {
        case none, lower, upper
        case replace(old: String, new: String)
    }

    /// For a chain of `lower`/`upper`/one-ASCII-character `replace` filters ending here (e.g.
    /// `{{ (a ~ b) | replace(' ', '_') | lower }}`): what the chain does to each ASCII byte, so that
    /// printing it maps the base's bytes in the output instead of building a string per filter.
    let byteMap: ByteMap?

    init(_ expr: Expr, base: ExprNode?, filter: FilterCall) {
        self.base = base
        self.function = filter.function
        self.arguments = ArgumentNodes(filter.arguments)
        self.refusesUndefined = filter.name != "default" && filter.name != "d"
        self.span = filter.span
        let noArguments = arguments.positional.isEmpty && arguments.keywordNames.isEmpty
        switch filter.name {
        case "lower" where noArguments: special = .lower
        case "upper" where noArguments: special = .upper
        case "replace":
            if let constant = arguments.constant, constant.1.isEmpty, constant.0.count == 2,
                case .string(let old) = constant.0[0], case .string(let new) = constant.0[1]
            {
                special = .replace(old: old, new: new)
            } else {
                special = .none
            }
        default: special = .none
        }
        byteMap = ByteMap(special: special, span: span, base: base)
        super.init(expr)
    }

    override func evaluate(_ renderer: Renderer, _ frame: Frame) throws -> Value {
        let value = try base?.evaluate(renderer, frame) ?? .undefined
        switch special {
        case .none: break
        case .lower, .upper, .replace:
            if case .undefined = value, renderer.undefinedBehavior != .lenient, let base { throw renderer.undefinedError(base.expr) }
            switch special {
            case .lower: return .string(value.renderedString().pythonLower)
            case .upper: return .string(value.renderedString().pythonUpper)
            case .replace(let old, let new):
                do {
                    return .string(try value.renderedString().replacing(old, with: new, maxCount: -1))
                } catch let error as TemplateRuntimeError {
                    throw renderer.fail(error.message, span, hint: error.hint)
                }
            case .none: break
            }
        }
        let (positional, keyword) = try arguments.evaluate(renderer, frame)
        do {
            if case .undefined = value, renderer.undefinedBehavior != .lenient, refusesUndefined, let base {
                throw renderer.undefinedError(base.expr)
            }
            return try function.call(renderer, value, FilterArguments(positional: positional, keyword: keyword))
        } catch let error as TemplateRuntimeError {
            throw renderer.fail(error.message, span, hint: error.hint)
        }
    }

    /// Prints a byte-mappable chain by mapping its base's text in the output (falling back to the
    /// filters' own code when the text is not ASCII).
    override func write(_ renderer: Renderer, _ frame: Frame, _ site: OutputNode) throws {
        guard let byteMap else { return try site.emit(try evaluate(renderer, frame), renderer) }
        let mark = renderer.out.count
        if let concat = byteMap.concat {
            try concat.writeParts(renderer, frame)
        } else {
            let value = try byteMap.base.evaluate(renderer, frame)
            if case .undefined = value, renderer.undefinedBehavior != .lenient { throw renderer.undefinedError(byteMap.base.expr) }
            renderer.out.appendText(of: value)
        }
        if renderer.out.mapASCII(from: mark, through: UnsafeBufferPointer(byteMap.table)) { return }
        var text = renderer.out.string(from: mark)
        renderer.out.truncate(to: mark)
        for (step, stepSpan) in byteMap.steps {
            switch step {
            case .lower: text = text.pythonLower
            case .upper: text = text.pythonUpper
            case .replace(let old, let new):
                do {
                    text = try text.replacing(old, with: new, maxCount: -1)
                } catch let error as TemplateRuntimeError {
                    throw renderer.fail(error.message, stepSpan, hint: error.hint)
                }
            case .none: break
            }
        }
        renderer.out.appendUTF8(text)
    }
}
