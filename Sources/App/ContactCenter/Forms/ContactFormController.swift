import Vapor
import Views
import Directory
import Identity
import ContactCenter
import Storage
import Localization

/// The portal's contact form (`POST /contact`): a web-form contact for the office of the
/// powiat given, routed like every other channel, with a confirmation e-mail carrying its case
/// number. Robots are kept out by a hidden field and a limit per address, not by a CAPTCHA.
struct ContactFormController: Sendable {

    static func model(_ req: Request, form: FormState) async throws -> ContactPage.Model {
        var m = ContactPage.Model(operatorInfo: req.services.config.operatorInfo)
        m.powiats = try await req.services.directoryCache.snapshot(req.db).powiatChoices
        m.topics = ContactTopic.general.map { ($0.rawValue, req.catalogue.text("topic." + $0.rawValue)) }
        m.form = form
        return m
    }

    struct Input: Content { var email: String?; var name: String?; var powiat: String?; var topic: String?; var message: String?; var website: String? }

    @Sendable func send(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        let t = req.catalogue
        var form = FormState(values: ["email": input.email ?? "", "name": input.name ?? "", "powiat": input.powiat ?? "",
                                      "topic": input.topic ?? "", "message": input.message ?? ""])
        // A filled trap field: a robot. It sees the usual answer; nothing is stored or sent.
        if !(input.website ?? "").isEmpty {
            var m = try await Self.model(req, form: FormState(values: ["topic": "other"]))
            m.sent = (ContactMessage.caseNumber(UUID()), t.text("faq.national"))
            return .html(ContactPage.render(m, req.pageContext))
        }
        let address = req.clientAddress
        guard try await RateLimiter(db: req.db).hit("contact:" + address, limit: IntakePolicy.formsPerHour, window: 3_600) else {
            form.errors.append(("message", t.text("contact.too_many")))
            return .html(ContactPage.render(try await Self.model(req, form: form), req.pageContext), status: .tooManyRequests)
        }
        switch try await Self.intake(input, req) {
        case .refused(let errors):
            form.errors = errors
            return .html(ContactPage.render(try await Self.model(req, form: form), req.pageContext), status: .badRequest)
        case .accepted(let caseNumber, let office):
            var m = try await Self.model(req, form: FormState(values: ["topic": "other"]))
            m.sent = (caseNumber, office.name)
            return .html(ContactPage.render(m, req.pageContext))
        }
    }

    enum Intake { case refused([(field: String, message: String)]), accepted(caseNumber: String, office: Office) }

    /// The checks and the contact they make (with the confirmation e-mail, in one transaction),
    /// however the message came: the form, or the app for a signed-in seeker.
    static func intake(_ input: Input, _ req: Request) async throws -> Intake {
        let t = req.catalogue
        var form = FormState()
        let email = EmailAddress.checked(input.email ?? "")
        if case .failure(let e) = email {
            form.errors.append(("email", t.text("form.invalid_field", ["field": t.text("form.email"), "reason": t.text(e.catalogueKey, e.arguments)])))
        }
        let powiatCode = (input.powiat ?? "").trimmingCharacters(in: .whitespaces)
        var office: Office? = nil
        let powiat = powiatCode.isEmpty ? nil : try await req.directory.powiat(code: powiatCode)
        if powiat == nil {
            form.errors.append(("powiat", t.text("contact.powiat_required")))
        } else {
            office = try await req.directory.servingOffice(powiat: powiatCode)
            if office == nil { form.errors.append(("powiat", t.text("contact.powiat_required"))) }
        }
        let topic = ContactTopic(rawValue: input.topic ?? "").flatMap { ContactTopic.general.contains($0) ? $0 : nil }
        if topic == nil { form.errors.append(("topic", t.text("desktop.topic_unknown"))) }
        let text = (input.message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count < 10 { form.errors.append(("message", t.text("contact.message_short"))) }
        if text.count > ContactMessage.maximumText { form.errors.append(("message", t.text("desktop.note_too_long", ["max": "\(ContactMessage.maximumText)"]))) }
        let name = (input.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.count > ContactMessage.maximumName { form.errors.append(("name", t.text("offer.error.too_long", ["max": "\(ContactMessage.maximumName)"]))) }
        guard form.errors.isEmpty, case .success(let email) = email, let office, let topic else { return .refused(form.errors) }
        // A known client (one record with this address) gets the contact in their history.
        let clients = try await ClientStore(db: req.db).find(contact: "email", value: email.value)
        let now = try await ServerClock.now(req.db)
        let interaction = Interaction(channel: .webForm, clientID: clients.count == 1 ? clients[0].id : nil, language: req.language.rawValue,
                                      topic: topic.rawValue, officeID: office.id, voivodeshipCode: office.voivodeshipCode, queuedAt: now)
        let caseNumber = ContactMessage.caseNumber(interaction.id)
        let context = ContactContext(powiat: powiatCode, email: email.value, name: name.isEmpty ? nil : name, message: text, caseNumber: caseNumber)
        let mail = MailComposer(publicURL: req.services.config.publicURL)
            .compose(to: email.value, kind: "contact_confirmation", language: req.language, subjectKey: "mail.contact.subject",
                     paragraphs: ["mail.contact.body"], link: req.services.config.publicURL + SiteRoute.faq.path, args: ["case": caseNumber, "office": office.name])
        let frozen = context
        try await req.db.transaction { tx in
            try await ContactCenterStore(db: tx).enqueue(interaction, context: frozen, now: now)
            try await Outbox(db: tx).enqueue(mail)
        }
        await req.application.desktopEvents.publish(DesktopMessage(agents: [], kind: "queue"), on: req.db, logger: req.logger)
        return .accepted(caseNumber: caseNumber, office: office)
    }
}
