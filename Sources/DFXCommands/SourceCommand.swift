import ArgumentParser

/// `dfx source`: commands on the project's sources (`dfx source freshness`).
public struct SourceCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "source", abstract: "Commands on sources.", subcommands: [SourceFreshnessCommand.self])

    public init() {}
}
