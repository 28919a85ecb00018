import ATLModel
import ATLData
import ATLEngine
import ATLPlanning

/// A letter to one setting (`atl audit --letters <dir>`): what the LA holds from its SEN information report,
/// what it does not hold (with what Schedule 1, s.69(3)(b) or the parent-carer criteria ask for), numbered
/// questions, and the header facts the LA holds and lacks. Plain Markdown, one file per setting.
///
/// For real settings the letter names the sources of the facts (the setting's `source:` lines) and says they
/// may be incomplete, and — when no report text is held — that this does not mean the setting has not
/// published a report. Fictional settings carry the fictional label at the top and bottom.
public enum AuditLetter {
    /// `<urn>-<slug>.md`, e.g. `135031-woodlands-primary-school.md`.
    public static func fileName(for s: SettingAudit) -> String {
        "\(s.urn)-\(SettingFile.slug(s.name)).md"
    }

    /// The letter, in the order a busy reader needs it: who it is to and why, where our facts came from, what we
    /// hold, the numbered questions, the facts, and how to reply.
    public static func render(_ s: SettingAudit, stamp: ProvenanceStamp) -> String {
        let team = s.localAuthority.map { "the SEND team, \($0.name)" } ?? "the local authority SEND team"
        var out = opening(s, team: team, stamp: stamp)
        out += sources(s)
        out += reportHeld(s)
        out += questions(s)
        out += factsHeld(s)
        out += "## How to reply\n\n"
        out += "Please reply to \(team), answering by question number, and tell us about anything in this letter that is wrong or out of date. "
        out += "What you send will help us describe \(s.name) accurately to families.\n\n"
        out += "With thanks,\n\n\(team.capitalisedFirstLetter)\n\n"
        out += "---\n\n"
        out += (s.fictional ? GapAnalysis.fictionalLabel : s.synthetic ? "SYNTHETIC – DO NOT SEND. " + GapAnalysis.syntheticLabel : GapAnalysis.realLabel) + " · " + AuditFormat.stampLine(stamp) + "\n"
        return out
    }

    /// The fictional or synthetic warning first (such a letter must never be sent as if real), the addressee,
    /// and why the LA is writing: lists for families, not an inspection.
    static func opening(_ s: SettingAudit, team: String, stamp: ProvenanceStamp) -> String {
        var out = ""
        if s.fictional {
            out += "> **\(GapAnalysis.fictionalLabel).** This letter is addressed to an invented setting, for demonstration only.\n\n"
        }
        if s.synthetic {
            out += "> **SYNTHETIC – DO NOT SEND. \(GapAnalysis.syntheticLabel).** The facts below were invented for benchmarking.\n\n"
        }
        out += "# The SEN information we hold about \(s.name)\n\n"
        out += "**To:** \(s.name) (URN \(s.urn))" + (s.localAuthority.map { ", \($0.name)" } ?? "") + "  \n"
        out += "**From:** \(team)  \n"
        out += "**Date:** \(stamp.longDate)\n\n"
        out += "Dear colleague,\n\n"
        out += """
            We are preparing Advisory Tailored Lists: short lists of education settings that we share with families \
            of children with an education, health and care plan, to help them express an informed preference. \
            Families keep their right to ask for any school; a list is advice for the conversation. To describe \
            \(s.name) accurately, we have checked the information we hold about it against what a setting's SEN \
            information report covers (the Special Educational Needs and Disability Regulations 2014, Schedule 1, and \
            section 69(3)(b) of the Children and Families Act 2014) and against what parent carers have told us they \
            want to know. This is not an inspection and it says nothing about the quality of your provision.


            """
        return out
    }

    /// The setting's `source:` lines, and for a real setting that they may be incomplete — and, when no report
    /// text is held, that this does not mean the setting has not published one.
    static func sources(_ s: SettingAudit) -> String {
        let r = s.reportCoverage
        var out = "## Where our information came from\n\n"
        if s.sources.isEmpty {
            out += "Our record of \(s.name) does not say where its facts came from.\n\n"
        } else {
            out += "The facts in this letter came from:\n\n"
            for src in s.sources { out += "- \(src)\n" }
            out += "\n"
        }
        if s.fictional {
            out += "Every fact in this letter is invented for demonstration.\n\n"
        } else {
            out += "They may be incomplete or out of date, and we would be grateful for corrections."
            if r.present == 0 && r.empty == 0 {
                out += " We do not yet hold any text from your SEN information report. That does not mean you have not published one: we have not yet copied it into our records."
            }
            out += "\n\n"
        }
        return out
    }

    /// How many applicable report sections we hold, which ones, and which were not asked of a setting of its type.
    static func reportHeld(_ s: SettingAudit) -> String {
        let r = s.reportCoverage
        var out = "## What we hold from your SEN information report\n\n"
        let typeNote = s.type == .unknown
            ? "We do not know your type of setting, so we have counted every section."
            : "Your setting is recorded as: \(s.type.title)."
        out += "We hold text for **\(r.present) of the \(r.applicable)** report sections \(s.type == .unknown ? "we ask about" : "that apply to your setting") (\(AuditFormat.percent(r))). \(typeNote)\n\n"
        let held = ReportSection.allCases.filter { s.status($0) == .present }
        if !held.isEmpty {
            out += "Sections we hold: " + held.map { "\($0.item) \($0.title)" }.joined(separator: "; ") + ".\n\n"
        }
        let notAsked = ReportSection.allCases.filter { s.status($0) == .notApplicable }
        if !notAsked.isEmpty {
            out += "Not asked of you: " + notAsked.map { "\($0.reference) (\($0.title.lowercasedFirst)), which applies to \($0.appliesTo)" }
                .joined(separator: "; ") + ".\n\n"
        }
        return out
    }

    /// One numbered question per item not held, grouped by where the requirement comes from (the law first, then
    /// what parent carers asked, then the engine's facts), numbered through so the setting can answer by number.
    static func questions(_ s: SettingAudit) -> String {
        let r = s.reportCoverage
        var out = "## What we would like to ask you\n\n"
        let questions = s.questions
        if questions.isEmpty {
            out += "We hold every report section and every fact we ask settings for. Thank you. Please tell us if anything has changed.\n\n"
            return out
        }
        if r.present == 0 && r.empty == 0 && !s.fictional {
            out += "If your SEN information report is published online, the simplest reply is a link to it: we will read it against the items below and come back to you only about anything it does not cover.\n\n"
        }
        out += "The questions are numbered so that you can answer by number. If your published SEN information report already answers a question, a link to it or the relevant text is all we need.\n\n"
        var n = 0
        let groups: [(String, (AuditItem) -> Bool)] = [
            ("Your SEN information report: SEND Regulations 2014, Schedule 1", { if case .section(let x) = $0 { x.source == .schedule1 } else { false } }),
            ("Access for disabled pupils: Children and Families Act 2014 s.69(3)(b)", { if case .section(let x) = $0 { x.source == .accessibility } else { false } }),
            ("What parent carers have asked to know (not a legal requirement)", { if case .section(let x) = $0 { x.source == .parentCriteria } else { false } }),
            ("Facts we use to match settings to children's needs", { if case .fact = $0 { true } else { false } }),
        ]
        for (heading, belongs) in groups {
            let qs = questions.filter { belongs($0.item) }
            guard !qs.isEmpty else { continue }
            out += "### \(heading)\n\n"
            for q in qs {
                n += 1
                out += "\(n). " + itemLine(q) + "  \n    **Question:** \(q.text)\n"
            }
            out += "\n"
        }
        return out
    }

    /// Every header fact with what we hold (or "not known"), then the ones we lack in one line.
    static func factsHeld(_ s: SettingAudit) -> String {
        var out = "## The facts we hold about \(s.name)\n\n"
        out += MarkdownText.table(["Fact", "What we hold"], HeaderFact.allCases.map { f in
            switch s.status(f) {
            case .present: [f.title, s.value(f) ?? ""]
            case .notApplicable: [f.title, "not asked (applies to settings with a specialist offer)"]
            case .missing, .empty: [f.title, "**not known**"]
            }
        }) + "\n"
        let lacking = HeaderFact.allCases.filter { s.status($0) == .missing }
        if lacking.isEmpty {
            out += "We hold every fact we use for a setting like yours.\n\n"
        } else {
            out += "We do not hold: " + lacking.map { $0.title.lowercasedFirst }.joined(separator: "; ") + " (see the questions above).\n\n"
        }
        return out
    }

    /// "**Item 7 — Consulting and involving parents** (not held). The report should set out …"
    static func itemLine(_ q: AuditQuestion) -> String {
        let state = q.status == .empty ? "we hold the heading but no text" : "we do not hold this"
        switch q.item {
        case .section(let sec):
            let ref: String
            let asks: String
            switch sec.source {
            case .schedule1:
                ref = "Schedule 1 item \(sec.item)"
                asks = "The regulations ask the report to set out \(sec.requirement)."
            case .accessibility:
                ref = String(sec.reference.dropFirst("Children and Families Act 2014 ".count))
                asks = "The Act asks for information about \(sec.requirement)."
            case .parentCriteria:
                ref = "Parent-carer criterion \(sec.item)"
                asks = "Parent carers have asked to know about \(sec.requirement)."
            }
            return "**\(ref) — \(sec.title)** (\(state)). \(asks)"
        case .fact(let f):
            return "**\(f.title)** (\(state))."
        }
    }
}

extension String {
    /// The string with its first character lower-cased, unless the first word is an acronym ("SENCO") or a
    /// proper name ("Ofsted").
    fileprivate var lowercasedFirst: String {
        guard let first = first else { return self }
        let word = prefix { $0 != " " }
        if word == "Ofsted" || (word.count > 1 && word.allSatisfy({ $0.isUppercase })) { return self }
        return first.lowercased() + dropFirst()
    }
}
