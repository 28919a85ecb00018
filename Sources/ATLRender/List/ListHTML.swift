import ATLCore

/// Placeholder until the HTML page is written.
public enum ListHTML {
    public static func render(_ l: AdvisoryList) -> String { ListMarkdown.render(l) }
}
