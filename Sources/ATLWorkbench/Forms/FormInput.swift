import ATLHTTP

/// A submitted form, urlencoded or multipart, as named text values (repeats kept) and uploaded files. Parsed
/// in memory; an uploaded file's name is only ever shown, never used as a path.
struct FormInput: Sendable {
    var fields: [(name: String, value: String)] = []
    var files: [String: MultipartPart] = [:]

    init() {}

    init(fields: [(String, String)]) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    /// Reads the request's body; nil when it is neither form encoding or cannot be decoded.
    init?(_ request: HTTPRequest, limits: MultipartLimits = MultipartLimits()) {
        switch request.mediaType {
        case "application/x-www-form-urlencoded":
            guard let f = try? request.formFields() else { return nil }
            fields = f.map { (name: $0.name, value: $0.value) }
        case "multipart/form-data":
            guard let parts = try? request.multipartParts(limits: limits) else { return nil }
            for p in parts {
                if p.isFile {
                    if !p.body.isEmpty { files[p.name] = p }
                } else if let text = p.text {
                    fields.append((name: p.name, value: text))
                }
            }
        default:
            return nil
        }
    }

    /// The first value of a field, or "" (browsers send empty text fields as "").
    subscript(_ name: String) -> String { fields.first { $0.name == name }?.value ?? "" }

    func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    func has(_ name: String) -> Bool { fields.contains { $0.name == name } }

    /// The field with surrounding white space removed and line breaks turned into spaces: what goes into one
    /// `field: value` line of a profile or scenario (so no value can ever start another line).
    func line(_ name: String) -> String { FormInput.oneLine(self[name]) }

    static func oneLine(_ s: String) -> String {
        let flat = String(s.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return flat.trimmingCharacters(in: .whitespaces)
    }
}

extension HTTPFormFields {
    /// The decoded query string as `FormInput` (search forms use GET).
    var formInput: FormInput { FormInput(fields: map { ($0.name, $0.value) }) }
}
