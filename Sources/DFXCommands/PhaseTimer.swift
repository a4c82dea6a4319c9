/// Per-phase wall times, printed to stderr when `DFX_TIMINGS=1` (for benchmarks and profiling).
final class PhaseTimer: @unchecked Sendable {
    private let enabled: Bool
    private let console: Console
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant

    init(environment: [String: String], console: Console) {
        enabled = environment["DFX_TIMINGS"] == "1"
        self.console = console
        last = clock.now
    }

    /// Records the time since the previous mark under `phase`.
    func mark(_ phase: String) {
        guard enabled else { return }
        let now = clock.now
        console.warning("timing: \(phase) \(Duration.seconds(now - last))", event: "Timing")
        last = now
    }
}
