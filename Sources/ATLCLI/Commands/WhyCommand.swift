import ATLServices
import ATLRender

/// `atl why`: why a setting is or is not on a child's list.
enum WhyCommand {
    static let spec = CommandSpec(
        name: "why",
        abstract: "Explain why a setting is or is not on a child's list.",
        discussion: "Lists every eligibility rule the setting breaks, its score breakdown and rank, and what is unknown.",
        options: [.value("profile", "file", "The child's needs profile", required: true),
                  .value("setting", "urn", "URN of the setting to explain", required: true)] + EngineOptions.options
    ) { args, console in
        let date = try EngineOptions.date(args)
        let path = try args.required("profile")
        guard let urn = try args.int("setting", min: 1) else { throw CLIError.usage("missing --setting") }
        let input = try ProfileInput.read(path: path, date: date)
        let answer = try ListService.why(input, urn: urn, engine: try EngineOptions.engine(args, console: console), date: date)
        console.out(WhyText.render(answer, reference: input.profile.reference))
        return 0
    }
}
