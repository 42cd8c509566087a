import Vapor
import Privacy
import Identity
import Views
import Storage
import Localization

/// The newsletter for visitors: `/newsletter` subscribes (the same answer whether or not the
/// address was known; a confirmation link by e-mail), `/newsletter/confirm` opens the link,
/// `/newsletter/unsubscribe` (signed, from every edition) stops it with one click.
struct NewsletterController: RouteCollection {
    /// Subscription requests per client address per hour.
    static let hourlyLimit = 5

    func boot(routes: any RoutesBuilder) throws {
        routes.get("newsletter", use: page)
        routes.post("newsletter", use: subscribe)
        routes.get("newsletter", "confirm", use: confirm)
        routes.get("newsletter", "unsubscribe", use: unsubscribe)
    }

    func render(_ req: Request, _ m: NewsletterPage.Model, status: HTTPStatus = .ok) -> Response {
        var m = m
        m.consent = ConsentPrompt(.newsletter)
        return .html(NewsletterPage.render(m, req.pageContext), status: status)
    }

    func languages() -> [(value: String, label: String)] { Language.allCases.map { ($0.rawValue, $0.nativeName) } }

    @Sendable func page(req: Request) async throws -> Response {
        render(req, .init(form: FormState(values: ["language": req.language.rawValue]), languages: languages()))
    }

    struct Input: Content { var email: String?; var language: String?; var website: String? }

    @Sendable func subscribe(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        let t = req.catalogue
        var form = FormState(values: ["email": input.email ?? "", "language": input.language ?? ""])
        let done = NewsletterPage.Model(form: FormState(), languages: languages(), state: .requested)
        if !(input.website ?? "").isEmpty { return render(req, done) }
        guard try await RateLimiter(db: req.db).hit("newsletter:" + (req.clientAddress), limit: Self.hourlyLimit, window: 3_600) else {
            form.errors.append(("email", t.text("contact.too_many")))
            return render(req, .init(form: form, languages: languages()), status: .tooManyRequests)
        }
        let email = EmailAddress.checked(input.email ?? "")
        if case .failure(let e) = email {
            form.errors.append(("email", t.text("form.invalid_field", ["field": t.text("form.email"), "reason": t.text(e.catalogueKey, e.arguments)])))
        }
        let language = Language(rawValue: input.language ?? "")
        if language == nil { form.errors.append(("language", t.text("search.error.choice"))) }
        guard form.errors.isEmpty, case .success(let address) = email, let language else {
            return render(req, .init(form: form, languages: languages()), status: .badRequest)
        }
        let token = Secrets.randomToken()
        let now = Date()
        let mail = NewsletterMail(publicURL: req.services.config.publicURL, key: req.services.secrets.newsletterKey)
            .confirmation(to: address.value, token: token, language: language)
        try await req.db.transaction { tx in
            if try await NewsletterStore(db: tx).request(email: address.value, language: language.rawValue, confirmHash: Secrets.sha256Hex(token), now: now) {
                try await Outbox(db: tx).enqueue(mail)
            }
        }
        return render(req, done)
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        guard !token.isEmpty, try await NewsletterStore(db: req.db).confirm(hash: Secrets.sha256Hex(token), now: Date()) != nil else {
            return render(req, .init(form: FormState(values: ["language": req.language.rawValue]), languages: languages(), state: .badLink), status: .notFound)
        }
        return render(req, .init(form: FormState(), languages: languages(), state: .confirmed))
    }

    @Sendable func unsubscribe(req: Request) async throws -> Response {
        let id = (try? req.query.get(String.self, at: "id")).flatMap(UUID.init(uuidString:))
        let sig = (try? req.query.get(String.self, at: "sig")) ?? ""
        guard let id, SignedLink.checked(SignedLink.newsletterUnsubscribe, req.services.secrets, \.newsletterKey).isValid(id, signature: sig),
              try await NewsletterStore(db: req.db).find(id: id) != nil else {
            return render(req, .init(form: FormState(values: ["language": req.language.rawValue]), languages: languages(), state: .badLink), status: .notFound)
        }
        try await NewsletterStore(db: req.db).unsubscribe(id, now: Date())
        return render(req, .init(form: FormState(), languages: languages(), state: .unsubscribed))
    }
}
