import ArgumentParser

/// The `dfx` command line (placeholder until the foundation lands).
public struct DFXCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "dfx", abstract: "A declarative SQL pipeline compiler.")
    public init() {}
    public func run() throws {}
}
