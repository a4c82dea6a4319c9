import DFXBasics
import XCTest

/// `ByteOrder` against the standard library: the same order as `String`'s `<` for every sorted set,
/// and `compare` agreeing with a byte-by-byte comparison.
final class ByteOrderTests: XCTestCase {
    func testSortedMatchesStringOrder() {
        let sets: [[String]] = [
            [], ["b"], ["model.shop.b", "model.shop.a", "model.shop", "", "model.shop.a_b", "Model.shop.a", "model.shop.a"],
            ["models/staging/z.sql", "models/staging.sql", "models/staging/a.sql", "models/stag", "models/staging/a.sql.bak"],
            // Non-ASCII takes the general path: canonically equivalent spellings sort together there.
            ["é", "e\u{301}", "f", "e", "ü", "z"],
        ]
        for strings in sets { XCTAssertEqual(ByteOrder.sorted(strings), strings.sorted(), "\(strings)") }
    }

    func testCompareIsByteOrder() {
        let words = ["", "a", "ab", "abc", "b", "B", "a\u{0}", "é", "z", "zz"]
        for left in words {
            for right in words {
                let expected = left.utf8.elementsEqual(right.utf8) ? 0 : (left.utf8.lexicographicallyPrecedes(right.utf8) ? -1 : 1)
                XCTAssertEqual(ByteOrder.compare(left, right).signum(), expected, "\(left) vs \(right)")
            }
        }
    }
}
