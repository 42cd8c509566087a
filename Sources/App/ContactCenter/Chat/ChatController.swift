import Vapor
import Views
import Directory
import Identity
import ContactCenter
import Storage
import Localization

/// The portal's live chat: `/chat` starts one (or shows the one in progress, its end with the
/// rating and transcript), forms say, end, rate and e-mail the transcript without a script;
/// `/chat/ws` carries the same conversation live. The visitor is known by a random token in
/// an HTTP-only cookie, so a reload or a new page resumes the same chat.
struct ChatController: RouteCollection {
    static let cookie = CookieName.chat

    func boot(routes: any RoutesBuilder) throws {
        routes.get("chat", use: page)
        routes.post("chat", use: start)
        routes.post("chat", "say", use: say)
        routes.post("chat", "end", use: end)
        routes.post("chat", "transcript", use: transcript)
        routes.post("chat", "rate", use: rate)
        routes.post("chat", "new", use: forget)
        routes.get("chat", "ws", use: socket)
    }

    /// The chat this browser holds, if it still exists.
    static func current(_ req: Request) async throws -> ChatRecord? {
        guard let token = req.cookies[cookie]?.string, !token.isEmpty else { return nil }
        return try await ChatStore(db: req.db).find(tokenHash: ChatService.publicTokenHash(token))
    }

    // MARK: the page

    func model(_ req: Request, form: FormState = FormState(), chat: ChatRecord?, notice: String? = nil) async throws -> ChatPage.Model {
        var m = ChatPage.Model()
        m.form = form; m.notice = notice
        if let chat {
            m.conversation = try await ChatService(req).view(chat, forVisitor: true, language: req.language)
            m.email = chat.email ?? ""
            m.rated = !(try await SurveyStore(db: req.db).of(interactions: [chat.interactionID]).isEmpty)
            m.caseNumber = ContactMessage.caseNumber(chat.interactionID)
        } else {
            let contact = try await ContactFormController.model(req, form: form)
            m.powiats = contact.powiats; m.topics = contact.topics
            m.languages = Language.allCases.map { ($0.rawValue, $0.nativeName) }
        }
        return m
    }

    func render(_ req: Request, _ m: ChatPage.Model, status: HTTPStatus = .ok) -> Response {
        .html(ChatPage.render(m, req.pageContext), status: status)
    }

    @Sendable func page(req: Request) async throws -> Response {
        let chat = try await Self.current(req)
        let form = FormState(values: ["language": req.language.rawValue, "topic": "other"])
        return render(req, try await model(req, form: form, chat: chat))
    }

    // MARK: starting

    struct StartInput: Content {
        var name: String?; var email: String?; var postal_code: String?; var powiat: String?; var language: String?; var topic: String?
        var message: String?; var website: String?
        var values: [String: String] {
            ["name": name ?? "", "email": email ?? "", "postal_code": postal_code ?? "", "powiat": powiat ?? "", "language": language ?? "",
             "topic": topic ?? "", "message": message ?? ""]
        }
    }

    @Sendable func start(req: Request) async throws -> Response {
        if let chat = try await Self.current(req), try await ChatService(req).view(chat, forVisitor: true, language: req.language).phase != ChatPhase.ended.rawValue {
            return req.redirect(to: SiteRoute.chat.path, redirectType: .normal)
        }
        let input = try req.content.decode(StartInput.self)
        let t = req.catalogue
        var form = FormState(values: input.values)
        // A robot filled the hidden field: it sees the chat page as if nothing happened.
        if !(input.website ?? "").isEmpty { return req.redirect(to: SiteRoute.chat.path, redirectType: .normal) }
        guard try await RateLimiter(db: req.db).hit("chat:" + (req.clientAddress), limit: IntakePolicy.chatsPerHour, window: 3_600) else {
            form.errors.append(("message", t.text("contact.too_many")))
            return render(req, try await model(req, form: form, chat: nil), status: .tooManyRequests)
        }
        switch try await Self.open(input, req) {
        case .refused(let errors):
            form.errors = errors
            return render(req, try await model(req, form: form, chat: nil), status: .badRequest)
        case .offline(let powiat, let topic):
            // After hours, or nobody who could answer is logged in: the question becomes a
            // message answered by e-mail (the contact form, filled with what was typed).
            var contact = try await ContactFormController.model(req, form: FormState(values: [
                "email": input.email ?? "", "name": input.name ?? "", "powiat": powiat, "topic": topic, "message": input.message ?? ""]))
            contact.notice = t.text("chat.offline")
            return .html(ContactPage.render(contact, req.pageContext))
        case .started(let token, _):
            let res = req.redirect(to: SiteRoute.chat.path, redirectType: .normal)
            res.cookies[Self.cookie] = HTTPCookies.Value(string: token, maxAge: 86_400, path: "/", isSecure: req.services.config.publicURL.hasPrefix("https://"),
                                                         isHTTPOnly: true, sameSite: .lax)
            return res
        }
    }

    enum Opening {
        case refused([(field: String, message: String)])
        /// Nobody can chat now (after hours, or no consultant of the language logged in).
        case offline(powiat: String, topic: String)
        /// The chat's token (whoever holds it is the visitor) and its contact.
        case started(token: String, interaction: UUID)
    }

    /// The checks and the chat they open, from the page or the app.
    static func open(_ input: StartInput, _ req: Request) async throws -> Opening {
        let t = req.catalogue
        var form = FormState()
        let name = (input.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.count > ContactMessage.maximumName { form.errors.append(("name", t.text("offer.error.too_long", ["max": "\(ContactMessage.maximumName)"]))) }
        var email: EmailAddress? = nil
        if !(input.email ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            switch EmailAddress.checked(input.email ?? "") {
            case .success(let e): email = e
            case .failure(let e):
                form.errors.append(("email", t.text("form.invalid_field", ["field": t.text("form.email"), "reason": t.text(e.catalogueKey, e.arguments)])))
            }
        }
        let office = try await Self.office(req, postal: input.postal_code ?? "", powiat: input.powiat ?? "", form: &form)
        let language = Language(rawValue: input.language ?? "")
        if language == nil { form.errors.append(("language", t.text("search.error.choice"))) }
        let topic = ContactTopic(rawValue: input.topic ?? "")
        if topic == nil { form.errors.append(("topic", t.text("desktop.topic_unknown"))) }
        var first: String? = nil
        let message = (input.message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !message.isEmpty {
            do { first = try ChatService.checked(message) } catch let e as ChatError { form.errors.append(("message", t.text(e.key, ["max": "\(ChatLine.maximumText)"]))) }
        }
        guard form.errors.isEmpty, let office, let language, let topic else { return .refused(form.errors) }
        let now = try await ServerClock.now(req.db)
        guard try await Self.someoneCanChat(req, language: language.rawValue, now: now) else { return .offline(powiat: office.powiat, topic: topic.rawValue) }
        var clientID: UUID? = nil
        if let email {
            let clients = try await ClientStore(db: req.db).find(contact: "email", value: email.value)
            if clients.count == 1 { clientID = clients[0].id }
        }
        let interaction = Interaction(channel: .chat, clientID: clientID, language: language.rawValue, topic: topic.rawValue, officeID: office.office.id,
                                      voivodeshipCode: office.office.voivodeshipCode, queuedAt: now)
        let context = ContactContext(postalCode: office.postal, powiat: office.powiat, email: email?.value, name: name.isEmpty ? nil : name,
                                     caseNumber: ContactMessage.caseNumber(interaction.id))
        let token = Secrets.randomToken()
        try await ChatStore(db: req.db).start(interaction, tokenHash: ChatService.publicTokenHash(token), name: name.isEmpty ? nil : name,
                                              email: email?.value, firstLine: first, context: context, now: now)
        await req.application.desktopEvents.publish(DesktopMessage(agents: [], kind: "queue"), on: req.db, logger: req.logger)
        return .started(token: token, interaction: interaction.id)
    }

    /// The office that answers: by postal code when one is given, else by the powiat chosen.
    static func office(_ req: Request, postal: String, powiat: String, form: inout FormState) async throws -> (office: Office, powiat: String, postal: PostalCode?)? {
        let t = req.catalogue
        let postalText = postal.trimmingCharacters(in: .whitespaces)
        if !postalText.isEmpty {
            do {
                let code = try PostalCode(postalText)
                let location = try await OfficeLocator(store: req.directory).locate(code.value)
                return (location.office, location.powiat.code, code)
            } catch let e as IdentifierError {
                form.errors.append(("postal_code", t.text("form.invalid_field", ["field": t.text("faq.search.postal_code"), "reason": t.text(e.catalogueKey, e.arguments)])))
            } catch is OfficeLocatorError {
                form.errors.append(("postal_code", t.text("form.invalid_field", ["field": t.text("faq.search.postal_code"), "reason": t.text("search.error.unknown_postal_code")])))
            }
            return nil
        }
        let code = powiat.trimmingCharacters(in: .whitespaces)
        if !code.isEmpty, let office = try await req.directory.servingOffice(powiat: code) { return (office, code, nil) }
        form.errors.append(("powiat", t.text("chat.place_required")))
        return nil
    }

    /// Open hours and a consultant logged in who chats in that language.
    static func someoneCanChat(_ req: Request, language: String, now: Date) async throws -> Bool {
        guard req.services.contactCentre.isOpen(at: now) else { return false }
        return try await ContactCenterStore(db: req.db).agents().contains {
            $0.serves(.chat, language: language)
        }
    }

    // MARK: in the chat

    /// The chat of this browser, or the page saying there is none.
    /// A refusal shows the chat again with the message at `field` (the form that was sent).
    func withChat(_ req: Request, field: String, _ body: (ChatRecord) async throws -> Response) async throws -> Response {
        guard let chat = try await Self.current(req) else { return req.redirect(to: SiteRoute.chat.path, redirectType: .normal) }
        do { return try await body(chat) } catch let e as ChatError {
            let form = FormState(values: [field: (try? req.content.get(String.self, at: field)) ?? ""],
                                 errors: [(field, req.catalogue.text(e.key, ["max": "\(ChatLine.maximumText)"]))])
            return render(req, try await model(req, form: form, chat: chat), status: e.status)
        }
    }

    @Sendable func say(req: Request) async throws -> Response {
        try await withChat(req, field: "text") { chat in
            try await ChatService(req).visitorSays(chat, text: (try? req.content.get(String.self, at: "text")) ?? "")
            return req.redirect(to: SiteRoute.chat.at("chat-log"), redirectType: .normal)
        }
    }

    @Sendable func end(req: Request) async throws -> Response {
        try await withChat(req, field: "text") { chat in
            try await ChatService(req).visitorEnds(chat)
            return req.redirect(to: SiteRoute.chat.path, redirectType: .normal)
        }
    }

    @Sendable func transcript(req: Request) async throws -> Response {
        try await withChat(req, field: "email") { chat in
            let raw = (try? req.content.get(String.self, at: "email")) ?? ""
            let t = req.catalogue
            switch EmailAddress.checked(raw) {
            case .failure(let e):
                let form = FormState(values: ["email": raw], errors: [("email", t.text("form.invalid_field", ["field": t.text("form.email"),
                                                                                                          "reason": t.text(e.catalogueKey, e.arguments)]))])
                var m = try await model(req, form: form, chat: chat)
                m.email = raw
                return render(req, m, status: .badRequest)
            case .success(let email):
                try await ChatService(req).sendTranscript(chat, to: email.value, language: req.language)
                return render(req, try await model(req, chat: chat, notice: t.text("chat.transcript_sent", ["email": email.value])))
            }
        }
    }

    @Sendable func rate(req: Request) async throws -> Response {
        try await withChat(req, field: "rating") { chat in
            let t = req.catalogue
            let rating = Int((try? req.content.get(String.self, at: "rating")) ?? "") ?? 0
            let comment = ((try? req.content.get(String.self, at: "comment")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            var errors: [(String, String)] = []
            if !(1...5).contains(rating) { errors.append(("rating", t.text("survey.rating_required"))) }
            if comment.count > ContactMessage.maximumText { errors.append(("comment", t.text("desktop.note_too_long", ["max": "\(ContactMessage.maximumText)"]))) }
            guard errors.isEmpty else {
                return render(req, try await model(req, form: FormState(values: ["comment": comment], errors: errors), chat: chat), status: .badRequest)
            }
            try await ChatService(req).rate(chat, rating: rating, comment: comment.isEmpty ? nil : comment, language: req.language)
            return render(req, try await model(req, chat: chat, notice: t.text("survey.thanks")))
        }
    }

    /// Leaves the chat behind (after it ended) to start a new one.
    @Sendable func forget(req: Request) async throws -> Response {
        let res = req.redirect(to: SiteRoute.chat.path, redirectType: .normal)
        res.cookies[Self.cookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
                                                     isSecure: req.services.config.publicURL.hasPrefix("https://"), isHTTPOnly: true, sameSite: .lax)
        return res
    }
}
