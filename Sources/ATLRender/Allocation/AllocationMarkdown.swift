import ATLModel
import ATLEngine
import ATLPlanning

/// The allocation report as Markdown for an LA's sufficiency planning: headline comparison of deferred
/// acceptance with greedy nearest, children left unplaced (references only), pressure per setting and per
/// need, and children whose lists could not be built. Deterministic for the same report and stamp.
public enum AllocationMarkdown {
    /// The report: notices and run stamp, headline, method, the two methods compared, then the children and
    /// settings that need the LA's attention.
    public static func render(_ r: AllocationReport, stamp: ProvenanceStamp) -> String {
        let p = r.problem
        var out = "# Allocation simulation — \(AllocationText.label(p))\n\n"
        out += notices(p)
        out += runTable(p, stamp)
        out += headline(r)
        out += howItWorks
        out += methodsCompared(r)
        out += unplaced(r)
        out += settingPressure(r)
        out += needPressure(r)
        out += unlisted(p)
        return out
    }

    /// What the reader must know before any figure: synthetic or fictional data, and that this is a simulation.
    static func notices(_ p: AllocationProblem) -> String {
        var out = ""
        if p.syntheticSettings {
            out += "> **SYNTHETIC CATALOGUE: the settings are real schools, but their type, SEN provision, places and facilities were invented by 'atl synth-national' for benchmarking; no figure here describes these schools.**\n>\n"
        }
        out += "> **\(AllocationText.notice)**\n"
        if p.fictionalSettings || p.syntheticChildren {
            out += ">\n> Every "
            out += [p.fictionalSettings ? "setting" : nil, p.syntheticChildren ? "child" : nil].compactMap { $0 }.joined(separator: " and every ")
            out += " in this report is invented for demonstration.\n"
        }
        out += "\n"
        return out
    }

    /// The inputs that decide the result (catalogue, lists, lottery seed), so a run can be repeated exactly.
    static func runTable(_ p: AllocationProblem, _ stamp: ProvenanceStamp) -> String {
        MarkdownText.table(["Run", "Value"], [
            ["Engine", "atl \(stamp.engineVersion)"],
            ["Catalogue (places)", stamp.catalogue ?? ""],
            ["Catalogue content hash", "`\(stamp.catalogueHash)`"],
            ["Lists hash", "`\(stamp.hash(of: "lists") ?? "")`"],
            ["Lottery seed", String(p.seed)],
            ["Date", stamp.date],
        ]) + "\n"
    }

    /// Placed and unplaced under each method, with a warning when most placements rest on unknown capacity (the
    /// run then cannot show where places run short).
    static func headline(_ r: AllocationReport) -> String {
        let p = r.problem
        let da = r.summaries[0], gr = r.summaries[1]
        let total = p.children.count
        var out = "## Headline\n\n"
        out += "- **\(total) child\(total == 1 ? "" : "ren") with a list**"
        out += p.unlisted.isEmpty ? ".\n" : "; **\(p.unlisted.count) more whose list could not be built** (see the end: they need a list before any place can be considered).\n"
        out += "- Deferred acceptance would place **\(da.placed)** and leave **\(da.unplaced)** without a place on their list"
        let u = da.placedOnUnknownCapacity
        out += u > 0 ? "; \(u) of these placement\(u == 1 ? " rests" : "s rest") on unknown capacity (vacancies not in the catalogue).\n" : ".\n"
        out += "- Greedy nearest would place \(gr.placed) and leave \(gr.unplaced); \(gr.justifiedEnvy) child\(gr.justifiedEnvy == 1 ? "" : "ren") would have justified envy (a setting they prefer would rank them above a child it took, or has a place left).\n"
        if da.placed > 0 && da.placedOnUnknownCapacity * 2 > da.placed {
            out += "- **Most placements rest on unknown capacity**: the catalogue does not hold vacancies for these settings, so this run cannot show where places run short. Add capacity, numbers on roll and specialist places to the catalogue first.\n"
        }
        for n in p.notes { out += "- Note: \(n).\n" }
        out += "\n"
        return out
    }

    /// The rules of the simulation in plain words (places, priority, the two methods).
    static var howItWorks: String {
        var out = "## How the simulation works\n\n"
        out += "- Places: \(AllocationText.placesRule)\n"
        out += "- Deferred acceptance: \(AllocationText.priorityRule) Settings hold the best children they have places for and turn the rest away, who then try the next setting on their list. The result is stable and no family could do better by listing settings in another order.\n"
        out += "- Greedy nearest (for comparison): each child in lottery order takes the nearest setting on their list with a place left.\n"
        out += "- See docs/allocation.md.\n\n"
        return out
    }

    /// Deferred acceptance beside greedy nearest, measure by measure.
    static func methodsCompared(_ r: AllocationReport) -> String {
        let da = r.summaries[0], gr = r.summaries[1]
        func row(_ label: String, _ f: (AllocationReport.MethodSummary) -> String) -> [String] { [label, f(da), f(gr)] }
        return "## Deferred acceptance compared with greedy nearest\n\n" + MarkdownText.table(["", "Deferred acceptance", "Greedy nearest"], [
            row("Placed") { String($0.placed) },
            row("Unplaced") { String($0.unplaced) },
            row("Placed on unknown capacity") { String($0.placedOnUnknownCapacity) },
            row("Placed at their first listed setting") { String($0.firstChoice) },
            row("Mean journey (km)") { AllocationText.km($0.meanKm) },
            row("Median journey (km)") { AllocationText.km($0.medianKm) },
            row("Placed, journey not known") { String($0.distanceUnknown) },
            row("Children with justified envy") { String($0.justifiedEnvy) },
        ], align: ["l", "r", "r"]) + "\n"
    }

    /// The children deferred acceptance could not place, by reference only (no personal data), for the LA to
    /// look at again.
    static func unplaced(_ r: AllocationReport) -> String {
        let p = r.problem
        var out = "## Children without a place under deferred acceptance\n\n"
        if r.unplacedDA.isEmpty {
            out += "None: every child with a list would have a place on it.\n\n"
        } else {
            out += "References only. Each needs the LA to look again: more settings on the list, or more places.\n\n"
            out += MarkdownText.table(["Reference", "Primary need", "Settings listed", "Source"],
                p.children.indices.filter { r.deferredAcceptance.placement[$0] == nil }.map { c in
                    let ch = p.children[c]
                    return [ch.reference, ch.primaryNeed.rawValue, String(ch.settingsListed), ch.source]
                }, align: ["l", "l", "r", "l"]) + "\n"
        }
        return out
    }

    /// Demand against places for each setting and kind of place a child listed: where sufficiency is short.
    static func settingPressure(_ r: AllocationReport) -> String {
        let p = r.problem
        var out = "## Pressure on settings\n\n"
        out += "One row per setting and kind of place that a child listed. Places are vacancies for new entrants; "
        out += "first-choice demand per place is the pressure (settings with no places first). Turned away: children who listed it "
        out += "and were placed lower on their list or not at all.\n\n"
        out += MarkdownText.table(["URN", "Setting", "Kind of place", "Places", "First choice", "Any choice", "First choice per place",
                                   "Placed", "Fill", "Turned away", "Placed (greedy)"],
            r.settings.map { s in
                let v = p.providers[s.provider]
                return [String(v.urn), v.name + (v.fictional ? " (fictional)" : ""), s.pool.title,
                        s.places.map(String.init) ?? "unknown", String(s.firstChoice), String(s.anyChoice),
                        AllocationText.ratio(s.firstChoicePerPlace), String(s.placedDA),
                        s.fill.map { Fixed.format($0 * 100, places: 0) + "%" } ?? "", String(s.turnedAway), String(s.placedGreedy)]
            }, align: ["r", "l", "l", "r", "r", "r", "r", "r", "r", "r", "r"]) + "\n"
        return out
    }

    /// Placed and unplaced children per primary need against the specialist places they listed.
    static func needPressure(_ r: AllocationReport) -> String {
        var out = "## Pressure by primary need\n\n"
        out += "Specialist places listed: known specialist vacancies (capped by places for the need) in settings these children "
        out += "listed; a setting open to several needs counts for each.\n\n"
        out += MarkdownText.table(["Need", "Children", "Empty list", "Placed", "In specialist places", "Unplaced",
                                   "Unplaced (greedy)", "Specialist places listed", "Specialist settings of unknown capacity"],
            r.needs.map { n in
                [n.need.rawValue, String(n.children), String(n.withEmptyList), String(n.placedDA), String(n.placedSpecialistDA),
                 String(n.unplacedDA), String(n.unplacedGreedy), String(n.specialistPlacesListed), String(n.specialistPoolsUnknown)]
            }, align: ["l", "r", "r", "r", "r", "r", "r", "r", "r"]) + "\n"
        return out
    }

    /// Children whose list could not be built: counted here, never dropped.
    static func unlisted(_ p: AllocationProblem) -> String {
        guard !p.unlisted.isEmpty else { return "" }
        var out = "## Children whose list could not be built\n\n"
        out += "Counted here, never dropped: fix the profile and run the batch again.\n\n"
        out += MarkdownText.table(["Row", "Reference", "Source", "Problems"],
            p.unlisted.map { [String($0.row), $0.reference ?? "", $0.source, $0.errors.joined(separator: "; ")] },
            align: ["r", "l", "l", "l"]) + "\n"
        return out
    }
}
