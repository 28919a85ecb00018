import ATLModel

/// Words for readers who do not know the codes: a need code spelled out with the code in brackets, once,
/// as a commissioner's or governor's page shows it ("Autism (ASD)"), never the code alone.
public enum PlainWords {
    /// A need's name with its code: "Autism (ASD)", "Speech, language and communication needs (SLCN)".
    public static func need(_ n: NeedCode) -> String { n.plainLabel }

    /// Several needs, each spelled out, joined with semicolons (names contain commas).
    public static func needs(_ set: NeedSet) -> String { set.codes.map(need).joined(separator: "; ") }

    /// "1 child", "2 children" — a count with the noun in the right number.
    public static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}

/// A short glossary for families: each term a page uses, in plain English (issue 14). A page shows only the
/// entries whose words it uses (``Glossary/entries(for:)``), so the glossary stays short.
public enum Glossary {
    public struct Entry: Sendable, Hashable {
        public var term: String
        public var meaning: String
        /// Words that show the page uses the term (matched case-sensitively, as written on the page).
        public var triggers: [String]
    }

    /// Every term, in alphabetical order.
    public static let all: [Entry] = [
        Entry(term: "Alternative provision", meaning: "Education for a time for pupils who cannot attend school, such as a pupil referral unit. It is not a permanent place named in an EHCP.", triggers: ["alternative provision", "Alternative provision"]),
        Entry(term: "Cost band", meaning: "How costly a place is, as the LA records it, from A (lowest) to E (highest).", triggers: ["Cost band", "cost band"]),
        Entry(term: "Designated", meaning: "A special school or resourced provision is designated for the needs it is set up and funded to meet, such as autism.", triggers: ["designated", "designation"]),
        Entry(term: "EHCP, EHC plan", meaning: "Education, Health and Care plan: the legal document that sets out a child's or young person's needs and the help they must get. Section I names the school or setting.", triggers: ["EHCP", "EHC plan"]),
        Entry(term: "Independent special school", meaning: "A special school not run by the LA or an academy trust. The LA usually pays its fees when it names it in an EHCP.", triggers: ["ndependent special", "Independent or non-maintained"]),
        Entry(term: "LA", meaning: "Local authority: the council responsible for education and for children with SEND in your area.", triggers: ["LA", "local authority"]),
        Entry(term: "Mainstream school", meaning: "An ordinary state school or academy, not a special school.", triggers: ["mainstream", "Mainstream"]),
        Entry(term: "Non-maintained special school", meaning: "A special school run by a charity rather than by the LA, approved by the Department for Education.", triggers: ["on-maintained"]),
        Entry(term: "Ofsted", meaning: "The inspectors of schools and colleges in England. Since September 2024 state schools no longer get a single-word judgement; report cards grade each area separately.", triggers: ["Ofsted"]),
        Entry(term: "Post-16", meaning: "Education for students aged 16 to 19, from Year 12, at a college or a school sixth form.", triggers: ["post-16", "Post-16", "sixth form", "Year 12"]),
        Entry(term: "Resourced provision, SEN unit", meaning: "A base in a mainstream school with extra staff and places for pupils with a particular need. Pupils in a resourced provision spend most of their time in ordinary classes; pupils in an SEN unit spend most of it in the unit.", triggers: ["resourced provision", "SEN unit"]),
        Entry(term: "s41 list", meaning: "The government's list of approved independent special schools and colleges (section 41 of the Children and Families Act 2014). A family can ask for one of them to be named in an EHCP, as for a state school.", triggers: ["s41", "section 41"]),
        Entry(term: "SEN, SEND", meaning: "Special educational needs; special educational needs and disabilities.", triggers: ["SEN", "SEND"]),
        Entry(term: "SEN information report", meaning: "A report each state school must publish on its website, saying how it supports pupils with SEN.", triggers: ["SEN information report"]),
        Entry(term: "SENCo", meaning: "Special educational needs co-ordinator: the teacher who leads on SEN in a school.", triggers: ["SENCo", "SENCO"]),
        Entry(term: "SEND officer", meaning: "Someone at the LA who works with families on EHC plans and reviews every list.", triggers: ["SEND officer"]),
        Entry(term: "Special school", meaning: "A school for pupils whose needs are best met outside a mainstream school, usually designated for particular needs.", triggers: ["special school", "Special school"]),
        Entry(term: "Specialist places", meaning: "Places in a special school or resourced provision for pupils with the needs it is designated for. A school's other places are for any pupil.", triggers: ["specialist place"]),
        Entry(term: "State-funded", meaning: "Run by the LA or by an academy trust, and free to attend: not independent or non-maintained.", triggers: ["state-funded", "State-funded"]),
        Entry(term: "Statutory walking distance", meaning: "2 miles for a child under 8 and 3 miles from 8 to 16. A child whose school is further may qualify for free home-to-school transport; a child with SEN or a disability may qualify nearer.", triggers: ["walking distance"]),
        Entry(term: "URN", meaning: "Unique reference number: the number the Department for Education gives each school or college.", triggers: ["URN"]),
    ]

    /// The entries whose words appear in `text` (the page's own words, before the glossary).
    public static func entries(for text: String) -> [Entry] {
        all.filter { e in e.triggers.contains { TextSearch.contains(text, $0) } }
    }
}
