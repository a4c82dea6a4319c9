import Foundation

/// Per-phase wall times and the peak memory so far, printed to stderr when `DFX_TIMINGS=1` (for
/// benchmarks and profiling).
final class PhaseTimer: @unchecked Sendable {
    private let enabled: Bool
    private let console: Console
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private var lastCPU: Double

    init(environment: [String: String], console: Console) {
        enabled = environment["DFX_TIMINGS"] == "1"
        self.console = console
        last = clock.now
        lastCPU = Self.processCPUSeconds()
    }

    /// Records the time since the previous mark under `phase`.
    func mark(_ phase: String) {
        guard enabled else { return }
        let now = clock.now
        let cpu = Self.processCPUSeconds()
        let peak = Self.peakResidentMegabytes().map { ", peak \($0) MB" } ?? ""
        let busy = String(format: "%.2f", cpu - lastCPU)
        console.warning("timing: \(phase) \(Duration.seconds(now - last)) (cpu \(busy)s\(peak))", event: "Timing")
        last = now
        lastCPU = cpu
    }

    #if os(Linux)
    private static let rusageSelf = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    private static let rusageSelf = RUSAGE_SELF
    #endif

    /// User and system CPU time of the whole process so far, in seconds.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        guard getrusage(rusageSelf, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Prints the time since the previous mark without starting a new phase: for work that runs
    /// alongside the current phase (the two artifact jobs of `dfx compile`).
    func note(_ event: String) {
        guard enabled else { return }
        console.warning("timing:   \(event) after \(Duration.seconds(clock.now - last))", event: "Timing")
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
