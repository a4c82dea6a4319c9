import DFXBasics
import DFXTemplate
import Foundation

/// Renders the dbt-style benchmark templates with DFXTemplate, exactly as bench_jinja2.py does with
/// jinja2: same natives, same context, compile everything once, render each model N times.
///
///     template-bench [--iterations N] [--repeat R] [--dump DIR] [--templates DIR]
///
/// Each model renders N times, R times over; its fastest batch of N counts (as bench_jinja2.py).
///
/// The last line, `RESULT engine=dfx compile_ms=... render_mbps=...`, is read by template-bench.sh.
/// Built by build-template-bench.sh (swiftc -O with Sources/DFXBasics and Sources/DFXTemplate).
@main
struct TemplateBench {
    struct Options {
        var iterations = 200
        var repeats = 1
        var dump: String?
        var templates = "scripts/bench/templates"
    }

    static func main() {
        let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
        do {
            try run(options)
        } catch {
            print("template-bench: \(error)")
            exit(1)
        }
    }

    static func parseOptions(_ arguments: [String]) -> Options {
        var options = Options()
        var index = 0
        while index + 1 < arguments.count {
            let value = arguments[index + 1]
            switch arguments[index] {
            case "--iterations": options.iterations = Int(value) ?? options.iterations
            case "--repeat": options.repeats = max(1, Int(value) ?? options.repeats)
            case "--dump": options.dump = value
            case "--templates": options.templates = value
            default: print("template-bench: ignoring \(arguments[index])")
            }
            index += 2
        }
        return options
    }

    static func sqlFiles(in directory: String) throws -> [(name: String, source: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".sql") }.sorted()
        return try names.map { name in
            (String(name.dropLast(4)), try String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8))
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func run(_ options: Options) throws {
        let macroFiles = try sqlFiles(in: "\(options.templates)/macros")
        let models = try sqlFiles(in: "\(options.templates)/models")
        let clock = ContinuousClock()

        // jinja2's default Undefined, as bench_jinja2.py uses: the same templates must give the same SQL.
        var environment = Environment(options: EnvironmentOptions(undefinedBehavior: .lenient))
        BenchNatives.install(into: &environment)
        var compiled: [(name: String, template: Template)] = []
        let compileTime = try clock.measure {
            for file in macroFiles {
                let template = try environment.compile(file.source, path: "macros/\(file.name).sql")
                try environment.addMacros(from: template, namespace: "bench")
            }
            for model in models {
                compiled.append((model.name, try environment.compile(model.source, path: "models/\(model.name).sql")))
            }
        }
        let compileMilliseconds = seconds(compileTime) * 1000

        print("DFXTemplate: \(models.count) models, \(macroFiles.count) macro files, \(options.iterations) renders each, best of \(options.repeats)")
        var totalBytes = 0
        var totalSeconds = 0.0
        for (name, template) in compiled {
            var context = BenchNatives.context
            context["this"] = .string("\"analytics\".\"\(name)\"")
            let output = try environment.render(template, context: context)  // warm-up, and the output to check
            if let dump = options.dump {
                try FileManager.default.createDirectory(atPath: dump, withIntermediateDirectories: true)
                try output.write(toFile: "\(dump)/\(name).sql", atomically: true, encoding: .utf8)
            }
            let size = output.utf8.count
            var sink = 0
            var elapsed = Duration.seconds(1_000_000)
            for _ in 0..<options.repeats {
                let batch = try clock.measure {
                    for _ in 0..<options.iterations {
                        sink &+= try environment.render(template, context: context).utf8.count
                    }
                }
                elapsed = min(elapsed, batch)
            }
            if sink != size * options.iterations * options.repeats { print("  warning: \(name): output length changed between renders") }
            let modelSeconds = seconds(elapsed)
            totalBytes += size * options.iterations
            totalSeconds += modelSeconds
            let perRender = modelSeconds / Double(options.iterations) * 1e6
            let throughput = Double(size * options.iterations) / modelSeconds / 1e6
            print(
                "  \(pad(name, 28)) \(pad(String(size), 7, left: true)) B  \(pad(format(perRender), 9, left: true)) us/render"
                    + "  \(pad(format(throughput), 7, left: true)) MB/s")
        }
        let throughput = Double(totalBytes) / totalSeconds / 1e6
        print("compile: \(format(compileMilliseconds)) ms  render: \(format(throughput)) MB/s")
        print("RESULT engine=dfx compile_ms=\(format(compileMilliseconds, digits: 3)) render_mbps=\(format(throughput, digits: 3))")
    }

    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? padding + text : text + padding
    }

    static func format(_ value: Double, digits: Int = 2) -> String {
        String(format: "%.\(digits)f", value)
    }
}

/// The natives and context of bench_jinja2.py, as DFXTemplate values.
enum BenchNatives {
    static let vars: [(String, Value)] = [("start_date", .string("2021-06-01")), ("lookback_hours", .int(6))]

    static let context: [String: Value] = [
        "target": Value.dict([
            ("name", .string("dev")), ("schema", .string("analytics")), ("type", .string("postgres")),
            ("threads", .int(4)),
        ]),
        "invocation_id": .string("00000000-0000-0000-0000-000000000000"),
    ]

    static func install(into environment: inout Environment) {
        environment.addGlobal(
            "ref",
            .function(
                NativeFunction("ref") { arguments in
                    guard let name = arguments.value(at: 0, named: "name")?.asString else {
                        throw TemplateRuntimeError("ref() takes a model name")
                    }
                    return .string("\"analytics\".\"\(name)\"")
                }))
        environment.addGlobal(
            "source",
            .function(
                NativeFunction("source") { arguments in
                    guard let source = arguments.value(at: 0, named: "source_name")?.asString,
                        let table = arguments.value(at: 1, named: "table")?.asString
                    else { throw TemplateRuntimeError("source() takes a source name and a table name") }
                    return .string("\"raw_\(source)\".\"\(table)\"")
                }))
        environment.addGlobal("config", .function(NativeFunction("config") { _ in .string("") }))
        environment.addGlobal("is_incremental", .function(NativeFunction("is_incremental") { _ in .bool(false) }))
        environment.addGlobal(
            "var",
            .function(
                NativeFunction("var") { arguments in
                    guard let name = arguments.value(at: 0, named: "name")?.asString else {
                        throw TemplateRuntimeError("var() takes a variable name")
                    }
                    if let found = vars.first(where: { $0.0 == name }) { return found.1 }
                    if let fallback = arguments.value(at: 1, named: "default") { return fallback }
                    throw TemplateRuntimeError("Required var '\(name)' not found")
                }))
    }
}
