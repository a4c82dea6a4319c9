import Foundation
import XCTest

/// Reads a fixture CSV's bytes from the test bundle.
enum Fixture {
    static func bytes(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/CSV"),
            let data = try? Data(contentsOf: url)
        else {
            XCTFail("missing fixture Fixtures/CSV/\(name).csv", file: file, line: line)
            return []
        }
        return [UInt8](data)
    }

    static func path(_ name: String) -> String? {
        Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/CSV")?.path
    }
}
