import DFXBasics
import DFXTemplate

/// libFuzzer entry for DFXTemplate: every input is a template that is lexed, parsed, compiled and
/// rendered with a small step budget, on both render paths. Errors are expected and ignored; a crash, trap, hang or
/// sanitizer report is a bug. Built by scripts/fuzz/fuzz-template.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // Both render paths: lowered to class nodes (the default) and the parser's tree alone.
    let runs: [(UndefinedBehavior, TemplateLowering)] = [(.lenient, .all), (.strict, .all), (.semiStrict, .none)]
    for (behavior, lowering) in runs {
        var options = EnvironmentOptions()
        options.undefinedBehavior = behavior
        options.lowering = lowering
        options.maxSteps = 20_000
        let environment = FuzzEnvironment.make(options)
        do {
            let template = try environment.compile(source, path: "models/fuzz.sql")
            _ = template.staticCalls(to: ["ref", "source", "config"])
            try environment.addMacros(from: template, namespace: "proj")
            _ = try environment.render(template, context: FuzzEnvironment.context)
        } catch {
            // Diagnostics are the expected outcome for most inputs.
        }
    }
    return 0
}

/// The fixed globals and context every fuzz input renders against.
enum FuzzEnvironment {
    /// A fresh context per render: lists and dicts are shared by reference, so an input that
    /// appends to `cols` must not grow the list seen by every later input (which once made the
    /// fuzzer report a slow unit that was only the harness's own accumulated state).
    static var context: [String: Value] { [
        "name": .string("orders"),
        "n": .int(3),
        "ratio": .double(0.5),
        "flag": .bool(true),
        "nothing": .none,
        "cols": Value.list([.string("id"), .string("amount"), .string("created_at")]),
        "cfg": Value.dict([("materialized", .string("table")), ("tags", Value.list([.string("a")]))]),
    ] }

    static func make(_ options: EnvironmentOptions) -> Environment {
        var environment = Environment(options: options)
        install(into: &environment)
        return environment
    }

    private static func install(into environment: inout Environment) {
        environment.addGlobal(
            "ref",
            .function(
                NativeFunction("ref") { arguments in
                    guard let name = arguments.value(at: 0, named: "name")?.asString else {
                        throw TemplateRuntimeError("ref() takes a model name")
                    }
                    return .string("\"analytics\".\"\(name)\"")
                }))
        environment.addGlobal("is_incremental", .function(NativeFunction("is_incremental") { _ in .bool(false) }))
    }
}
