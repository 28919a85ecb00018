import ATLModel
import ATLEngine
import ATLServices
import ATLRender

/// `atl list`: one child's explained advisory list.
enum ListCommand {
    enum Format: String, CaseIterable { case md, json, csv, html }

    static let spec = CommandSpec(
        name: "list",
        abstract: "Build an explained advisory list of settings for one child's needs profile.",
        discussion: """
            Scores every setting in the catalogue against the profile (eligibility rules, need match, report
            evidence, journey, vacancies, preferences), composes a list that illustrates choice, and explains each
            listed setting. The list is advisory: an officer reviews it and the family may name any school.
            Formats: md (default), json (schema atl-list/1), csv, html (self-contained page for families).
            """,
        options: [.value("profile", "file", "The child's needs profile (.profile)", required: true),
                  .value("format", "md|json|csv|html", "Output format", default: "md"),
                  CommonOptions.output] + EngineOptions.options
    ) { args, console in
        let format = try args.choice("format", Format.self)!
        let date = try EngineOptions.date(args)
        let input = try ProfileInput.read(path: try args.required("profile"), date: date)
        let list = try ListService.list(input, engine: try EngineOptions.engine(args, console: console), date: date)
        let text: String
        switch format {
        case .md: text = ListMarkdown.render(list)
        case .json: text = ListJSON.render(list)
        case .csv: text = ListCSV.render(list)
        case .html: text = ListHTML.render(list)
        }
        try CommandSupport.emit(text, to: args.value("output"), console: console)
        return 0
    }
}
