public import DFXBasics

extension YAMLMappingReader {
    /// Runs one read and turns a failure into collected diagnostics and nil, so that a loader can
    /// report every bad field of a file in one pass instead of stopping at the first:
    ///
    /// ```swift
    /// var problems: [Diagnostic] = []
    /// let name = model.collecting(into: &problems) { try $0.requiredString("name") }
    /// let tags = model.collecting(into: &problems) { try $0.stringList("tags", allowSingle: true) }
    /// ```
    public mutating func collecting<T>(
        into diagnostics: inout [Diagnostic], _ read: (inout YAMLMappingReader) throws -> T?
    ) -> T? {
        do {
            return try read(&self)
        } catch let error as DiagnosticError {
            diagnostics += error.diagnostics
        } catch {
            diagnostics.append(node.diagnostic("\(error)"))
        }
        return nil
    }
}
