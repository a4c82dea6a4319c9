import DFXBasics
import DFXProject
import DFXTemplate

/// A parsed project: every node with its config and dependencies, the macros, docs and the
/// environment that renders them. What `dfx parse` produces and every later command starts from.
public struct Manifest: Sendable {
    public var projectName: String
    /// Enabled nodes (sources included), in a deterministic order: by resource type, then file.
    public var nodes: [Node]
    /// Nodes switched off with `enabled: false` (dbt's `disabled` section).
    public var disabled: [Node]
    /// Index of `nodes` by unique ID.
    public var indexByID: [String: Int]
    /// Macro names by unique ID (`macro.proj.cents_to_dollars`) with their files.
    public var macros: [MacroInfo]
    /// `{% docs %}` blocks by name.
    public var docs: [String: DocBlock]
    /// The environment with every macro registered; shared, read-only, by all renders.
    public var environment: Environment
    /// The target the project was parsed for.
    public var target: TargetSettings
    public var invocationID: String
    /// Warnings from loading and parsing.
    public var warnings: [Diagnostic]

    /// The node with `uniqueID`, if enabled.
    public func node(_ uniqueID: String) -> Node? {
        indexByID[uniqueID].map { nodes[$0] }
    }
}

/// A macro as listed in the manifest.
public struct MacroInfo: Sendable {
    public var uniqueID: String
    public var name: String
    public var packageName: String
    public var originalFilePath: String
    public var location: SourceLocation
}

/// A `{% docs name %}` block.
public struct DocBlock: Sendable {
    public var name: String
    public var text: String
    public var originalFilePath: String
    public var packageName: String
}
