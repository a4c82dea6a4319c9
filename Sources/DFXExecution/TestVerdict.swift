/// dbt's reading of a test query's row (`build_test_run_result`): at severity error, `error_if`
/// makes it fail; otherwise `warn_if` makes it warn (fail with `--warn-error`); else it passes.
/// At severity warn, `error_if` is ignored.
public struct TestVerdict: Sendable, Hashable {
    public var status: NodeResult.Status
    /// dbt's message: `Got 3 results, configured to fail if != 0`; empty for a pass.
    public var message: String
    /// The failures recorded in run_results.json: the count for fail and warn, 0 for a pass.
    public var failures: Int

    public init(failures count: Int, shouldWarn: Bool, shouldError: Bool, settings: TestSettings, warnError: Bool) {
        let got = "Got \(count) result\(count == 1 ? "" : "s"), configured to"
        if settings.severity == .error && shouldError {
            self.init(status: .fail, message: "\(got) fail if \(settings.errorIf)", failures: count)
        } else if shouldWarn {
            self.init(
                status: warnError ? .fail : .warn,
                message: "\(got) \(warnError ? "fail" : "warn") if \(settings.warnIf)", failures: count)
        } else {
            self.init(status: .pass, message: "", failures: 0)
        }
    }

    init(status: NodeResult.Status, message: String, failures: Int) {
        self.status = status
        self.message = message
        self.failures = failures
    }
}
