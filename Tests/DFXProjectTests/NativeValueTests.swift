@testable import DFXProject
import DFXBasics
import XCTest

/// Rendered YAML values become Python literals' values, as dbt's native rendering does.
final class NativeValueTests: XCTestCase {
    func testLiteralsBecomeValuesAndOtherTextStaysText() {
        let cases: [(String, ConfigValue)] = [
            ("True", .bool(true)), ("False", .bool(false)), ("None", .null), (" 42 ", .int(42)), ("2.5", .double(2.5)),
            ("['a', 'b']", .list([.string("a"), .string("b")])),
            ("{'k': True, 'n': None}", .dict(["k": .bool(true), "n": .null])),
            ("['True story']", .list([.string("True story")])),
            ("prod", .string("prod")), ("a: b", .string("a: b")), ("007", .string("007")), ("[unclosed", .string("[unclosed")),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(NativeValue.convert(text), expected, text)
        }
    }
}
