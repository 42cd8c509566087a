import Vapor
import Identity
import Localization

/// Collects a form's trimmed values and its problems, each in the visitor's language and tied
/// to the field, so a page can show them all at once.
struct FormValidator {
    let t: Catalogue
    var values: [String: String] = [:]
    var errors: [(field: String, message: String)] = []

    init(_ catalogue: Catalogue, _ raw: [String: String?]) {
        t = catalogue
        for (k, v) in raw { values[k] = (v ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    subscript(_ field: String) -> String { values[field] ?? "" }
    func optional(_ field: String) -> String? { self[field].isEmpty ? nil : self[field] }

    mutating func fail(_ field: String, _ message: String) { errors.append((field, message)) }

    mutating func required(_ field: String, label: String, max: Int = 100) {
        let v = self[field]
        if v.isEmpty { fail(field, t.text("form.required_field", ["field": label])) }
        else if v.count > max { fail(field, t.text("form.too_long_field", ["field": label, "max": "\(max)"])) }
    }

    /// Builds an identifier, or records why it is invalid under the field's label.
    mutating func identifier<T>(_ field: String, label: String, _ make: (String) throws(IdentifierError) -> T) -> T? {
        do { return try make(self[field]) } catch {
            fail(field, t.text("form.invalid_field", ["field": label, "reason": t.text(error.catalogueKey, error.arguments)]))
            return nil
        }
    }

    mutating func password(_ field: String, _ password: String, email: String?) {
        for p in PasswordPolicy.problems(password, email: email) {
            fail(field, t.text(p.rawValue, ["min": "\(PasswordPolicy.minimumLength)"]))
        }
    }

    var state: Views.FormState { Views.FormState(values: values, errors: errors) }
}

import Views
