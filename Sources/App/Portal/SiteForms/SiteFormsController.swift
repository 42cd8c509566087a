import Vapor
import Views
import Content
import Storage
import ContactCenter

/// A form an editor built, for visitors: its questions in the reader's language, checked field by
/// field, the answer kept until the form's retention ends; a robot's trap field and a limit per
/// address keep floods out.
struct SiteFormsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("forms", ":id", use: show)
        routes.post("forms", ":id", use: send)
    }

    func found(_ req: Request) async throws -> SiteForm {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let f = try await SiteFormStore(db: req.db).find(id) else {
            throw NotFoundError(detail: req.catalogue.text("forms.not_found"))
        }
        return f
    }

    func page(_ req: Request, _ f: SiteForm, form: FormState = FormState(), thanks: Bool = false, status: HTTPStatus = .ok) -> Response {
        let lang = req.language.rawValue
        let fields = f.draft.fields.enumerated().map { i, field in
            SiteFormPage.Field(name: "answer\(i)", label: field.label(lang), kind: SiteFormPage.Field.Kind(field.kind), required: field.required,
                               options: field.options.indices.map { field.option($0, lang) })
        }
        let intro = f.draft.intro(lang).components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let model = SiteFormPage.Model(id: f.id.uuidString.lowercased(), title: f.draft.title(lang), intro: intro, fields: fields, open: f.draft.open,
                                       retentionDays: f.draft.retentionDays, form: form, thanks: thanks)
        return .html(SiteFormPage.render(model, req.pageContext), status: status)
    }

    func show(req: Request) async throws -> Response {
        let f = try await found(req)
        return page(req, f, thanks: (try? req.query.get(String.self, at: "notice")) == "sent")
    }

    func send(req: Request) async throws -> Response {
        let f = try await found(req)
        let t = req.catalogue
        guard f.draft.open else { return page(req, f, status: .conflict) }
        let input = (try? req.content.decode([String: String].self)) ?? [:]
        let answers = f.draft.fields.indices.map { input["answer\($0)"] ?? "" }
        let values = Dictionary(uniqueKeysWithValues: f.draft.fields.indices.map { ("answer\($0)", answers[$0]) })
        let checked = f.draft.check(answers)
        if !checked.problems.isEmpty {
            let errors = checked.problems.map { p in
                (field: p.field, message: t.text("form.invalid_field", ["field": Int(p.field.dropFirst(6)).map { f.draft.fields[$0].label(req.language.rawValue) } ?? p.field,
                                                                        "reason": t.text(p.key, p.arguments)]))
            }
            return page(req, f, form: FormState(values: values, errors: errors), status: .badRequest)
        }
        guard try await RateLimiter(db: req.db).hit("site-form:" + req.clientAddress, limit: IntakePolicy.formsPerHour, window: 3_600) else {
            return page(req, f, form: FormState(values: values, errors: [("answer0", t.text("contact.too_many"))]), status: .tooManyRequests)
        }
        try await SiteFormStore(db: req.db).answer(f, values: checked.values)
        return req.redirect(to: SiteRoute.siteForm(f.id.uuidString.lowercased()).with(["notice": "sent"]), redirectType: .normal)
    }
}

extension SiteFormPage.Field.Kind {
    init(_ kind: SiteFormField.Kind) {
        switch kind {
        case .text: self = .text
        case .longText: self = .longText
        case .email: self = .email
        case .phone: self = .phone
        case .number: self = .number
        case .date: self = .date
        case .choice: self = .choice
        case .checkbox: self = .checkbox
        }
    }
}
