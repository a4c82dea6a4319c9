import XCTest

@testable import DFXGraph

/// fnmatch, fqn and path matching, against Python's `fnmatch.fnmatchcase`, dbt's `is_selected_node`
/// and `pathlib` globbing.
final class MatcherTests: XCTestCase {
    func testGlob() {
        let cases: [(pattern: String, text: String, matches: Bool)] = [
            ("abc", "abc", true), ("abc", "abd", false), ("a*", "abc", true), ("*c", "abc", true),
            ("a*c", "ac", true), ("a*c", "abcbc", true), ("a*c", "abcb", false), ("a?c", "abc", true),
            ("a?c", "ac", false), ("[ab]x", "bx", true), ("[!ab]x", "bx", false), ("[!ab]x", "cx", true),
            ("[a-c]", "b", true), ("[a-c]", "d", false), ("[]]", "]", true), ("[", "[", true), ("a[", "a[", true),
            ("*", "", true), ("**", "x.y", true), ("*.sql", "dir/a.sql", true), ("ABC", "abc", false),
            ("*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false),
        ]
        for (pattern, text, matches) in cases {
            XCTAssertEqual(Glob(pattern).matches(text), matches, "fnmatch(\(text), \(pattern))")
        }
    }

    func testFQN() {
        let fqn = ["shop", "staging", "stripe", "stg_payments"]
        let flat = fqn
        let cases: [(String, Bool)] = [
            ("stg_payments", true), ("shop", true), ("shop.staging", true), ("shop.staging.stripe.stg_payments", true),
            ("staging", false), ("shop.stripe", false), ("shop.*", true), ("shop.staging.*.stg_*", true),
            ("shop.staging.stripe.stg_payments.extra", false), ("*payments", true), ("sho?", false), ("sho?.*", true),
        ]
        for (selector, matches) in cases {
            XCTAssertEqual(FQNMatcher(selector).matches(fqn: fqn[...], flat: flat[...]), matches, selector)
        }
        // Dotted model names act as namespace separators.
        XCTAssertTrue(FQNMatcher("pkg.v2.model").matches(fqn: ["pkg", "v2.model"], flat: ["pkg", "v2", "model"]))
        XCTAssertFalse(FQNMatcher("x").matches(fqn: [], flat: []))
    }

    func testPath() {
        let path = ["models", "staging", "stripe", "stg_payments.sql"]
        let cases: [(String, Bool)] = [
            ("models", true), ("models/staging", true), ("models/staging/", true), ("./models/staging", true),
            ("models/staging/stripe/stg_payments.sql", true), ("models/stag", false), ("staging", false),
            ("models/*/stripe", true), ("models/*", true), ("models/**/stg_payments.sql", true), ("**/*.sql", true),
            ("models/staging/*.sql", false), (".", true), ("models/staging/stripe/stg_payments.sql/x", false),
        ]
        for (selector, matches) in cases {
            XCTAssertEqual(PathMatcher(selector).matchesFileOrParent(path), matches, selector)
        }
        XCTAssertTrue(PathMatcher("models/schema.yml").matchesExactly(["models", "schema.yml"]))
        XCTAssertFalse(PathMatcher("models").matchesExactly(["models", "schema.yml"]))
    }

    func testStemAndScheme() {
        XCTAssertEqual(SelectionIndex.stem(of: "a.b.sql"), "a.b")
        XCTAssertEqual(SelectionIndex.stem(of: ".hidden"), ".hidden")
        XCTAssertEqual(SelectionIndex.strippingScheme("shop://models/schema.yml"), "models/schema.yml")
        XCTAssertEqual(SelectionIndex.strippingScheme("models/x.yml"), "models/x.yml")
    }
}
