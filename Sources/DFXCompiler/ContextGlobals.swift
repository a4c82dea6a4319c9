import DFXBasics
import DFXProject
import DFXSQL
import DFXTemplate

/// The parts of dbt's template context that are the same for every node of an invocation:
/// `var`, `env_var`, `target`, `adapter`, `exceptions`, `modules`, `log`, `run_started_at`,
/// `invocation_id`, `local_md5`, `tojson`, `flags`.
enum ContextGlobals {
    static func install(in environment: Environment, settings: CompileSettings, projectName: String, projectVars: [String: ConfigValue]) {
        environment.addGlobal("var", .function(TemplateFunctions.projectVar(cliVars: settings.cliVars, projectVars: projectVars)))
        environment.addGlobal("env_var", .function(TemplateFunctions.envVar(settings.environment)))
        environment.addGlobal("target", targetValue(settings.target))
        environment.addGlobal("adapter", .object(AdapterObject(dialect: settings.dialect, environment: environment, projectName: projectName)))
        environment.addGlobal("exceptions", .object(ExceptionsObject()))
        environment.addGlobal("modules", .object(ModulesObject(now: settings.startedAt)))
        environment.addGlobal("run_started_at", .object(settings.startedAt))
        environment.addGlobal("invocation_id", .string(settings.invocationID))
        environment.addGlobal("project_name", .string(projectName))
        let sink = settings.log
        environment.addGlobal(
            "log",
            .function(
                NativeFunction("log") { arguments in
                    if let sink, arguments.value(at: 1, named: "info")?.isTruthy == true {
                        sink(arguments.value(at: 0, named: "msg")?.renderedString() ?? "")
                    }
                    return .string("")
                }))
        environment.addGlobal(
            "local_md5",
            .function(
                NativeFunction("local_md5") { arguments in
                    .string(Digest.md5Hex(arguments.value(at: 0, named: "value")?.renderedString() ?? ""))
                }))
        environment.addGlobal(
            "tojson",
            .function(
                NativeFunction("tojson") { arguments in
                    var writer = JSONWriter()
                    writer.value(ConfigValue(templateValue: arguments.value(at: 0, named: "value") ?? .none))
                    return .string(String(decoding: writer.bytes, as: UTF8.self))
                }))
        environment.addGlobal(
            "flags",
            .object(
                ReadOnlyMapping(
                    name: "flags",
                    entries: [
                        "FULL_REFRESH": .bool(settings.fullRefresh), "WHICH": .string(settings.command),
                        "STORE_FAILURES": .bool(false),
                    ])))
        environment.addGlobal("should_store_failures", .function(NativeFunction("should_store_failures") { _ in .bool(false) }))
    }

    /// `target`: the profile's target without any secret, read-only (shared by every render).
    static func targetValue(_ target: TargetSettings) -> Value {
        var entries: [String: ConfigValue] = [:]
        for (key, value) in target.redactedFields where !TargetSettings.isSecret(key) { entries[key] = value }
        entries["name"] = .string(target.name)
        entries["target_name"] = .string(target.name)
        entries["profile_name"] = .string(target.profileName)
        entries["type"] = .string(target.type)
        entries["schema"] = .string(target.schema)
        entries["database"] = .string(target.database)
        entries["dbname"] = .string(target.database)
        entries["threads"] = .int(target.threads)
        return .object(ReadOnlyMapping(name: "target", entries: entries))
    }
}

/// dbt's `adapter` object: `quote`, `dispatch`, `type()`, and with a database (see
/// `TemplateDatabase`) `get_columns_in_relation` and `get_relation`.
struct AdapterObject: TemplateObject {
    let dialect: SQLDialect
    let environment: Environment
    let projectName: String
    var database: TemplateDatabase?

    var renderedString: String { "<adapter \(dialect.kind.rawValue)>" }

    func attribute(_ name: String) -> Value? {
        let dialect = self.dialect
        switch name {
        case "quote":
            return .function(
                NativeFunction("quote") { arguments in
                    .string(dialect.quoteIdentifier(arguments.value(at: 0, named: "identifier")?.renderedString() ?? ""))
                })
        case "type":
            return .function(NativeFunction("type") { _ in .string(dialect.kind.rawValue) })
        case "dispatch":
            let environment = self.environment
            let projectName = self.projectName
            return .function(
                NativeFunction("dispatch") { arguments in
                    guard let macroName = arguments.value(at: 0, named: "macro_name")?.asString else {
                        throw TemplateRuntimeError("adapter.dispatch() needs a macro name")
                    }
                    let namespace = arguments.value(at: 1, named: "macro_namespace")?.asString
                    let namespaces = [projectName] + (namespace.map { [$0] } ?? []) + ["dfx", "dbt"]
                    for prefix in [dialect.kind.rawValue + "__", "default__", ""] {
                        for space in namespaces {
                            if let macro = environment.macro(named: prefix + macroName, namespace: space) { return macro }
                        }
                    }
                    throw TemplateRuntimeError(
                        "no implementation of '\(macroName)' for \(dialect.kind.rawValue)",
                        hint: "define a macro named '\(dialect.kind.rawValue)__\(macroName)' or 'default__\(macroName)'")
                })
        case "get_columns_in_relation", "get_relation":
            // Without a warehouse (parsing, when `execute` is false) they answer as dbt's parser
            // does: no columns, no relation.
            return database.map { DatabaseContext.adapterFunction(name, database: $0) }
                ?? .function(NativeFunction(name) { _ in name == "get_relation" ? .none : .list([]) })
        default:
            return nil
        }
    }
}

/// dbt's `exceptions` object: `raise_compiler_error(message)` fails the render with the message;
/// `warn(message)` is accepted and ignored at compile time.
struct ExceptionsObject: TemplateObject {
    var renderedString: String { "<exceptions>" }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "raise_compiler_error":
            return .function(
                NativeFunction("raise_compiler_error") { arguments in
                    throw TemplateRuntimeError(arguments.value(at: 0, named: "msg")?.renderedString() ?? "compilation error")
                })
        case "warn":
            return .function(NativeFunction("warn") { _ in .string("") })
        default: return nil
        }
    }
}

/// dbt's `modules`: `modules.datetime.datetime.now()`/`utcnow()`, `modules.datetime.date.today()`.
/// Times are the invocation's start time in UTC, so a compile is reproducible within a run.
struct ModulesObject: TemplateObject {
    let now: TimestampValue
    var renderedString: String { "<modules>" }

    func attribute(_ name: String) -> Value? {
        guard name == "datetime" else { return nil }
        return .object(DatetimeModule(now: now))
    }
}

struct DatetimeModule: TemplateObject {
    let now: TimestampValue
    var renderedString: String { "<module datetime>" }

    func attribute(_ name: String) -> Value? {
        let now = self.now
        switch name {
        case "datetime":
            return .object(
                FunctionsObject(name: "datetime", functions: [
                    "now": { _ in .object(now) }, "utcnow": { _ in .object(now) },
                ]))
        case "date":
            return .object(
                FunctionsObject(name: "date", functions: [
                    "today": { _ in .object(TimestampValue(year: now.year, month: now.month, day: now.day)) }
                ]))
        default: return nil
        }
    }
}

/// An object whose attributes are functions.
struct FunctionsObject: TemplateObject {
    let name: String
    let functions: [String: @Sendable (Arguments) throws -> Value]
    var renderedString: String { "<\(name)>" }

    func attribute(_ attribute: String) -> Value? {
        functions[attribute].map { .function(NativeFunction(attribute, $0)) }
    }
}
