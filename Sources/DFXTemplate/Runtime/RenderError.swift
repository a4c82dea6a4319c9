import DFXBasics

/// An error raised while rendering, already located; macro calls add notes as it unwinds.
struct RenderError: Error {
    var diagnostic: Diagnostic

    /// The diagnostic with a long macro-call chain shortened to its first and last calls.
    var compacted: Diagnostic {
        var result = diagnostic
        let notes = result.notes
        if notes.count > 12 {
            result.notes = Array(notes.prefix(6)) + ["... \(notes.count - 10) more macro calls ..."] + Array(notes.suffix(4))
        }
        return result
    }
}

/// Thrown by `return(x)`; caught by the innermost macro call.
struct MacroReturn: Error {
    var value: Value
}
