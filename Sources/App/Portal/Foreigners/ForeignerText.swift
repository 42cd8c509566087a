import Vapor
import Views
import Foreigners
import Localization

/// The generator's definitions and findings in the words of one language: field models for a
/// step, the checklist's lines, the progress list.
struct ForeignerText {
    let language: String
    let catalogue: Catalogue

    init(_ req: Request) { language = req.language.rawValue; catalogue = req.catalogue }
    init(language: Language, catalogue: Catalogue) { self.language = language.rawValue; self.catalogue = catalogue }

    func t(_ key: String, _ args: [String: String] = [:]) -> String { catalogue.text(key, args) }

    func label(_ form: ApplicationForm, _ field: String) -> String { form.field(field)?.label[language] ?? field }

    /// A finding in words: the definition's own message, or the generator's for its check.
    func message(_ issue: FieldIssue, _ form: ApplicationForm) -> String {
        if let m = issue.message { return m[language] }
        var args = issue.args
        if let other = args["field"] { args["field"] = label(form, other) }
        if let s = issue.suggestion { args["suggestion"] = s }
        return t(issue.code.contains(".") ? issue.code : "fg.issue." + issue.code, args)
    }

    /// "Surname: …", for the error summary and the checklist.
    func line(_ issue: FieldIssue, _ form: ApplicationForm) -> String {
        t("form.invalid_field", ["field": label(form, issue.field), "reason": message(issue, form)])
    }

    /// "Step title › Field: problem", for the checklist and the helpline's view.
    func located(_ issue: FieldIssue, _ form: ApplicationForm) -> String {
        (form.section(of: issue.field).map { $0.title[language] + " › " } ?? "") + line(issue, form)
    }

    func countries() -> [(value: String, label: String)] {
        FormCountries.choices(language: language).map { ($0.code, $0.name) }
    }

    func field(_ f: FormField, in form: ApplicationForm, doubt: FieldIssue?) -> ForeignerPages.Field {
        let input: ForeignerPages.Field.Input
        switch f.kind {
        case .multiline: input = .textarea
        case .date: input = .date
        case .email: input = .email
        case .phone: input = .tel
        case .money, .hours: input = .number
        case .choice: input = .select((f.options ?? []).map { ($0.value, $0.label[language]) })
        case .yesNo: input = .select([("yes", t("fg.yes")), ("no", t("fg.no"))])
        case .country: input = .select(countries())
        default: input = .text
        }
        var m = ForeignerPages.Field(name: f.id, label: f.label[language], help: f.help[language], required: f.required, input: input,
                                     maxLength: f.maximumLength)
        if let when = f.when, let other = form.field(when.field) {
            let answers = when.in.map { v in
                other.kind == .yesNo ? t(v == "yes" ? "fg.yes" : "fg.no") : other.options?.first { $0.value == v }?.label[language] ?? v
            }
            m.condition = t("fg.only_if", ["field": other.label[language], "answer": answers.joined(separator: ", ")])
        }
        m.review = (f.review ?? f.rules.compactMap(\.review).first)?.text[language]
        m.doubt = doubt.map { message($0, form) }
        return m
    }

    func validity(_ form: ApplicationForm) -> String {
        let from = t("fg.valid_from", ["date": form.validFrom.description])
        return form.validUntil.map { from + " " + t("fg.valid_until", ["date": $0.description]) } ?? from
    }

    func change(_ c: ForeignerDraftContent.Change, _ form: ApplicationForm) -> String {
        switch c.kind {
        case "removed": t("fg.change.removed", ["field": c.field])
        case "added": t("fg.change.added", ["field": label(form, c.field)])
        default: t("fg.change.changed", ["field": label(form, c.field)])
        }
    }
}
