import Vapor
import Views
import Directory
import Identity
import ContactCenter
import Storage

/// `/video`: a video consultation in Polish Sign Language. The booking is a `video` contact in
/// the sign-language skill ("pjm"), queued for the chosen hour for the powiat's office, so only
/// consultants who sign are offered it; the meeting link (from `VIDEO_MEETING_URL`) goes out by
/// e-mail with the confirmation, in the same transaction.
struct VideoBookingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("video", use: page)
        routes.post("video", use: book)
    }

    func model(_ req: Request, form: FormState, booked: (caseNumber: String, when: String)? = nil) async throws -> VideoPage.Model {
        let contact = try await ContactFormController.model(req, form: form)
        return VideoPage.Model(form: form, powiats: contact.powiats, slots: CallbackController.slots(req, now: Date()).map { ($0.value, $0.label) },
                               booked: booked)
    }

    func page(req: Request) async throws -> Response {
        .html(VideoPage.render(try await model(req, form: FormState()), req.pageContext))
    }

    struct Input: Content { var slot: String?; var email: String?; var phone: String?; var powiat: String?; var website: String? }

    /// The meeting address for a booking: the configured pattern with a room nobody can guess.
    static func meetingLink(_ pattern: String) -> String {
        pattern.replacingOccurrences(of: "{room}", with: "zl-" + Secrets.randomToken().prefix(20).lowercased())
    }

    func book(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        let t = req.catalogue
        var form = FormState(values: ["slot": input.slot ?? "", "email": input.email ?? "", "phone": input.phone ?? "", "powiat": input.powiat ?? ""])
        if !(input.website ?? "").isEmpty {
            return .html(VideoPage.render(try await model(req, form: FormState(), booked: (ContactMessage.caseNumber(UUID()), "")), req.pageContext))
        }
        guard try await RateLimiter(db: req.db).hit("video:" + (req.clientAddress), limit: IntakePolicy.formsPerHour,
                                                    window: 3_600) else {
            form.errors.append(("slot", t.text("contact.too_many")))
            return .html(VideoPage.render(try await model(req, form: form), req.pageContext), status: .tooManyRequests)
        }
        let now = try await ServerClock.now(req.db)
        let slot = CallbackController.slots(req, now: now).first { $0.value == input.slot }
        if slot == nil { form.errors.append(("slot", t.text("callback.slot_invalid"))) }
        let email = EmailAddress.checked(input.email ?? "")
        if case .failure(let e) = email {
            form.errors.append(("email", t.text("form.invalid_field", ["field": t.text("form.email"), "reason": t.text(e.catalogueKey, e.arguments)])))
        }
        var phone: String? = nil
        if let raw = input.phone, !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            if let p = try? PhoneNumber(raw) { phone = p.value } else { form.errors.append(("phone", t.text("video.phone_invalid"))) }
        }
        let powiatCode = (input.powiat ?? "").trimmingCharacters(in: .whitespaces)
        let office = powiatCode.isEmpty ? nil : try await req.directory.servingOffice(powiat: powiatCode)
        if office == nil { form.errors.append(("powiat", t.text("contact.powiat_required"))) }
        guard form.errors.isEmpty, let slot, case .success(let address) = email, let office else {
            return .html(VideoPage.render(try await model(req, form: form), req.pageContext), status: .badRequest)
        }
        let interaction = Interaction(channel: .video, language: IntakePolicy.signLanguage, topic: ContactTopic.other.rawValue, officeID: office.id,
                                      voivodeshipCode: office.voivodeshipCode, queuedAt: slot.date, priority: IntakePolicy.bookedPriority)
        let caseNumber = ContactMessage.caseNumber(interaction.id)
        let link = Self.meetingLink(req.services.config.videoMeetingURL)
        let context = ContactContext(powiat: powiatCode, email: address.value, phone: phone, caseNumber: caseNumber, slot: slot.label, meeting: link)
        let mail = MailComposer(publicURL: req.services.config.publicURL)
            .compose(to: address.value, kind: "video_booking", language: req.language, subjectKey: "mail.video.subject",
                     paragraphs: ["mail.video.body"], link: link, args: ["case": caseNumber, "when": slot.label])
        let frozen = context
        try await req.db.transaction { tx in
            try await ContactCenterStore(db: tx).enqueue(interaction, context: frozen, now: now)
            try await Outbox(db: tx).enqueue(mail)
        }
        return .html(VideoPage.render(try await model(req, form: FormState(), booked: (caseNumber, slot.label)), req.pageContext))
    }
}
