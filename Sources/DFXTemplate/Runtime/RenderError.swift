import DFXBasics

/// An error raised while rendering, already located; macro calls add notes as it unwinds.
struct RenderError: Error {
    var diagnostic: Diagnostic
}

/// Thrown by `return(x)`; caught by the innermost macro call.
struct MacroReturn: Error {
    var value: Value
}
