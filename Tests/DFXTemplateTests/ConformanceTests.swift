import DFXBasics
import DFXTemplate
import Foundation
import XCTest

/// Runs the Jinja2 conformance suite: every case in `Conformance/cases/<group>.json` is rendered with
/// DFXTemplate and compared with what Python's jinja2 3.1 did, recorded in `Conformance/expected/`
/// by `scripts/jinja-conformance/generate.py`. One test method per group; each reports every failing
/// case by name with expected and actual output.
///
/// (This file holds its small JSON reader too: the harness owns only this one Swift file.)
final class ConformanceTests: XCTestCase {
    /// Every group, in the order the test methods below run them.
    static let groups = [
        "syntax_whitespace", "raw_comments", "expressions", "arithmetic", "printing", "if", "for",
        "set_scoping", "macros", "filters", "tests", "methods", "dbt_idioms", "undefined", "undefined_semistrict", "errors",
    ]

    func testSyntaxWhitespace() throws { try runGroup("syntax_whitespace") }
    func testRawComments() throws { try runGroup("raw_comments") }
    func testExpressions() throws { try runGroup("expressions") }
    func testArithmetic() throws { try runGroup("arithmetic") }
    func testPrinting() throws { try runGroup("printing") }
    func testIf() throws { try runGroup("if") }
    func testFor() throws { try runGroup("for") }
    func testSetScoping() throws { try runGroup("set_scoping") }
    func testMacros() throws { try runGroup("macros") }
    func testFilters() throws { try runGroup("filters") }
    func testTests() throws { try runGroup("tests") }
    func testMethods() throws { try runGroup("methods") }
    func testDbtIdioms() throws { try runGroup("dbt_idioms") }
    func testUndefined() throws { try runGroup("undefined") }
    func testUndefinedSemiStrict() throws { try runGroup("undefined_semistrict") }
    func testErrors() throws { try runGroup("errors") }

    /// A group file nobody runs would silently shrink the suite.
    func testEveryGroupFileHasATestMethod() throws {
        let casesDirectory = try Self.conformanceDirectory().appendingPathComponent("cases")
        let files = try FileManager.default.contentsOfDirectory(atPath: casesDirectory.path)
        let onDisk = Set(files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
        XCTAssertEqual(onDisk, Set(Self.groups))
        XCTAssertGreaterThanOrEqual(try Self.groups.map { try Self.loadCases($0).count }.reduce(0, +), 260)
    }

    /// The harness's JSON reader must keep 1 and 1.0 and true apart, and keys in file order.
    func testJSONReaderKeepsNumberKindsAndKeyOrder() throws {
        var parser = JSONParser(#"{"b": 1, "a": [1.0, -2e3, true, null], "c": "\u00e9\ud83d\ude00\n\"x\""}"#)
        let document = try parser.parseDocument()
        guard case .object(let pairs) = document else { return XCTFail("not an object: \(document)") }
        XCTAssertEqual(pairs.map(\.0), ["b", "a", "c"])
        XCTAssertEqual(document["b"], .number("1"))
        XCTAssertEqual(document["a"], .array([.number("1.0"), .number("-2e3"), .bool(true), .null]))
        XCTAssertEqual(document["c"], .string("é😀\n\"x\""))
        for bad in ["{", "[1,]", "\"open", "{\"a\" 1}", "tru", "[1] 2"] {
            var failing = JSONParser(bad)
            XCTAssertThrowsError(try failing.parseDocument(), bad)
        }
    }

    /// Compiled templates are shared by concurrent renders (dfx renders models in parallel): every
    /// concurrent render must give what a serial render of the same case gives.
    func testConcurrentRendersMatchSerialRenders() async throws {
        var jobs: [(name: String, environment: Environment, template: Template, context: [(String, JSON)], serial: String)] = []
        for group in ["dbt_idioms", "macros", "set_scoping", "methods", "filters"] {
            for testCase in try Self.loadCases(group) {
                guard let (environment, template) = try? Self.prepare(testCase),
                    let serial = try? environment.render(template, context: testCase.context)
                else { continue }
                jobs.append(("\(group)/\(testCase.name)", environment, template, testCase.contextJSON, serial))
            }
        }
        XCTAssertGreaterThan(jobs.count, 100)
        let mismatches = await withTaskGroup(of: String?.self) { tasks in
            for job in jobs {
                for _ in 0..<8 {
                    tasks.addTask {
                        var context: [String: Value] = [:]
                        for (key, value) in job.context { context[key] = value.templateValue }
                        let output = try? job.environment.render(job.template, context: context)
                        return output == job.serial ? nil : "\(job.name): \(output.debugDescription)"
                    }
                }
            }
            var found: [String] = []
            for await mismatch in tasks { if let mismatch { found.append(mismatch) } }
            return found
        }
        XCTAssertEqual(mismatches, [], "concurrent renders differ from serial renders")
    }

    // MARK: - Running a group

    /// Every case runs on each render path: template bodies and macros lowered to nodes (the
    /// default), macros only (as `dfx compile` renders models), and the parser's tree alone.
    static let loweringModes: [(String, TemplateLowering)] = [("all", .all), ("macros", .macros), ("none", .none)]

    private func runGroup(_ group: String) throws {
        let cases = try Self.loadCases(group)
        let expectations = try Self.loadExpectations(group)
        XCTAssertFalse(cases.isEmpty, "\(group): no cases")
        for (mode, lowering) in Self.loweringModes {
            var failures = 0
            for testCase in cases {
                guard let expected = expectations[testCase.name] else {
                    failures += 1
                    XCTFail("\(group)/\(testCase.name): no expectation recorded; run scripts/jinja-conformance/generate.py")
                    continue
                }
                if let problem = Self.check(testCase, lowering: lowering, against: expected) {
                    failures += 1
                    XCTFail("\(group)/\(testCase.name) [lowering: \(mode)]: \(problem)\n  template: \(testCase.template.debugDescription)")
                }
            }
            print("conformance \(group) [lowering: \(mode)]: \(cases.count - failures)/\(cases.count) passed")
        }
    }

    /// nil when the engine agrees with Jinja2, else a description of the difference.
    private static func check(_ testCase: Case, lowering: TemplateLowering, against expected: Expectation) -> String? {
        let actual = run(testCase, lowering: lowering)
        switch (expected, actual) {
        case let (.output(want), .success(got)):
            return want == got ? nil : "expected \(want.debugDescription), got \(got.debugDescription)"
        case let (.output(want), .failure(error)):
            return "expected \(want.debugDescription), got error:\n\(error)"
        case let (.error(message, _, _), .success(got)):
            return "expected an error (jinja2: \(message)), got \(got.debugDescription)"
        case let (.error(message, line, file), .failure(error)):
            guard let line else { return nil }
            let location = error.diagnostics.first?.location
            if location?.line == line, location?.file == file { return nil }
            let actual = location.map { "\($0.file):\($0.line)" } ?? "no location"
            return "error at \(actual), jinja2 says \(file):\(line) (\(message)):\n\(error)"
        }
    }

    /// Compiles the case's macro files and template, then renders; any DiagnosticError is the result.
    private static func run(_ testCase: Case, lowering: TemplateLowering) -> Result<String, DiagnosticError> {
        do {
            let (environment, template) = try prepare(testCase, lowering: lowering)
            return .success(try environment.render(template, context: testCase.context))
        } catch {
            return .failure(diagnostic(from: error))
        }
    }

    /// An environment with the natives and the case's macro files, and the compiled case template.
    private static func prepare(_ testCase: Case, lowering: TemplateLowering = .all) throws -> (Environment, Template) {
        var options = EnvironmentOptions()
        options.undefinedBehavior = testCase.undefined
        options.maxSteps = 1_000_000  // every case is tiny: a runaway render is a failure, not a hang
        options.lowering = lowering
        var environment = Environment(options: options)
        installNatives(into: &environment)
        for (path, source) in testCase.macros {
            let macroFile = try environment.compile(source, path: path)
            try environment.addMacros(from: macroFile, namespace: "proj")
        }
        return (environment, try environment.compile(testCase.template, path: "models/case.sql"))
    }

    /// The engine's API throws DiagnosticError; anything else is reported as such, never lost.
    private static func diagnostic(from error: any Error) -> DiagnosticError {
        (error as? DiagnosticError) ?? DiagnosticError(Diagnostic(.error, "non-diagnostic error: \(error)"))
    }

    // MARK: - Natives (the same as generate.py's)

    private static func installNatives(into environment: inout Environment) {
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
            "var",
            .function(
                NativeFunction("var") { arguments in
                    guard let name = arguments.value(at: 0, named: "name")?.asString else {
                        throw TemplateRuntimeError("var() takes a variable name")
                    }
                    if let found = conformanceVars.first(where: { $0.0 == name }) { return found.1 }
                    if let fallback = arguments.value(at: 1, named: "default") { return fallback }
                    throw TemplateRuntimeError("Required var '\(name)' not found")
                }))
        environment.addGlobal("is_incremental", .function(NativeFunction("is_incremental") { _ in .bool(false) }))
    }

    // MARK: - Loading cases and expectations

    private struct Case {
        /// A fresh context on every call: lists and dicts are shared by reference, and a case may mutate them.
        var context: [String: Value] {
            var values: [String: Value] = [:]
            for (key, value) in contextJSON { values[key] = value.templateValue }
            return values
        }

        var name: String
        var template: String
        var contextJSON: [(String, JSON)]
        var undefined: UndefinedBehavior
        var macros: [(String, String)]
    }

    private enum Expectation {
        case output(String)
        /// Jinja2's exception, and where it happened when that is stable.
        case error(String, line: Int?, file: String)
    }

    private struct HarnessError: Error, CustomStringConvertible {
        var description: String
    }

    private static func conformanceDirectory() throws -> URL {
        guard let url = Bundle.module.url(forResource: "Conformance", withExtension: nil) else {
            throw HarnessError(description: "resource folder Conformance is missing from the test bundle")
        }
        return url
    }

    private static func loadJSON(_ relativePath: String) throws -> JSON {
        let url = try conformanceDirectory().appendingPathComponent(relativePath)
        let text = try String(contentsOf: url, encoding: .utf8)
        var parser = JSONParser(text)
        return try parser.parseDocument()
    }

    private static func loadCases(_ group: String) throws -> [Case] {
        guard case .array(let items) = try loadJSON("cases/\(group).json") else {
            throw HarnessError(description: "\(group): cases file is not a JSON array")
        }
        return try items.map { item in
            guard case .string(let name)? = item["name"],
                case .string(let template)? = item["template"]
            else { throw HarnessError(description: "\(group): malformed case \(item)") }
            var context: [(String, JSON)] = []
            if case .object(let pairs)? = item["context"] { context = pairs }
            var macros: [(String, String)] = []
            if case .object(let files)? = item["macros"] {
                for (path, source) in files {
                    guard case .string(let text) = source else {
                        throw HarnessError(description: "\(group)/\(name): macro file \(path) is not a string")
                    }
                    macros.append((path, text))
                }
            }
            let undefined: UndefinedBehavior
            switch item["undefined"] {
            case nil, .string("lenient")?: undefined = .lenient
            case .string("strict")?: undefined = .strict
            case .string("semiStrict")?: undefined = .semiStrict
            default: throw HarnessError(description: "\(group)/\(name): unknown undefined behaviour")
            }
            return Case(name: name, template: template, contextJSON: context, undefined: undefined, macros: macros)
        }
    }

    private static func loadExpectations(_ group: String) throws -> [String: Expectation] {
        guard case .object(let entries) = try loadJSON("expected/\(group).json") else {
            throw HarnessError(description: "\(group): expected file is not a JSON object")
        }
        var result: [String: Expectation] = [:]
        for (name, entry) in entries {
            if case .string(let output)? = entry["output"] {
                result[name] = .output(output)
            } else if case .string(let message)? = entry["error"] {
                var line: Int?
                if case .number(let text)? = entry["line"] { line = Int(text) }
                var file = "models/case.sql"
                if case .string(let path)? = entry["file"] { file = path }
                result[name] = .error(message, line: line, file: file)
            } else {
                throw HarnessError(description: "\(group)/\(name): expectation has neither output nor error")
            }
        }
        return result
    }
}

/// The fixed project vars behind the `var()` native (generate.py's VARS).
private let conformanceVars: [(String, Value)] = [
    ("start_date", .string("2024-01-01")),
    ("limit", .int(10)),
    ("enabled", .bool(true)),
    ("regions", Value.list([.string("eu"), .string("us")])),
]

// MARK: - A small JSON reader that keeps key order and tells 1 from 1.0 from true

private enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The literal text, so that integers and floats stay apart as in Python's json module.
    case number(String)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    subscript(key: String) -> JSON? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    static func == (lhs: JSON, rhs: JSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Objects become dicts (in file order), arrays lists, integral literals ints, others doubles.
    var templateValue: Value {
        switch self {
        case .null: return .none
        case .bool(let flag): return .bool(flag)
        case .number(let text):
            if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let integer = Int(text) {
                return .int(integer)
            }
            return .double(Double(text) ?? .nan)
        case .string(let text): return .string(text)
        case .array(let items): return Value.list(items.map(\.templateValue))
        case .object(let pairs): return Value.dict(pairs.map { ($0.0, $0.1.templateValue) })
        }
    }
}

private struct JSONParser {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    mutating func parseDocument() throws -> JSON {
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard index == scalars.count else { throw failure("trailing characters") }
        return value
    }

    private func failure(_ message: String) -> Failure { Failure(description: "JSON: \(message) at scalar \(index)") }

    private mutating func skipWhitespace() {
        while index < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[index]) { index += 1 }
    }

    private mutating func expect(_ literal: String) throws {
        for scalar in literal.unicodeScalars {
            guard index < scalars.count, scalars[index] == scalar else { throw failure("expected \(literal)") }
            index += 1
        }
    }

    private mutating func parseValue(depth: Int) throws -> JSON {
        guard depth < 200 else { throw failure("nesting too deep") }
        skipWhitespace()
        guard index < scalars.count else { throw failure("unexpected end") }
        switch scalars[index] {
        case "n": try expect("null"); return .null
        case "t": try expect("true"); return .bool(true)
        case "f": try expect("false"); return .bool(false)
        case "\"": return .string(try parseString())
        case "[":
            index += 1
            var items: [JSON] = []
            skipWhitespace()
            if index < scalars.count, scalars[index] == "]" { index += 1; return .array(items) }
            while true {
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard index < scalars.count else { throw failure("unterminated array") }
                let separator = scalars[index]
                index += 1
                if separator == "]" { return .array(items) }
                guard separator == "," else { throw failure("expected , or ]") }
            }
        case "{":
            index += 1
            var pairs: [(String, JSON)] = []
            skipWhitespace()
            if index < scalars.count, scalars[index] == "}" { index += 1; return .object(pairs) }
            while true {
                skipWhitespace()
                guard index < scalars.count, scalars[index] == "\"" else { throw failure("expected a key") }
                let key = try parseString()
                skipWhitespace()
                try expect(":")
                pairs.append((key, try parseValue(depth: depth + 1)))
                skipWhitespace()
                guard index < scalars.count else { throw failure("unterminated object") }
                let separator = scalars[index]
                index += 1
                if separator == "}" { return .object(pairs) }
                guard separator == "," else { throw failure("expected , or }") }
            }
        default:
            return .number(try parseNumber())
        }
    }

    private mutating func parseNumber() throws -> String {
        let start = index
        while index < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[index]) { index += 1 }
        guard index > start else { throw failure("unexpected character") }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    private mutating func parseString() throws -> String {
        index += 1  // opening quote
        var result = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\"": return String(result)
            case "\\":
                guard index < scalars.count else { break }
                let escape = scalars[index]
                index += 1
                switch escape {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "b": result.append("\u{08}")
                case "f": result.append("\u{0C}")
                case "u": result.append(try parseUnicodeEscape())
                default: result.append(escape)  // \" \\ \/
                }
            default: result.append(scalar)
            }
        }
        throw failure("unterminated string")
    }

    private mutating func parseHex4() throws -> UInt32 {
        guard index + 4 <= scalars.count,
            let code = UInt32(String(String.UnicodeScalarView(scalars[index..<index + 4])), radix: 16)
        else { throw failure("bad \\u escape") }
        index += 4
        return code
    }

    private mutating func parseUnicodeEscape() throws -> Unicode.Scalar {
        let high = try parseHex4()
        if (0xD800..<0xDC00).contains(high) {
            try expect("\\u")
            let low = try parseHex4()
            let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            guard (0xDC00..<0xE000).contains(low), let scalar = Unicode.Scalar(combined) else {
                throw failure("bad surrogate pair")
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else { throw failure("lone surrogate") }
        return scalar
    }
}
