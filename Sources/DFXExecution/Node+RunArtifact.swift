import DFXCompiler

extension Node {
    /// Where the statements run for this node are written, relative to the target folder:
    /// `run/<package>/<original file path>` (`.sql` appended when the file is not SQL, e.g. a seed).
    public var runArtifactPath: String {
        let base = originalFilePath.split(separator: "/").drop { $0 == ".." || $0 == "." }.joined(separator: "/")
        // Generic tests share their YAML file: each gets a file under it, as in target/compiled.
        if resourceType == .test, testMetadata != nil { return "run/\(packageName)/\(base)/\(path)" }
        return "run/\(packageName)/\(base)" + (base.hasSuffix(".sql") ? "" : ".sql")
    }
}
