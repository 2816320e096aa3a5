import ArgumentParser

/// The `newslens` command: the server and the command-line analysis share one binary.
@main
struct NewsLensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newslens",
        abstract: "News-analysis API: parsed articles, quotations with speakers, participants.",
        subcommands: [ServeCommand.self, HealthcheckCommand.self, ExtractHTMLCommand.self, AnalyzeCommand.self]
    )
}
