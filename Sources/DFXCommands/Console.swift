import DFXBasics
import Foundation

/// Where a command's output goes: standard output and error, or buffers in tests.
///
/// Text mode prints human lines (colour only on a terminal, never with `NO_COLOR`); JSON mode
/// (`--log-format json`) prints one JSON object per event, as dbt's structured logs do:
/// `{"info": {"name", "level", "msg", "ts", "invocation_id"}, "data": {...}}`.
public final class Console: @unchecked Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    private let lock = NSLock()
    private let writeOut: @Sendable (String) -> Void
    private let writeErr: @Sendable (String) -> Void
    public var format: Format = .text
    public var useColor: Bool
    public var invocationID: String = ""

    public init(useColor: Bool, writeOut: @escaping @Sendable (String) -> Void, writeErr: @escaping @Sendable (String) -> Void) {
        self.useColor = useColor
        self.writeOut = writeOut
        self.writeErr = writeErr
    }

    /// The process's own standard output and error.
    public static func standard(environment: [String: String]) -> Console {
        let color = isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        return Console(
            useColor: color,
            writeOut: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            writeErr: { text in FileHandle.standardError.write(Data(text.utf8)) })
    }

    /// An informational event: a line of text, or a JSON event.
    public func info(_ message: String, event: String = "Note", data: [String: ConfigValue] = [:]) {
        emit(level: "info", event: event, message: message, data: data, toError: false)
    }

    /// A warning (stderr in text mode).
    public func warning(_ message: String, event: String = "Warning", data: [String: ConfigValue] = [:]) {
        emit(level: "warn", event: event, message: message, data: data, toError: true)
    }

    /// An error (stderr in text mode).
    public func error(_ message: String, event: String = "Error", data: [String: ConfigValue] = [:]) {
        emit(level: "error", event: event, message: message, data: data, toError: true)
    }

    /// Prints diagnostics with their source lines, warnings and errors alike.
    public func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            var text = diagnostic.description
            if useColor && format == .text {
                let color = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
                let word = diagnostic.severity.rawValue + ":"
                if let range = text.firstRange(of: word) { text.replaceSubrange(range, with: color + word + "\u{1B}[0m") }
            }
            var data: [String: ConfigValue] = [:]
            if let location = diagnostic.location {
                data["file"] = .string(location.file)
                data["line"] = .int(location.line)
                data["column"] = .int(location.column)
            }
            if let hint = diagnostic.hint { data["hint"] = .string(hint) }
            switch diagnostic.severity {
            case .error: emit(level: "error", event: "Diagnostic", message: text, data: data, toError: true, raw: diagnostic.headline)
            case .warning, .note: emit(level: "warn", event: "Diagnostic", message: text, data: data, toError: true, raw: diagnostic.headline)
            }
        }
    }

    /// Raw output (e.g. `dfx ls` lines), printed as-is in both formats.
    public func output(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        writeOut(line + "\n")
    }

    /// Text wrapped in an ANSI colour when colour is on.
    public func colored(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func emit(level: String, event: String, message: String, data: [String: ConfigValue], toError: Bool, raw: String? = nil) {
        lock.lock()
        defer { lock.unlock() }
        switch format {
        case .text:
            (toError ? writeErr : writeOut)(message + "\n")
        case .json:
            var json = JSONWriter()
            json.beginObject()
            json.key("info")
            json.beginObject()
            json.key("name"); json.string(event)
            json.key("level"); json.string(level)
            json.key("msg"); json.string(raw ?? message)
            json.key("ts"); json.string(Self.timestamp())
            json.key("invocation_id"); json.string(invocationID)
            json.key("pid"); json.int(Int(getpid()))
            json.endObject()
            json.key("data"); json.value(.dict(data))
            json.endObject()
            writeOut(String(decoding: json.bytes, as: UTF8.self) + "\n")
        }
    }

    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return TimestampText.iso8601(seconds: Int(now.tv_sec), microseconds: Int(now.tv_nsec / 1000))
    }
}
