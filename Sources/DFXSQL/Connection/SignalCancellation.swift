import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns signals (SIGINT for Ctrl-C, SIGTERM) into `CancellationRegistry.cancelAll()`.
///
/// While an instance lives, the signals' default action (ending the process) is replaced: each
/// delivery cancels every registered statement on a dispatch queue (never inside a signal handler,
/// so the cancellers may lock and do I/O) and then calls `onSignal` with the signal number, where
/// the caller decides what else to do (stop scheduling, exit after a second Ctrl-C). Releasing the
/// instance restores the default actions.
public final class SignalCancellation: @unchecked Sendable {
    // Set once in init, only cancelled in deinit.
    private let sources: [any DispatchSourceSignal]
    private let signals: [Int32]

    /// Starts watching `signals` for `registry`.
    public init(
        registry: CancellationRegistry, signals: [Int32] = [SIGINT, SIGTERM],
        onSignal: @escaping @Sendable (Int32) -> Void = { _ in }
    ) {
        self.signals = signals
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                registry.cancelAll()
                onSignal(number)
            }
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
