import Vapor
import Views
import Directory
import Identity
import ContactCenter
import Storage
import Localization

/// "Zamów rozmowę" (`/callback`): a callback contact queued for the chosen hour, for the
/// office serving the powiat given; it rings on a consultant's desktop at that time (before new
/// calls: callbacks that are due have priority). Not reached → tried again (see DesktopService).
struct CallbackController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("callback", use: page)
        routes.post("callback", use: book)
    }

    static func slots(_ req: Request, now: Date) -> [(date: Date, value: String, label: String)] {
        BookableSlots.list(req.services.contactCentre, now: now, language: req.language)
    }

    func model(_ req: Request, form: FormState, booked: (caseNumber: String, when: String, office: String)? = nil) async throws -> CallbackPage.Model {
        let contact = try await ContactFormController.model(req, form: form)
        return CallbackPage.Model(form: form, powiats: contact.powiats, topics: contact.topics,
                                  slots: Self.slots(req, now: Date()).map { ($0.value, $0.label) }, booked: booked)
    }

    func page(req: Request) async throws -> Response {
        .html(CallbackPage.render(try await model(req, form: FormState(values: ["who": "seeker", "topic": "other"])), req.pageContext))
    }

    struct Input: Content {
        var phone: String?; var slot: String?; var powiat: String?; var locality: String?; var postal_code: String?; var who: String?
        var topic: String?; var name: String?; var website: String?
        var values: [String: String] {
            ["phone": phone ?? "", "slot": slot ?? "", "powiat": powiat ?? "", "locality": locality ?? "", "postal_code": postal_code ?? "",
             "who": who ?? "", "topic": topic ?? "", "name": name ?? ""]
        }
    }

    func book(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        let t = req.catalogue
        var form = FormState(values: input.values)
        if !(input.website ?? "").isEmpty {
            return .html(CallbackPage.render(try await model(req, form: FormState(values: ["who": "seeker", "topic": "other"]),
                                                             booked: (ContactMessage.caseNumber(UUID()), "", t.text("faq.national"))), req.pageContext))
        }
        guard try await RateLimiter(db: req.db).hit("callback:" + (req.clientAddress), limit: IntakePolicy.formsPerHour,
                                                    window: 3_600) else {
            form.errors.append(("phone", t.text("contact.too_many")))
            return .html(CallbackPage.render(try await model(req, form: form), req.pageContext), status: .tooManyRequests)
        }
        switch try await Self.intake(input, req) {
        case .refused(let errors):
            form.errors = errors
            return .html(CallbackPage.render(try await model(req, form: form), req.pageContext), status: .badRequest)
        case .booked(let caseNumber, let slot, let office):
            return .html(CallbackPage.render(try await model(req, form: FormState(values: ["who": "seeker", "topic": "other"]),
                                                             booked: (caseNumber, slot, office.name)), req.pageContext))
        }
    }

    enum Intake { case refused([(field: String, message: String)]), booked(caseNumber: String, slot: String, office: Office) }

    /// The checks and the booking they make (with its SMS confirmation, in one transaction),
    /// from the form or the app.
    static func intake(_ input: Input, _ req: Request) async throws -> Intake {
        let t = req.catalogue
        var form = FormState()
        func identifier<T>(_ field: String, _ label: String, _ make: () throws -> T) -> T? {
            do { return try make() } catch let e as IdentifierError {
                form.errors.append((field, t.text("form.invalid_field", ["field": label, "reason": t.text(e.catalogueKey, e.arguments)]))); return nil
            } catch { return nil }
        }
        let phone = identifier("phone", t.text("callback.phone")) { try PhoneNumber(input.phone ?? "") }
        let postal = identifier("postal_code", t.text("faq.search.postal_code")) { try PostalCode(input.postal_code ?? "") }
        let now = try await ServerClock.now(req.db)
        // Only an hour still offered: in opening hours, not a holiday, not already past.
        let slot = Self.slots(req, now: now).first { $0.value == input.slot }
        if slot == nil { form.errors.append(("slot", t.text("callback.slot_invalid"))) }
        let powiatCode = (input.powiat ?? "").trimmingCharacters(in: .whitespaces)
        let office = powiatCode.isEmpty ? nil : try await req.directory.servingOffice(powiat: powiatCode)
        if office == nil { form.errors.append(("powiat", t.text("contact.powiat_required"))) }
        let locality = (input.locality ?? "").trimmingCharacters(in: .whitespaces)
        if locality.isEmpty || locality.count > 100 { form.errors.append(("locality", t.text("callback.locality_required"))) }
        let who = ["seeker", "employer"].contains(input.who ?? "") ? input.who! : nil
        if who == nil { form.errors.append(("who", t.text("search.error.choice"))) }
        let topic = ContactTopic(rawValue: input.topic ?? "")
        if topic == nil { form.errors.append(("topic", t.text("desktop.topic_unknown"))) }
        let name = (input.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.count > ContactMessage.maximumName { form.errors.append(("name", t.text("offer.error.too_long", ["max": "\(ContactMessage.maximumName)"]))) }
        guard form.errors.isEmpty, let phone, let postal, let slot, let office, let who, let topic else { return .refused(form.errors) }
        let clients = try await ClientStore(db: req.db).find(contact: "phone", value: phone.value)
        let interaction = Interaction(channel: .callback, clientID: clients.count == 1 ? clients[0].id : nil, language: req.language.rawValue,
                                      topic: topic.rawValue, officeID: office.id, voivodeshipCode: office.voivodeshipCode, queuedAt: slot.date,
                                      priority: IntakePolicy.bookedPriority)
        let caseNumber = ContactMessage.caseNumber(interaction.id)
        let context = ContactContext(postalCode: postal, powiat: powiatCode, locality: locality, phone: phone.value, name: name.isEmpty ? nil : name,
                                     caseNumber: caseNumber, slot: slot.label, who: who, attempt: 1)
        // The confirmation by SMS goes with the booking, or neither does (a number that said STOP gets none).
        let confirmation = SMSMessage(phone: phone.value, body: SMSTexts.callback(case: caseNumber, when: slot.label, language: req.language),
                                      kind: "callback_confirmation", clientID: interaction.clientID, interactionID: interaction.id, sendAt: now)
        let frozen = context
        try await req.db.transaction { tx in
            try await ContactCenterStore(db: tx).enqueue(interaction, context: frozen, now: now)
            try await SMSStore(db: tx).enqueue(confirmation, now: now)
        }
        return .booked(caseNumber: caseNumber, slot: slot.label, office: office)
    }
}
