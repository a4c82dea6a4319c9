import DFXProject
import XCTest

/// `ProjectFile.stem` and `folders`, which name every model and build its fqn.
final class ProjectFileNameTests: XCTestCase {
    func testStemAndFolders() {
        let cases: [(path: String, stem: String, folders: [String])] = [
            ("orders.sql", "orders", []),
            ("staging/stg_orders.sql", "stg_orders", ["staging"]),
            ("marts/finance/fct.orders.sql", "fct.orders", ["marts", "finance"]),
            ("a//b/c.sql", "c", ["a", "b"]),
            ("noext", "noext", []),
            ("dir/.hidden", ".hidden", ["dir"]),
            ("dir/.hidden.sql", ".hidden", ["dir"]),
            ("ünïcode/café.sql", "café", ["ünïcode"]),
        ]
        for (path, stem, folders) in cases {
            let file = ProjectFile(path: "models/" + path, absolutePath: "/p/models/" + path, pathInResourceFolder: path, resourceFolder: "models", contents: "")
            XCTAssertEqual(file.stem, stem, path)
            XCTAssertEqual(file.folders, folders, path)
        }
    }
}
