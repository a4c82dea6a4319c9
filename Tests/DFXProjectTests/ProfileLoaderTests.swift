import DFXBasics
import Foundation
import XCTest

@testable import DFXProject

/// Finding `profiles.yml`, choosing profile and target, rendering `env_var`, keeping secrets secret.
final class ProfileLoaderTests: XCTestCase {
    static func profiles(schema: String, extra: String = "") -> String {
        """
        shop:
          target: dev
          outputs:
            dev:
              type: postgres
              host: localhost
              user: me
              password: "{{ env_var('SHOP_PASSWORD', 'default-secret') }}"
              dbname: warehouse
              schema: \(schema)
            prod:
              type: postgres
              host: "{{ env_var('SHOP_HOST') }}"
              user: me
              dbname: warehouse
              schema: prod_schema
            local:
              type: sqlite
              database: local.db
              schema: main
        \(extra)
        """
    }

    func testSearchOrder() throws {
        let project = try TemporaryProject([:])
        let envDir = project.home + "/from-env"
        let flagDir = project.home + "/from-flag"
        let environment = ["HOME": project.home, "DFX_PROFILES_DIR": envDir]
        let loader = ProfileLoader(projectRoot: project.root, profilesDir: flagDir, environment: environment)
        XCTAssertEqual(loader.searchPath, [flagDir], "--profiles-dir is the only folder searched, as in dbt")
        XCTAssertEqual(
            ProfileLoader(projectRoot: project.root, environment: environment).searchPath,
            [project.root, envDir, project.home + "/.dfx", project.home + "/.dbt"])

        // Each file is written in turn from the least to the most preferred place; the newest wins.
        let places: [(folder: String, schema: String, profilesDir: String?)] = [
            (project.home + "/.dbt", "from_dbt_home", nil),
            (project.home + "/.dfx", "from_dfx_home", nil),
            (envDir, "from_env", nil),
            (project.root, "from_project", nil),
            (flagDir, "from_flag", flagDir),
        ]
        for place in places {
            try project.write(place.folder + "/profiles.yml", Self.profiles(schema: place.schema))
            let target = try ProfileLoader(projectRoot: project.root, profilesDir: place.profilesDir, environment: environment)
                .load(profileName: "shop", targetName: nil)
            XCTAssertEqual(target.schema, place.schema)
        }
    }

    func testEmbeddedDefaultWithoutProfiles() throws {
        let project = try TemporaryProject([:])
        let target = try ProfileLoader(projectRoot: project.root, environment: ["HOME": project.home])
            .load(profileName: "shop", targetName: nil)
        XCTAssertEqual(target.type, "sqlite")
        XCTAssertEqual(target.database, project.root + "/target/dfx.db")
        XCTAssertEqual(target.profileName, "shop")
        XCTAssertEqual(target.name, "dev")

        // An explicit --profiles-dir without a file is an error, not a silent default, even when
        // another profiles.yml exists on the default search path.
        try project.write("profiles.yml", Self.profiles(schema: "project_dir"))
        XCTAssertThrowsError(
            try ProfileLoader(projectRoot: project.root, profilesDir: project.home + "/nowhere", environment: ["HOME": project.home])
                .load(profileName: "shop", targetName: nil)
        ) { error in
            XCTAssertTrue("\(error)".contains("nowhere"), "\(error)")
        }
    }

    func load(_ project: TemporaryProject, profile: String? = "shop", target: String? = nil, environment: [String: String] = [:])
        throws(DiagnosticError) -> TargetSettings
    {
        var env = environment
        env["HOME"] = project.home
        return try ProfileLoader(projectRoot: project.root, environment: env).load(profileName: profile, targetName: target)
    }

    func testTargetsAndEnvVars() throws {
        let project = try TemporaryProject(["profiles.yml": Self.profiles(schema: "dev_schema")])
        let dev = try load(project)
        XCTAssertEqual(dev.name, "dev")
        XCTAssertEqual(dev.string("password"), "default-secret", "env_var default")
        XCTAssertEqual(try load(project, environment: ["SHOP_PASSWORD": "from-env"]).string("password"), "from-env")
        let prod = try load(project, target: "prod", environment: ["SHOP_HOST": "db.example"])
        XCTAssertEqual(prod.string("host"), "db.example")
        XCTAssertEqual(prod.schema, "prod_schema")
        let local = try load(project, target: "local")
        XCTAssertEqual(local.database, project.root + "/local.db")

        // env_var without a default and without the variable: an error at the value, with a hint.
        do {
            _ = try load(project, target: "prod")
            XCTFail("SHOP_HOST is not set")
        } catch {
            let diagnostic = try XCTUnwrap(error.diagnostics.first)
            XCTAssertTrue(diagnostic.message.contains("SHOP_HOST"), diagnostic.message)
            XCTAssertEqual(diagnostic.location?.line, 13)
            XCTAssertTrue(diagnostic.location?.file.hasSuffix("profiles.yml") ?? false)
            XCTAssertNotNil(diagnostic.hint)
        }
    }

    func testMissingProfileAndTargetSuggestNames() throws {
        let project = try TemporaryProject(["profiles.yml": Self.profiles(schema: "s")])
        let cases: [(profile: String?, target: String?, message: String, hint: String)] = [
            ("shp", nil, "profile 'shp' is not in", "did you mean 'shop'?"),
            ("shop", "prd", "target 'prd' is not an output of profile 'shop'", "did you mean 'prod'?"),
        ]
        for (profile, target, message, hint) in cases {
            do {
                _ = try load(project, profile: profile, target: target)
                XCTFail("\(String(describing: profile)) / \(String(describing: target)) should fail")
            } catch {
                let diagnostic = try XCTUnwrap(error.diagnostics.first)
                XCTAssertTrue(diagnostic.message.contains(message), diagnostic.message)
                XCTAssertEqual(diagnostic.hint, hint)
                XCTAssertNotNil(diagnostic.location)
            }
        }
        // A single profile is used when the project names none.
        XCTAssertEqual(try load(project, profile: nil).profileName, "shop")
    }

    func testSecretsNeverPrinted() throws {
        let secret = "s3cr3t-Pa55"
        let project = try TemporaryProject([
            "profiles.yml": Self.profiles(schema: "s")
        ])
        let target = try load(project, environment: ["SHOP_PASSWORD": secret])
        XCTAssertEqual(target.string("password"), secret, "the field holds it, for connecting")
        XCTAssertFalse(target.description.contains(secret), target.description)
        XCTAssertTrue(target.description.contains("password=**********"), target.description)
        XCTAssertFalse("\(target.redactedFields)".contains(secret))
    }

    func testErrorsNeverCarryTheSecret() throws {
        let secret = "s3cr3t-Pa55"
        let text = """
            shop:
              target: broken
              outputs:
                broken:
                  type: postgres
                  password: "{{ env_var('SHOP_PASSWORD') }}"
                  user: me
                misspelled:
                  type: postgress
                  password: "{{ env_var('SHOP_PASSWORD') }}"
                  schema: s
                bad_threads:
                  type: postgres
                  password: "\(secret)"
                  schema: s
                  threads: 0
                flow: {password: \(secret), type: postgres, user: x}
                block:
                  password: '\(secret)'
                  type: postgres
            """
        let project = try TemporaryProject(["profiles.yml": text])
        for target in ["broken", "misspelled", "bad_threads", "flow", "block"] {
            do {
                _ = try load(project, target: target, environment: ["SHOP_PASSWORD": secret])
                XCTFail("\(target) should fail")
            } catch {
                XCTAssertFalse(error.diagnostics.isEmpty)
                for diagnostic in error.diagnostics {
                    XCTAssertFalse(diagnostic.description.contains(secret), "\(target): \(diagnostic.description)")
                }
            }
        }
    }

    func testSecretValuesRedactedInLines() {
        let cases = [
            ("dev: {password: hunter2, type: postgres}", "dev: {password: **********, type: postgres}"),
            ("  password: 'hunter 2'", "  password: **********"),
            ("  \"api_token\": abc", "  \"api_token\": **********"),
            ("  url: postgres://u:hunter2@h/d", "  url: postgres://u:**********@h/d"),
            ("  schema: analytics", "  schema: analytics"),
        ]
        for (input, expected) in cases { XCTAssertEqual(TargetSettings.redactingSecretValues(input), expected, input) }
    }

    func testURIRedaction() {
        let cases = [
            ("postgresql://analyst:hunter2@db.example:5432/warehouse", "postgresql://analyst:**********@db.example:5432/warehouse"),
            ("postgresql://analyst@db.example/warehouse", "postgresql://analyst@db.example/warehouse"),
            ("host=db password=hunter2 user=me", "host=db password=********** user=me"),
            ("password=hunter2", "password=**********"),
            ("plain text", "plain text"),
        ]
        for (input, expected) in cases { XCTAssertEqual(TargetSettings.redactingURI(input), expected, input) }
        let target = TargetSettings(
            profileName: "p", name: "t", type: "postgres", schema: "s", database: "d", threads: 1,
            fields: ["url": .string("postgres://u:hunter2@h/d"), "api_token": .string("tok-123"), "pass": .string("x1")])
        XCTAssertFalse(target.description.contains("hunter2"), target.description)
        XCTAssertFalse(target.description.contains("tok-123"), target.description)
        XCTAssertFalse(target.description.contains("x1"), target.description)
    }
}
