import DFXBasics
import DFXTemplate

/// Collects what one render calls: `ref`, `source`, `config`. Used for templates whose calls cannot
/// be read statically (arguments computed at render time), and during compile to list the
/// ephemeral models a node actually references.
///
/// One recorder belongs to one render on one thread; it is `@unchecked Sendable` only so that the
/// native functions (which must be `@Sendable`) can capture it.
final class CallRecorder: @unchecked Sendable {
    var references: [Reference] = []
    var sources: [SourceReference] = []
    var config: [String: ConfigValue] = [:]
    var errors: [Diagnostic] = []

    init() {}
}
