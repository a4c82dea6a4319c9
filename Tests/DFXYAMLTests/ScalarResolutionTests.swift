import DFXYAML
import XCTest

/// Plain-scalar resolution, checked against PyYAML 6.0.3's `yaml.safe_load` (the table was produced
/// by running every input through `/tmp/dbtvenv/bin/python -c 'import yaml; print(repr(yaml.safe_load(s)))'`).
/// Deliberate differences: integers beyond 64 bits become doubles; timestamps stay strings; PyYAML
/// raises on `=`, `<<` as values and `0b_`, dfx reads them as strings.
final class ScalarResolutionTests: XCTestCase {
    private let table: [(input: String, expected: YAMLScalarValue)] = [
        // null
        ("", .null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
        ("nULL", .string("nULL")), ("none", .string("none")), ("None", .string("None")),
        // bool: y/n are NOT bools in PyYAML
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)), ("tRUE", .string("tRUE")),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("yes", .bool(true)), ("Yes", .bool(true)), ("YES", .bool(true)), ("yEs", .string("yEs")),
        ("no", .bool(false)), ("No", .bool(false)), ("NO", .bool(false)),
        ("on", .bool(true)), ("On", .bool(true)), ("ON", .bool(true)),
        ("off", .bool(false)), ("Off", .bool(false)), ("OFF", .bool(false)),
        ("y", .string("y")), ("Y", .string("Y")), ("n", .string("n")), ("N", .string("N")),
        // int
        ("0", .int(0)), ("-0", .int(0)), ("+0", .int(0)), ("7", .int(7)), ("-17", .int(-17)), ("+17", .int(17)),
        ("1_000", .int(1000)), ("1__", .int(1)), ("1_", .int(1)), ("_1", .string("_1")),
        ("0x1F", .int(31)), ("0x_1f", .int(31)), ("-0x1F", .int(-31)), ("0x", .string("0x")),
        ("0b101", .int(5)), ("-0b1_01", .int(-5)), ("0b2", .string("0b2")),
        ("017", .int(15)), ("0_17", .int(15)), ("00", .int(0)),
        ("0o17", .string("0o17")), ("08", .string("08")), ("09", .string("09")),
        ("1:30", .int(90)), ("-1:30", .int(-90)), ("190:20:30", .int(685_230)), ("1:5", .int(65)),
        ("1:60", .string("1:60")), ("0:30", .string("0:30")),
        ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
        ("12345678901234567890", .double(1.2345678901234567e19)),
        // float: a dot is required, and an exponent needs a sign
        ("1.5", .double(1.5)), ("-1.5", .double(-1.5)), ("+1.5", .double(1.5)), ("1.", .double(1)),
        ("1_000.5", .double(1000.5)), ("1.0e+3", .double(1000)), ("1.0E-3", .double(0.001)),
        ("1.e+3", .double(1000)), (".5", .double(0.5)), (".5e+2", .double(50)),
        ("1:30.5", .double(90.5)), ("-1:30.0", .double(-90)),
        ("1e3", .string("1e3")), ("1E3", .string("1E3")), ("1.0e3", .string("1.0e3")),
        ("-.5", .string("-.5")), ("+.5", .string("+.5")), ("._5", .string("._5")),
        (".inf", .double(.infinity)), ("-.inf", .double(-.infinity)), ("+.inf", .double(.infinity)),
        (".Inf", .double(.infinity)), (".INF", .double(.infinity)),
        ("inf", .string("inf")), ("nan", .string("nan")), ("-.nan", .string("-.nan")),
        ("1.2.3", .string("1.2.3")), ("0.0.1", .string("0.0.1")),
        // other
        ("orders", .string("orders")), ("123abc", .string("123abc")), ("+", .string("+")), (".", .string(".")),
        ("2024-01-01", .string("2024-01-01")), ("0b_", .string("0b_")),
    ]

    func testPlainScalarsResolveLikePyYAML() throws {
        for (input, expected) in table {
            let node = try XCTUnwrap(YAML.parse("value: \(input)\n", file: "t.yml")?["value"], input)
            XCTAssertEqual(node.resolvedScalar, expected, "input \(input)")
        }
    }

    func testNaNSpellings() throws {
        for input in [".nan", ".NaN", ".NAN"] {
            guard case .double(let value)? = try YAML.parse(input, file: "t.yml")?.resolvedScalar else {
                return XCTFail("\(input) is not a double")
            }
            XCTAssertTrue(value.isNaN, input)
        }
    }

    func testQuotedAndBlockScalarsAreStrings() throws {
        let text = """
            a: 'true'
            b: "42"
            c: |
              null
            d: >
              1.5
            e: ''
            """
        let root = try XCTUnwrap(YAML.parse(text, file: "t.yml"))
        XCTAssertEqual(root["a"]?.resolvedScalar, .string("true"))
        XCTAssertEqual(root["b"]?.resolvedScalar, .string("42"))
        XCTAssertEqual(root["c"]?.resolvedScalar, .string("null\n"))
        XCTAssertEqual(root["d"]?.resolvedScalar, .string("1.5\n"))
        XCTAssertEqual(root["e"]?.resolvedScalar, .string(""))
        XCTAssertEqual(root["b"]?.scalar?.style, .doubleQuoted)
        XCTAssertEqual(root["c"]?.scalar?.style, .literal)
    }

    func testExplicitTags() throws {
        let table: [(String, YAMLScalarValue)] = [
            ("!!str 42", .string("42")), ("!!str true", .string("true")), ("! 42", .string("42")),
            ("!!int \"42\"", .int(42)), ("!!int 0x10", .int(16)), ("!!float 1e3", .double(1000)),
            ("!!float 2", .double(2)), ("!!bool 'YES'", .bool(true)), ("!!null anything", .null),
        ]
        for (input, expected) in table {
            let node = try XCTUnwrap(YAML.parse(input, file: "t.yml"), input)
            XCTAssertEqual(node.resolvedScalar, expected, input)
        }
        XCTAssertEqual(try YAML.parse("!!str 42", file: "t.yml")?.tag, "tag:yaml.org,2002:str")
    }

    func testAccessors() throws {
        let root = try XCTUnwrap(YAML.parse("{s: x, i: 3, d: 2.5, b: off, n: ~, l: [1], m: {k: v}}", file: "t.yml"))
        XCTAssertEqual(root["s"]?.stringValue, "x")
        XCTAssertNil(root["i"]?.stringValue)
        XCTAssertEqual(root["i"]?.scalarText, "3")
        XCTAssertEqual(root["i"]?.intValue, 3)
        XCTAssertEqual(root["i"]?.doubleValue, 3)
        XCTAssertEqual(root["d"]?.doubleValue, 2.5)
        XCTAssertNil(root["d"]?.intValue)
        XCTAssertEqual(root["b"]?.boolValue, false)
        XCTAssertEqual(root["n"]?.isNull, true)
        XCTAssertEqual(root["l"]?[0]?.intValue, 1)
        XCTAssertNil(root["l"]?[1])
        XCTAssertEqual(root["m"]?["k"]?.stringValue, "v")
        XCTAssertEqual(
            root.mapping?.entries.map { $0.value.valueKind },
            [.string, .int, .double, .bool, .null, .sequence, .mapping])
        XCTAssertEqual(root.debugDescription, #"{"s": "x", "i": 3, "d": 2.5, "b": false, "n": null, "l": [1], "m": {"k": "v"}}"#)
    }
}
