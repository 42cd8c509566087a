import Vapor
import Views
import Identity
import ContactCenter
import Storage
import Localization

/// "Ask about returning" (`/returns`): e-mail, name, country and the question become a
/// web-form contact of the national returns queue (topic `returns`: any consultant who takes
/// the topic may answer it at once), answered by e-mail through the screen pop's reply
/// composer under its case number; the asker gets a confirmation carrying that number.
struct ReturnsQuestionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.returns.pathComponents, use: page)
        routes.post(SiteRoute.returns.pathComponents, use: send)
    }

    static func model(_ req: Request, form: FormState) -> ReturnsPage.Model {
        var m = ReturnsPage.Model()
        m.form = form
        m.countries = Countries.choices(in: req.language).map { ($0.code, $0.name) }
        return m
    }

    @Sendable func page(req: Request) async throws -> Response {
        .html(ReturnsPage.render(Self.model(req, form: FormState()), req.pageContext))
    }

    struct Input: Content { var email: String?; var name: String?; var country: String?; var question: String?; var website: String? }

    @Sendable func send(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        let t = req.catalogue
        var form = FormState(values: ["email": input.email ?? "", "name": input.name ?? "", "country": input.country ?? "",
                                      "question": input.question ?? ""])
        // A filled trap field: a robot. It sees the usual answer; nothing is stored or sent.
        if !(input.website ?? "").isEmpty {
            var m = Self.model(req, form: FormState())
            m.sentCase = ContactMessage.caseNumber(UUID())
            return .html(ReturnsPage.render(m, req.pageContext))
        }
        guard try await RateLimiter(db: req.db).hit("contact:" + req.clientAddress, limit: IntakePolicy.formsPerHour, window: 3_600) else {
            form.errors.append(("question", t.text("returns.too_many")))
            return .html(ReturnsPage.render(Self.model(req, form: form), req.pageContext), status: .tooManyRequests)
        }
        let email = EmailAddress.checked(input.email ?? "")
        if case .failure(let e) = email {
            form.errors.append(("email", t.text("form.invalid_field", ["field": t.text("form.email"), "reason": t.text(e.catalogueKey, e.arguments)])))
        }
        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { form.errors.append(("name", t.text("returns.name_required"))) }
        if name.count > ContactMessage.maximumName { form.errors.append(("name", t.text("returns.name_long", ["max": "\(ContactMessage.maximumName)"]))) }
        let country = (input.country ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        if !Countries.codes.contains(country) { form.errors.append(("country", t.text("returns.country_required"))) }
        let text = (input.question ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count < 10 { form.errors.append(("question", t.text("returns.question_short"))) }
        if text.count > ContactMessage.maximumText { form.errors.append(("question", t.text("returns.question_long", ["max": "\(ContactMessage.maximumText)"]))) }
        guard form.errors.isEmpty, case .success(let email) = email else {
            return .html(ReturnsPage.render(Self.model(req, form: form), req.pageContext), status: .badRequest)
        }
        let officeID = req.services.config.returnsOffice
        guard let office = try await req.directory.office(id: officeID) else {
            req.logger.error("RETURNS_OFFICE names no office of the directory: \(officeID)")
            throw Abort(.serviceUnavailable, reason: t.text("returns.unavailable"))
        }
        let clients = try await ClientStore(db: req.db).find(contact: "email", value: email.value)
        let now = try await ServerClock.now(req.db)
        let interaction = Interaction(channel: .webForm, clientID: clients.count == 1 ? clients[0].id : nil, language: req.language.rawValue,
                                      topic: ContactTopic.returns.rawValue, officeID: office.id, voivodeshipCode: office.voivodeshipCode, queuedAt: now)
        let caseNumber = ContactMessage.caseNumber(interaction.id)
        let context = ContactContext(email: email.value, name: name, subject: t.text("returns.subject"), message: text, caseNumber: caseNumber,
                                     country: country)
        let mail = MailComposer(publicURL: req.services.config.publicURL)
            .compose(to: email.value, kind: "returns_confirmation", language: req.language, subjectKey: "mail.returns.subject",
                     paragraphs: ["mail.returns.body"], link: req.services.config.publicURL + SiteRoute.offers.path,
                     args: ["case": caseNumber, "country": Countries.name(country, in: req.language)])
        try await req.db.transaction { tx in
            try await ContactCenterStore(db: tx).enqueue(interaction, context: context, now: now)
            try await Outbox(db: tx).enqueue(mail)
        }
        await req.application.desktopEvents.publish(DesktopMessage(agents: [], kind: "queue"), on: req.db, logger: req.logger)
        var m = Self.model(req, form: FormState())
        m.sentCase = caseNumber
        return .html(ReturnsPage.render(m, req.pageContext))
    }
}
