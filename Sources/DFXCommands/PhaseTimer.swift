import Foundation

/// Per-phase wall times and the peak memory so far, printed to stderr when `DFX_TIMINGS=1` (for
/// benchmarks and profiling).
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
        let peak = Self.peakResidentMegabytes().map { " (peak \($0) MB)" } ?? ""
        console.warning("timing: \(phase) \(Duration.seconds(now - last))\(peak)", event: "Timing")
        last = now
    }

    /// The process's peak resident set so far (`VmHWM` of /proc/self/status), where Linux reports it.
    static func peakResidentMegabytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        return kilobytes / 1024
    }
}
