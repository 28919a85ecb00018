import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import ATLServices
import ATLRender
import ATLHTTP
import Foundation

/// Commissioners' pages: a cohort (uploaded or synthetic) and a scenario (built with a form or uploaded) run
/// as a job; batch lists and allocation for a cohort; and the job page that shows progress, then the results
/// and their files.
extension WorkbenchApp {
    func installJobs(on router: inout Router) {
        let upload = configuration.uploadLimit + 256 * 1024
        router.get("/commissioning") { [self] request in scenarioForm(request, input: FormInput()) }
        router.post("/commissioning", bodyLimit: upload, noStore: true) { [self] request in runScenario(request) }
        router.get("/batch") { [self] request in batchForm(request, input: FormInput()) }
        router.post("/batch", bodyLimit: upload, noStore: true) { [self] request in runBatch(request) }
        router.get("/jobs/{id}", noStore: true) { [self] request in jobPage(request) }
        router.get("/jobs/{id}/report", noStore: true) { [self] request in jobReport(request) }
        router.get("/jobs/{id}/files/{name}", noStore: true) { [self] request in jobFile(request) }
    }

    var multipartLimits: MultipartLimits {
        MultipartLimits(maxParts: 200, maxFieldBytes: 64 * 1024, maxFileBytes: configuration.uploadLimit)
    }

    // MARK: - The cohort part of both forms

    func cohortQuestions(_ f: FormInput, err: (String) -> String?) -> String {
        var o = "<h2>The cohort</h2>\n"
        o += H.radios(name: "cohort-source", legend: "Which children?", choices: [
            H.Choice("synthetic", "Make a synthetic cohort", hint: "Invented children at real postcodes of the area, in the national mix of needs."),
            H.Choice("upload", "Upload a cohort file", hint: "A cohort CSV (docs/cohort-format.md): one child per row, profile fields as columns, no names or addresses."),
        ], selected: f["cohort-source"].ifEmpty("synthetic"), error: err("cohort-source"))
        let las = engine.catalogue.isFictional ? [(String(SyntheticCohort.exampleLACode), "The example local authority (999)")]
            : engine.catalogueAuthorities.map { (String($0.code), "\($0.name) (\($0.code))") }
        var synth = H.select(id: "cohort-la", label: "Local authority", options: las, selected: f["cohort-la"], error: err("cohort-la"))
        synth += H.textInput(id: "cohort-size", label: "Number of children", hint: "From 1 to 20,000.", value: f["cohort-size"].ifEmpty("300"),
                             error: err("cohort-size"), width: "short", attributes: "inputmode=\"numeric\" autocomplete=\"off\"")
        synth += H.textInput(id: "cohort-years", label: "Year groups of the placements", hint: "One or more, like 7 or R,7,12.",
                             value: f["cohort-years"].ifEmpty("7"), error: err("cohort-years"), width: "short", attributes: "autocomplete=\"off\"")
        o += "<h3>For a synthetic cohort</h3>\n" + synth
        o += "<h3>For a cohort file</h3>\n"
        let fileErr = err("cohort-file")
        o += H.group("<label class=\"wb-label\" for=\"cohort-file\">Cohort CSV</label>\n"
            + H.hint("At most \(configuration.uploadLimit >> 20) MB. Kept only in this job’s folder and deleted with it.", id: "cohort-file")
            + H.errorMessage(fileErr, id: "cohort-file")
            + "<input class=\"wb-input\" id=\"cohort-file\" name=\"cohort-file\" type=\"file\" accept=\".csv,text/csv\"\(H.describedBy("cohort-file", hint: true, error: fileErr != nil))>\n",
            error: fileErr != nil)
        return o
    }

    /// Writes the cohort the form describes into `path`, or returns the problems.
    func writeCohort(_ f: FormInput, to path: String) -> [H.FieldError] {
        if f["cohort-source"] == "upload" {
            guard let file = f.files["cohort-file"] else { return [H.FieldError(field: "cohort-file", message: "Select a cohort CSV file")] }
            do { try OutputFile.write(file.body, to: path, mode: 0o600) } catch { return [H.FieldError(field: "cohort-file", message: "The file could not be stored")] }
            return []
        }
        var errors: [H.FieldError] = []
        let size = Int(f.line("cohort-size"))
        if size == nil || !(1...20_000).contains(size!) { errors.append(H.FieldError(field: "cohort-size", message: "Enter a number of children from 1 to 20,000")) }
        var years: [Int] = []
        for item in f.line("cohort-years").split(separator: ",") {
            let t = item.trimmingCharacters(in: .whitespaces).uppercased()
            if let y = t == "R" ? 0 : Int(t), (0...14).contains(y) { if !years.contains(y) { years.append(y) } } else { years = []; break }
        }
        if years.isEmpty { errors.append(H.FieldError(field: "cohort-years", message: "Enter year groups like 7 or R,7,12 (R for Reception, then 1 to 14)")) }
        guard let la = Int(f.line("cohort-la")) else { return errors + [H.FieldError(field: "cohort-la", message: "Select the local authority")] }
        guard let postcodes = engine.postcodes else { return errors + [H.FieldError(field: "cohort-source", message: "No postcode lookup is loaded, so a synthetic cohort cannot be made: upload a cohort file")] }
        guard errors.isEmpty, let n = size else { return errors }
        do throws(ATLError) {
            let cohort = try SyntheticCohort(laCode: la, seed: UInt64(Int(f.line("seed")) ?? 1), placementYears: years, postcodes: postcodes, districts: engine.districts)
            try SyntheticDataService.cohort(cohort, size: n, output: path)
        } catch {
            return [H.FieldError(field: "cohort-la", message: error.diagnostics.first?.message ?? "The cohort could not be made")]
        }
        return []
    }

    func seedQuestion(_ f: FormInput, err: (String) -> String?) -> String {
        H.textInput(id: "seed", label: "Seed", hint: "A whole number. The same seed gives the same synthetic cohort, demand growth and allocation lottery.",
                    value: f["seed"].ifEmpty("1"), error: err("seed"), width: "short", attributes: "inputmode=\"numeric\" autocomplete=\"off\"")
    }

    // MARK: - Scenario

    func scenarioForm(_ request: HTTPRequest, input f: FormInput, errors: [H.FieldError] = []) -> HTTPResponse {
        let err: (String) -> String? = { id in errors.first { $0.field == id }?.message }
        var o = "<h1>Run a scenario</h1>\n"
        o += dataBanner()
        o += H.p("Compare the cohort’s outcomes with the catalogue as it is (the baseline) and with your changes, on the same cohort and seed: children with no suitable place, unplaced children, journeys and pressure on places by need and area. It is a planning tool; it never decides a placement.")
        o += "<form method=\"post\" action=\"/commissioning\" enctype=\"multipart/form-data\" novalidate>\n" + csrfField(request)
        o += cohortQuestions(f, err: err)
        o += "<h2>The scenario</h2>\n"
        o += H.radios(name: "scenario-source", legend: "How will you describe the changes?", choices: [
            H.Choice("form", "With the form below"),
            H.Choice("upload", "Upload a scenario file", hint: "An atl-scenario/1 file (docs/scenario-format.md)."),
        ], selected: f["scenario-source"].ifEmpty("form"), error: err("scenario-source"))
        o += H.textInput(id: "scenario-name", label: "Scenario name", hint: "A short name for the report’s column, like “16 autism places in Madeley”.",
                         value: f["scenario-name"], error: err("scenario-name"), attributes: "autocomplete=\"off\"")
        o += H.textInput(id: "scenario-description", label: "Description (optional)", hint: "One sentence for the report, like the assumptions behind it.",
                         value: f["scenario-description"], error: err("scenario-description"), attributes: "autocomplete=\"off\"")
        let types = ["mainstream-resourced", "special", "non-maintained-special", "independent-special", "alternative-provision"].compactMap(SettingType.init(rawValue:))
        for slot in 1...ScenarioForm.slots {
            let id = { (x: String) in "change-\(slot)-\(x)" }
            var b = "<fieldset class=\"wb-form-group\"><legend class=\"wb-legend-m\">Change \(slot)</legend>\n"
            b += H.select(id: id("op"), label: "What changes", options: ScenarioForm.operations.map { ($0.value, $0.label) },
                          selected: f[id("op")].ifEmpty(slot == 1 ? "open" : ""), error: err(id("op")))
            b += H.details("Fields for this change", [
                H.textInput(id: id("setting"), label: "Setting (close, places, vacancies, needs)", hint: "Name or URN.", value: f[id("setting")], error: err(id("setting")), attributes: "autocomplete=\"off\""),
                H.textInput(id: id("name"), label: "Name of the new provision (open)", value: f[id("name")], error: err(id("name")), attributes: "autocomplete=\"off\""),
                H.select(id: id("type"), label: "Type of the new provision (open)", options: [("", "Select a type")] + types.map { ($0.rawValue, $0.title) }, selected: f[id("type")], error: err(id("type"))),
                H.textInput(id: id("host"), label: "Host school (open, optional)", hint: "Name or URN of the school it opens in; it takes the school’s location and age range.", value: f[id("host")], error: err(id("host")), attributes: "autocomplete=\"off\""),
                H.textInput(id: id("postcode"), label: "Postcode of the new site (open, without a host)", hint: "Where a new setting with no host school will be, like TF3 4NT. Used only to place it on the map and measure journeys.", value: f[id("postcode")], error: err(id("postcode")), width: "short", attributes: "autocomplete=\"off\" spellcheck=\"false\" autocapitalize=\"characters\""),
                ageQuestion(slot: slot, f, err: err),
                H.checkboxes(name: id("needs"), legend: "Needs the places are for (open, needs)", legendClass: "wb-label",
                             hint: "Tick each need the provision is designated for.",
                             choices: NeedCode.allCases.map { H.Choice($0.rawValue, $0.plainLabel) },
                             selected: Set(f.values(id("needs")).flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() } }),
                             error: err(id("needs"))),
                H.textInput(id: id("places"), label: "Places (open, places)", value: f[id("places")], error: err(id("places")), width: "short", attributes: "inputmode=\"numeric\" autocomplete=\"off\""),
                H.textInput(id: id("vacancies"), label: "Vacancies (vacancies)", value: f[id("vacancies")], error: err(id("vacancies")), width: "short", attributes: "inputmode=\"numeric\" autocomplete=\"off\""),
                H.select(id: id("need"), label: "Need (demand)", options: [("", "Select a need")] + NeedCode.allCases.map { ($0.rawValue, $0.plainLabel) }, selected: f[id("need")], error: err(id("need"))),
                H.textInput(id: id("growth"), label: "Growth (demand)", hint: "A percentage, like +20% or -5%.", value: f[id("growth")], error: err(id("growth")), width: "short", attributes: "autocomplete=\"off\""),
                H.textInput(id: id("distance"), label: "Longest journey (max-journey)", hint: "Like 12 miles or 20 km.", value: f[id("distance")], error: err(id("distance")), width: "short", attributes: "autocomplete=\"off\""),
            ].joined(), open: slot == 1 || errors.contains { $0.field.hasPrefix("change-\(slot)-") } || !f[id("op")].isEmpty)
            o += b + "</fieldset>\n"
        }
        let fileErr = err("scenario-file")
        o += H.group("<label class=\"wb-label\" for=\"scenario-file\">Scenario file (if you chose to upload one)</label>\n"
            + H.errorMessage(fileErr, id: "scenario-file")
            + "<input class=\"wb-input\" id=\"scenario-file\" name=\"scenario-file\" type=\"file\" accept=\".scenario,text/plain\">\n", error: fileErr != nil)
        o += "<h2>Run</h2>\n" + seedQuestion(f, err: err)
        o += H.p("The run takes from a few seconds to a few minutes, depending on the cohort. Its page refreshes itself; its files are deleted \(jobs.retentionText) after it finishes.")
        o += H.button("Run the scenario") + "</form>\n"
        return page(Page(title: "Run a scenario", section: .commissioning, body: o, errors: errors,
                         status: errors.isEmpty ? .ok : .unprocessableContent), request)
    }

    /// POST /commissioning: check the scenario and the cohort, then queue the run.
    func runScenario(_ request: HTTPRequest) -> HTTPResponse {
        guard let f = FormInput(request, limits: multipartLimits) else {
            return scenarioForm(request, input: FormInput(), errors: [H.FieldError(field: "cohort-file", message: "The upload could not be read: files must be at most \(configuration.uploadLimit >> 20) MB")])
        }
        var errors: [H.FieldError] = []
        if Int(f.line("seed")).map({ $0 < 0 }) ?? true { errors.append(H.FieldError(field: "seed", message: "Enter the seed as a whole number, like 1")) }
        let catalogue = engine.catalogue
        var scenarioBytes: [UInt8] = []
        if f["scenario-source"] == "upload" {
            if let file = f.files["scenario-file"] { scenarioBytes = file.body } else { errors.append(H.FieldError(field: "scenario-file", message: "Select a scenario file")) }
            if !scenarioBytes.isEmpty {
                do throws(ATLError) { _ = try ScenarioParser.parse(scenarioBytes, file: "scenario") } catch {
                    errors += error.diagnostics.prefix(20).map { d in H.FieldError(field: "scenario-file", message: (d.line.map { "Line \($0)" } ?? "The file") + ": " + d.message) }
                }
                errors += ScenarioParser.unknownSettings(scenarioBytes, file: "scenario", catalogue: catalogue).map {
                    H.FieldError(field: "scenario-file", message: ($0.line.map { "Line \($0)" } ?? "The file") + ": " + $0.message)
                }
            }
        } else {
            let built = ScenarioForm.build(f, catalogue: catalogue, postcodes: engine.postcodes)
            errors += built.errors
            scenarioBytes = Array(built.text.utf8)
            if built.errors.isEmpty {
                do throws(ATLError) { _ = try ScenarioParser.parse(scenarioBytes, file: "scenario") } catch {
                    errors += ScenarioForm.fieldErrors(error.diagnostics, built: built)
                }
                errors += ScenarioForm.fieldErrors(ScenarioParser.unknownSettings(scenarioBytes, file: "scenario", catalogue: catalogue), built: built)
            }
        }
        let staging = jobs.folder + "/.staging-" + SecureRandom.token(byteCount: 8).filter { $0.isLetter || $0.isNumber }
        defer { try? FileManager.default.removeItem(atPath: staging) }
        if errors.isEmpty { errors += writeCohort(f, to: staging + "/cohort.csv") }
        guard errors.isEmpty else { return scenarioForm(request, input: f, errors: errors) }
        let cohortBytes = FileManager.default.contents(atPath: staging + "/cohort.csv") ?? Data()
        let seed = UInt64(Int(f.line("seed")) ?? 1)
        let date = self.date
        let engines = self.engines
        let title = "Scenario: " + ((try? ScenarioParser.parse(scenarioBytes, file: "scenario").name) ?? "scenario")
        let geography = self.geography
        let scenarioData = scenarioBytes
        do {
            let id = try jobs.submit(kind: .scenario, title: title, owner: owner(request)) { context in
                let cohortPath = context.folder + "/cohort.csv", scenarioPath = context.folder + "/changes.scenario"
                try OutputFile.write([UInt8](cohortBytes), to: cohortPath, mode: 0o600)
                try OutputFile.write(scenarioData, to: scenarioPath, mode: 0o600)
                context.progress(nil, "Running the baseline and the scenario on the same cohort")
                let engine = engines.current
                let scenarios = try ScenarioService.loadScenarios([scenarioPath]) { engine.catalogue }
                let result = try ScenarioService.run(ScenarioService.Request(cohort: cohortPath, scenarios: [scenarioPath], seed: seed, date: date),
                                                     scenarios: scenarios, engine: engine)
                context.progress(0.95, "Writing the report")
                try OutputFile.write(Array(ScenarioHTML.render(result, geography: geography).utf8), to: context.folder + "/scenario-report.html", mode: 0o600)
                try OutputFile.write(Array(ScenarioMarkdown.render(result).utf8), to: context.folder + "/scenario-report.md", mode: 0o600)
                try OutputFile.write(Array(ScenarioJSON.render(result).utf8), to: context.folder + "/scenario-report.json", mode: 0o600)
                context.progress(0.97, "Working out what each change did")
                let cohort = try CohortReader.children(path: cohortPath, engine: engine, academicYear: date.academicYear).children
                let effects = ScenarioEffects.explain(ScenarioEffects.Inputs(comparison: result, scenario: scenarios[0], engine: engine, cohort: cohort, seed: seed))
                var figures: [(String, String)] = []
                for run in [result.baseline] + result.scenarios {
                    figures.append((run.name, "\(run.metrics.unplaced) unplaced, \(run.metrics.noSuitablePlace) with no suitable place"))
                }
                return JobQueue.Outcome(files: [
                    JobQueue.File(name: "scenario-report.html", title: "Report (HTML)", contentType: "text/html; charset=utf-8"),
                    JobQueue.File(name: "scenario-report.md", title: "Report (Markdown)", contentType: "text/markdown; charset=utf-8"),
                    JobQueue.File(name: "scenario-report.json", title: "Report (JSON)", contentType: "application/json"),
                    JobQueue.File(name: "changes.scenario", title: "The scenario file", contentType: "text/plain; charset=utf-8"),
                ], figures: figures, report: "scenario-report.html", effects: effects)
            }
            return .redirect(to: "/jobs/\(id)")
        } catch {
            return scenarioForm(request, input: f, errors: [H.FieldError(field: "cohort-source", message: "The workbench is busy with other runs: try again in a few minutes")])
        }
    }

    /// The ages a new provision without a host takes: two boxes that become `age-range: LOW-HIGH`.
    func ageQuestion(slot: Int, _ f: FormInput, err: (String) -> String?) -> String {
        let id = "change-\(slot)-age"
        let error = err("\(id)-from")
        var o = "<fieldset role=\"group\" aria-describedby=\"\(id)-hint\(error == nil ? "" : " \(id)-from-error")\">\n<legend class=\"wb-label\">Ages it takes (open, without a host)</legend>\n"
        o += H.hint("Statutory ages, like 11 to 16 for a secondary base. With a host school it takes the school’s ages unless you give them.", id: id)
        o += H.errorMessage(error, id: "\(id)-from")
        o += "<div class=\"wb-date\">\n"
        for (part, label) in [("from", "From age"), ("to", "To age")] {
            o += "<div><label class=\"wb-label\" for=\"\(id)-\(part)\">\(label)</label><input class=\"wb-input wb-input--2\(error == nil ? "" : " wb-input--error")\" id=\"\(id)-\(part)\" name=\"\(id)-\(part)\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" value=\"\(e(f["\(id)-\(part)"]))\"></div>\n"
        }
        return H.group(o + "</div>\n</fieldset>\n", error: error != nil)
    }

    // MARK: - Batch and allocation

    func batchForm(_ request: HTTPRequest, input f: FormInput, errors: [H.FieldError] = []) -> HTTPResponse {
        let err: (String) -> String? = { id in errors.first { $0.field == id }?.message }
        var o = "<h1>Batch lists and allocation</h1>\n"
        o += dataBanner()
        o += H.p("Build every child’s advisory list for a cohort (as JSON Lines, with a summary of demand), then simulate how places would be allocated: deferred acceptance beside a greedy nearest-setting comparison. A simulation for planning, never a decision.")
        o += "<form method=\"post\" action=\"/batch\" enctype=\"multipart/form-data\" novalidate>\n" + csrfField(request)
        o += cohortQuestions(f, err: err)
        o += "<h2>Run</h2>\n" + seedQuestion(f, err: err)
        o += H.textInput(id: "few", label: "Few options", hint: "A child with fewer suitable settings than this counts as having few options.",
                         value: f["few"].ifEmpty("3"), error: err("few"), width: "short", attributes: "inputmode=\"numeric\" autocomplete=\"off\"")
        o += H.p("The page of the run refreshes itself while it works; its files are deleted \(jobs.retentionText) after it finishes.")
        o += H.button("Run the batch and allocation") + "</form>\n"
        return page(Page(title: "Batch lists and allocation", section: .batch, body: o, errors: errors,
                         status: errors.isEmpty ? .ok : .unprocessableContent), request)
    }

    func runBatch(_ request: HTTPRequest) -> HTTPResponse {
        guard let f = FormInput(request, limits: multipartLimits) else {
            return batchForm(request, input: FormInput(), errors: [H.FieldError(field: "cohort-file", message: "The upload could not be read: files must be at most \(configuration.uploadLimit >> 20) MB")])
        }
        var errors: [H.FieldError] = []
        if Int(f.line("seed")).map({ $0 < 0 }) ?? true { errors.append(H.FieldError(field: "seed", message: "Enter the seed as a whole number, like 1")) }
        let few = Int(f.line("few"))
        if few == nil || !(1...1000).contains(few!) { errors.append(H.FieldError(field: "few", message: "Enter a number from 1 to 1,000")) }
        let staging = jobs.folder + "/.staging-" + SecureRandom.token(byteCount: 8).filter { $0.isLetter || $0.isNumber }
        defer { try? FileManager.default.removeItem(atPath: staging) }
        if errors.isEmpty { errors += writeCohort(f, to: staging + "/cohort.csv") }
        guard errors.isEmpty, let k = few else { return batchForm(request, input: f, errors: errors) }
        let cohortBytes = FileManager.default.contents(atPath: staging + "/cohort.csv") ?? Data()
        let seed = UInt64(Int(f.line("seed")) ?? 1)
        let date = self.date
        let engines = self.engines
        let root = configuration.setup.catalogue
        let postcodesFile = configuration.setup.postcodes
        do {
            let id = try jobs.submit(kind: .batch, title: "Batch lists and allocation", owner: owner(request)) { context in
                let cohort = context.folder + "/cohort.csv", records = context.folder + "/lists.jsonl"
                try OutputFile.write([UInt8](cohortBytes), to: cohort, mode: 0o600)
                let engine = engines.current
                let notes = Notes()
                context.progress(0, "Building lists")
                let request = BatchService.Request(cohort: cohort, output: records, fewOptions: k, threads: 1, date: date, postcodesFile: postcodesFile)
                let batch = try BatchService.run(request, engine: engine, notify: notes.add,
                                                 progress: { done, total, _ in context.progress(total == 0 ? nil : Double(done) / Double(total) * 0.9, "Built \(done) of \(total) lists") })
                let summaryContext = CohortSummaryRender.Context(cohort: "cohort.csv", cohortHash: batch.cohortHash, fictionalCatalogue: engine.catalogue.isFictional,
                                                                 stamp: batch.stamp, syntheticCatalogue: engine.catalogue.isSynthetic)
                try OutputFile.write(Array(CohortSummaryRender.markdown(batch.summary, demand: batch.demand, context: summaryContext).utf8),
                                     to: context.folder + "/summary.md", mode: 0o600)
                try OutputFile.write(Array((CohortSummaryRender.json(batch.summary, demand: batch.demand, context: summaryContext).serialized(pretty: true) + "\n").utf8),
                                     to: context.folder + "/summary.json", mode: 0o600)
                var figures: [(String, String)] = [
                    ("Children", "\(batch.rows)"), ("Lists built", "\(batch.summary.listed)"), ("Rows with errors", "\(batch.summary.errors)"),
                    ("Children with fewer than \(k) suitable settings", "\(batch.summary.all.fewerThanK)"),
                    ("Children with no suitable setting", "\(batch.summary.all.noneSuitable)"),
                ]
                var files = [
                    JobQueue.File(name: "lists.jsonl", title: "Every child’s list (JSON Lines, atl-batch/1)", contentType: "application/x-ndjson"),
                    JobQueue.File(name: "summary.md", title: "Cohort summary (Markdown)", contentType: "text/markdown; charset=utf-8"),
                    JobQueue.File(name: "summary.json", title: "Cohort summary (JSON)", contentType: "application/json"),
                ]
                if batch.summary.listed > 0 {
                    context.progress(0.92, "Simulating the allocation of places")
                    let allocation = try AllocationService.run(lists: records, catalogueRoot: root, catalogue: engine.catalogue, seed: seed, date: date,
                                                               notify: notes.add)
                    try OutputFile.write(Array(AllocationMarkdown.render(allocation.report, stamp: allocation.stamp).utf8), to: context.folder + "/allocation.md", mode: 0o600)
                    try OutputFile.write(Array(AllocationJSON.render(allocation.report, stamp: allocation.stamp).utf8), to: context.folder + "/allocation.json", mode: 0o600)
                    try OutputFile.write(Array(AllocationCSV.render(allocation.report).utf8), to: context.folder + "/allocation.csv", mode: 0o600)
                    let da = allocation.report.summaries[0], greedy = allocation.report.summaries[1]
                    figures += [("Placed by deferred acceptance", "\(da.placed) (unplaced \(da.unplaced))"),
                                ("Placed by greedy nearest", "\(greedy.placed) (unplaced \(greedy.unplaced))")]
                    files += [
                        JobQueue.File(name: "allocation.md", title: "Allocation report (Markdown)", contentType: "text/markdown; charset=utf-8"),
                        JobQueue.File(name: "allocation.json", title: "Allocation report (JSON)", contentType: "application/json"),
                        JobQueue.File(name: "allocation.csv", title: "Allocation by child (CSV)", contentType: "text/csv; charset=utf-8"),
                    ]
                }
                // The first problems of rows with errors, so the commissioner sees what to correct.
                return JobQueue.Outcome(files: files, figures: figures, notes: batch.firstErrors.map { $0.replacingOccurrences(of: context.folder + "/", with: "") } + notes.all)
            }
            return .redirect(to: "/jobs/\(id)")
        } catch {
            return batchForm(request, input: f, errors: [H.FieldError(field: "cohort-source", message: "The workbench is busy with other runs: try again in a few minutes")])
        }
    }

    // MARK: - Job page

    /// GET /jobs/{id}: progress (refreshing itself every 2 seconds while it runs), then results and files.
    func jobPage(_ request: HTTPRequest) -> HTTPResponse {
        guard let id = request.pathParameters["id"], let job = jobs.snapshot(id: id, owner: owner(request)) else { return .status(.notFound) }
        var o = "<span class=\"wb-caption\">\(e(job.kind == .scenario ? "Scenario" : "Batch and allocation"))</span>\n"
        let stopped = request.queryItems["refresh"] == "off"
        var refresh = false
        switch job.phase {
        case .queued, .running:
            refresh = !stopped
            o += "<h1>\(e(job.title))</h1>\n"
            o += H.p(job.phase == .queued ? "Waiting to start" + (job.position.map { " (number \($0) in the queue)" } ?? "") + "." : "Running: \(job.message).")
            if let fraction = job.fraction {
                let percent = Int((fraction * 100).rounded())
                o += "<p><label for=\"progress\">Progress</label><br><progress class=\"wb-progress\" id=\"progress\" max=\"100\" value=\"\(percent)\">\(percent)%</progress> \(percent)%</p>\n"
            }
            if stopped {
                o += H.p("You have stopped this page refreshing itself. You can leave it and come back: the run carries on.", cls: "wb-hint")
                o += "<p><a href=\"/jobs/\(e(id))?refresh=off\">Check the progress now</a> · <a href=\"/jobs/\(e(id))\">Refresh this page automatically</a></p>\n"
            } else {
                o += H.p("This page refreshes itself every 5 seconds until the run has finished. You can leave it and come back: the run carries on.", cls: "wb-hint")
                o += "<p><a href=\"/jobs/\(e(id))?refresh=off\">Stop refreshing this page</a></p>\n"
            }
        case .failed(let problems):
            o += "<h1>The run stopped</h1>\n" + H.p("The input has problems. Correct them and run it again:")
            o += "<ul>" + problems.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
            o += "<p><a href=\"\(job.kind == .scenario ? "/commissioning" : "/batch")\">Start again</a></p>\n"
        case .finished:
            o += "<h1>\(e(job.title))</h1>\n"
            o += H.banner(title: "Finished", "<p>The run is complete. Its files are deleted \(e(jobs.retentionText)) after it finished"
                          + (job.expires.map { ", at \(e(ListRegister.timestamp($0).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")))" } ?? "") + ".</p>",
                          kind: "success", id: "finished")
            if let outcome = job.outcome {
                if !outcome.figures.isEmpty { o += "<h2>Key figures</h2>\n" + H.summaryList(outcome.figures.map { ($0.0, e($0.1)) }) }
                o += effectsSection(outcome.effects)
                if outcome.report != nil { o += "<p><a class=\"wb-button\" href=\"/jobs/\(e(id))/report\">Open the report</a></p>\n" }
                o += "<h2>Files</h2>\n<ul>" + outcome.files.map { "<li><a href=\"/jobs/\(e(id))/files/\(e($0.name))\" download>\(e($0.title))</a></li>" }.joined() + "</ul>\n"
                if !outcome.notes.isEmpty {
                    o += "<h2>Problems and notes from the run</h2>\n<ul>" + outcome.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
                }
            }
        }
        var p = Page(title: job.title, section: job.kind == .scenario ? .commissioning : .batch, body: o, noStore: true)
        p.refresh = refresh ? 5 : nil
        return page(p, request)
    }

    /// GET /jobs/{id}/report: the scenario report (same renderer as `atl scenario --format html`), embedded.
    func jobReport(_ request: HTTPRequest) -> HTTPResponse {
        guard let id = request.pathParameters["id"], let job = jobs.snapshot(id: id, owner: owner(request)), let name = job.outcome?.report,
              let (_, bytes) = jobs.file(id: id, owner: owner(request), name: name) else { return .status(.notFound) }
        let doc = EmbeddedDocument(html: String(decoding: bytes, as: UTF8.self))
        let top = "<p><a class=\"wb-back\" href=\"/jobs/\(e(id))\">The run and its files</a></p>\n"
        return page(Page(title: job.title, section: .commissioning, body: top, embedded: doc, noStore: true), request)
    }

    /// What each change did, worked out from the run (``ScenarioEffects``).
    func effectsSection(_ effects: [String]) -> String {
        guard !effects.isEmpty else { return "" }
        return "<h2>What each change did</h2>\n<ul class=\"wb-effects\">" + effects.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
    }

    func jobFile(_ request: HTTPRequest) -> HTTPResponse {
        guard let id = request.pathParameters["id"], let name = request.pathParameters["name"],
              let (file, bytes) = jobs.file(id: id, owner: owner(request), name: name) else { return .status(.notFound) }
        return .download(bytes, filename: file.name, contentType: file.contentType)
    }
}
