import ArgumentParser

/// Options of the commands that run data tests (`dfx test`, `dfx build`).
public struct TestingOptions: ParsableArguments, Sendable {
    @Flag(help: "Treat warnings as errors: a test that would warn fails (exit status 1).")
    public var warnError = false

    @Flag(help: "Keep every test's failing rows in a table in the audit schema (<schema>_dfx_test__audit).")
    public var storeFailures = false

    @Option(help: "Write a JUnit XML report to this path: one testcase per test and per built node.")
    public var junitXml: String?

    public init() {}
}
