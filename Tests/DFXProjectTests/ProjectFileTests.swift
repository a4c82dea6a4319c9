import DFXBasics
import XCTest

@testable import DFXProject

/// The project file: dfx and dbt spellings, paths, vars, and located errors.
final class ProjectFileTests: XCTestCase {
    func testDbtProjectFileIsAccepted() throws {
        let project = try TemporaryProject([
            "dbt_project.yml": """
            name: shop
            profile: warehouse
            model-paths: ["transform"]
            seed-paths: ["data"]
            clean-targets: [target, dbt_packages]
            vars:
              start: 2024
              shop:
                scoped: yes
            on-run-start: "select 1"
            """,
            "transform/a/m.sql": "select 1",
            "data/s.csv": "id\n1\n",
            "macros/x.sql": "{% macro x() %}1{% endmacro %}",
        ]).load()
        XCTAssertEqual(project.settings.name, "shop")
        XCTAssertEqual(project.settings.file, "dbt_project.yml")
        XCTAssertEqual(project.settings.profile, "warehouse")
        XCTAssertEqual(project.models.map(\.path), ["transform/a/m.sql"])
        XCTAssertEqual(project.models.first?.pathInResourceFolder, "a/m.sql")
        XCTAssertEqual(project.models.first?.folders, ["a"])
        XCTAssertEqual(project.seeds.map(\.path), ["data/s.csv"])
        XCTAssertEqual(project.macros.count, 1)
        XCTAssertEqual(project.settings.cleanTargets, ["target", "dbt_packages"])
        XCTAssertEqual(project.settings.vars["start"], .int(2024))
        XCTAssertEqual(project.settings.vars["scoped"], .bool(true), "vars scoped to this project are flattened")
        XCTAssertEqual(project.settings.onRunStart, ["select 1"])
        XCTAssertTrue(project.warnings.isEmpty, "\(project.warnings)")
    }

    func testDfxProjectFileWinsOverDbtProjectFile() throws {
        let project = try TemporaryProject(["dfx_project.yml": "name: dfx_one\n", "dbt_project.yml": "name: dbt_one\n"]).load()
        XCTAssertEqual(project.settings.name, "dfx_one")
    }

    func testCLIVarsOverrideProjectVars() throws {
        let project = try TemporaryProject(["dbt_project.yml": "name: shop\nvars: {a: 1, b: 2}\n"]).load(vars: ["a": .int(10)])
        XCTAssertEqual(project.settings.vars["a"], .int(10))
        XCTAssertEqual(project.settings.vars["b"], .int(2))
    }

    func testMissingProjectFile() throws {
        let errors = try TemporaryProject(["models/m.sql": "select 1"]).loadErrors()
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].message.contains("no dfx_project.yml or dbt_project.yml"), errors[0].message)
        XCTAssertNotNil(errors[0].hint)
    }

    /// Golden diagnostics: exact `file:line:col: error: message`, the source line and the caret.
    func testProjectFileErrorGoldens() throws {
        let cases: [(text: String, expected: String)] = [
            (
                "name: shop\nmodel-paths: 3\n",
                """
                dbt_project.yml:2:14: error: 'model-paths' must be a string or a list of strings, found a number
                 2 | model-paths: 3
                   |              ^
                """
            ),
            (
                "name: \"my-shop\"\n",
                """
                dbt_project.yml:1:7: error: project name 'my-shop' is not a valid identifier
                 1 | name: "my-shop"
                   |       ^~~~~~~~~
                  hint: use letters, digits and underscores, starting with a letter or underscore
                """
            ),
            (
                "version: 1\n",
                """
                dbt_project.yml:1:1: error: the project file is missing required key 'name'
                 1 | version: 1
                   | ^
                """
            ),
        ]
        for (text, expected) in cases {
            let errors = try TemporaryProject(["dbt_project.yml": text]).loadErrors()
            let actual = errors.map(\.description).joined(separator: "\n")
            XCTAssertEqual(actual, expected, "expected:\n\(expected)\nactual:\n\(actual)")
        }
    }

    func testBothTestTreesAreRefused() throws {
        let errors = try TemporaryProject([
            "dbt_project.yml": "name: shop\ntests:\n  +severity: warn\ndata_tests:\n  +store_failures: true\n"
        ]).loadErrors()
        let error = try XCTUnwrap(errors.first)
        XCTAssertEqual(error.location, SourceLocation(file: "dbt_project.yml", line: 4, column: 1))
        XCTAssertTrue(error.message.contains("'tests' and 'data_tests'"), error.message)
        // Either one alone configures tests.
        for key in ["tests", "data_tests"] {
            let project = try TemporaryProject(["dbt_project.yml": "name: shop\n\(key):\n  +severity: warn\n"]).load()
            XCTAssertEqual(project.settings.configTrees[.test]?.configs["severity"], .string("warn"), key)
        }
    }

    func testYAMLSyntaxErrorIsLocated() throws {
        let errors = try TemporaryProject(["dbt_project.yml": "name: shop\nmodels:\n  shop: [unclosed\n"]).loadErrors()
        let error = try XCTUnwrap(errors.first)
        XCTAssertEqual(error.location?.file, "dbt_project.yml")
        XCTAssertNotNil(error.location?.line)
        XCTAssertTrue(error.description.hasPrefix("dbt_project.yml:"), error.description)
    }

    func testUnknownTopLevelKeyWarns() throws {
        let project = try TemporaryProject(["dbt_project.yml": "name: shop\nmodel_paths: [models]\n"]).load()
        let warning = try XCTUnwrap(project.warnings.first)
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.location, SourceLocation(file: "dbt_project.yml", line: 2, column: 1))
        XCTAssertEqual(warning.hint, "did you mean 'model-paths'?")
    }

    func testErrorsInSeveralPropertiesFilesAreCollectedTogether() throws {
        let errors = try TemporaryProject([
            "dbt_project.yml": "name: shop\n",
            "models/a.yml": "models:\n  - description: x\n",
            "models/b.yml": "sources: 1\n",
        ]).loadErrors()
        XCTAssertEqual(Set(errors.compactMap { $0.location?.file }), ["models/a.yml", "models/b.yml"])
    }

    func testSelectorsFile() throws {
        let project = try TemporaryProject([
            "dbt_project.yml": "name: shop\n",
            "selectors.yml": "selectors:\n  - name: nightly\n    default: true\n    definition: 'tag:nightly'\n",
        ]).load()
        XCTAssertEqual(project.selectors.map(\.name), ["nightly"])
        XCTAssertEqual(project.selectors.first?.isDefault, true)
        XCTAssertEqual(project.selectors.first?.definition, .string("tag:nightly"))
    }
}
