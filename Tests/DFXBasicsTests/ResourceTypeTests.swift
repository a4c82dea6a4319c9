import DFXBasics
import XCTest

final class ResourceTypeTests: XCTestCase {
    /// The type is read from a unique ID's first component, exactly (no prefix matches).
    func testTypeFromUniqueID() {
        let cases: [(String, ResourceType?)] = [
            ("model.shop.orders", .model), ("test.shop.not_null_orders_id.6c3a1b2f9e", .test),
            ("source.shop.raw.orders", .source), ("snapshot.shop.orders_snapshot", .snapshot),
            ("analysis.shop.kpis", .analysis), ("seed.shop.countries", .seed), ("macro.shop.cents", .macro),
            ("operation.shop.on-run-start-0", .operation), ("models.shop.orders", nil), ("mode.shop.x", nil),
            ("model", nil), ("", nil), (".model", nil), ("Model.shop.orders", nil),
        ]
        for (id, expected) in cases { XCTAssertEqual(ResourceType(uniqueID: id), expected, id) }
    }
}
