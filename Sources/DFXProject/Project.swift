import DFXBasics

/// A project as read from disk: its settings, files and properties, before any template is rendered.
///
/// Loading collects every problem it finds (see `warnings`); fatal problems are thrown together as
/// one `DiagnosticError` after the whole pass.
public struct Project: Sendable {
    /// Absolute path of the project's root folder (where `dfx_project.yml` is).
    public var rootPath: String
    public var settings: ProjectSettings
    public var models: [ProjectFile] = []
    public var macros: [ProjectFile] = []
    public var snapshots: [ProjectFile] = []
    /// `.sql` files under test paths: singular tests, and generic test definitions under `generic/`.
    public var tests: [ProjectFile] = []
    public var analyses: [ProjectFile] = []
    /// CSV files under seed paths (contents not read at load time: seeds can be large).
    public var seeds: [ProjectFile] = []
    /// `.md` files that may hold `{% docs %}` blocks.
    public var docs: [ProjectFile] = []
    public var sources: [SourceDefinition] = []
    public var properties: [ResourceProperties] = []
    /// `selectors.yml` definitions, kept as config values for the graph layer to interpret.
    public var selectors: [SelectorDeclaration] = []
    /// Warnings collected while loading (unknown keys, deprecated spellings).
    public var warnings: [Diagnostic] = []

    public init(rootPath: String, settings: ProjectSettings) {
        self.rootPath = rootPath
        self.settings = settings
    }
}

/// A named selector from `selectors.yml`.
public struct SelectorDeclaration: Sendable {
    public var name: String
    public var description: String
    public var isDefault: Bool
    /// The `definition:` as plain data.
    public var definition: ConfigValue
    public var location: SourceLocation

    public init(name: String, description: String, isDefault: Bool, definition: ConfigValue, location: SourceLocation) {
        self.name = name
        self.description = description
        self.isDefault = isDefault
        self.definition = definition
        self.location = location
    }
}
