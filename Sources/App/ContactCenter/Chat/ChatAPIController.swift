import Vapor
import Views
import ContactCenter
import Storage
import Localization

/// The live chat for the Moja Praca app: started as the signed-in seeker (their name and
/// address), then read, written to and ended with the chat's own token in `X-Chat-Token` — the
/// app's counterpart of the page's cookie. The same checks, routing and limits as the page
/// (per account instead of per address); when nobody can chat (after hours, no consultant of the
/// language) the answer says so and the app offers the contact form. Scope `contact`.
struct ChatAPIController: RouteCollection {
    static let tokenHeader = "X-Chat-Token"

    func boot(routes: any RoutesBuilder) throws {
        routes.post(SiteRoute.apiChats.pathComponents, use: start)
        routes.get(SiteRoute.apiChatCurrent.pathComponents, use: show)
        routes.post(SiteRoute.apiChatLines.pathComponents, use: say)
        routes.post(SiteRoute.apiChatEnd.pathComponents, use: end)
    }

    struct StartInput: Content { var topic: String?; var language: String?; var powiat: String?; var postal_code: String?; var message: String? }

    struct LineJSON: Content { let id: Int; let author: String; let who: String; let text: String; let time: String }
    struct ChatJSON: Content {
        let case_number: String
        /// waiting, talking or ended.
        let phase: String
        let status: String
        let lines: [LineJSON]
        /// Only when the chat starts: what `X-Chat-Token` carries from then on.
        var token: String? = nil
    }

    func json(_ chat: ChatRecord, _ req: Request) async throws -> ChatJSON {
        let c = try await ChatService(req).view(chat, forVisitor: true, language: req.language)
        return ChatJSON(case_number: ContactMessage.caseNumber(chat.interactionID), phase: c.phase, status: c.status,
                        lines: c.lines.map { LineJSON(id: $0.id, author: $0.author, who: $0.who, text: $0.text, time: $0.time) })
    }

    @Sendable func start(req: Request) async throws -> Response {
        let account = try await req.apiSeeker(.contact)
        let t = req.catalogue, input = try req.content.decode(StartInput.self)
        guard try await RateLimiter(db: req.db).hit("chat:account:" + account.id.uuidString.lowercased(), limit: IntakePolicy.chatsPerHour,
                                                    window: 3_600) else {
            throw Abort(.tooManyRequests, reason: t.text("contact.too_many"))
        }
        let profile = try await AccountStore(db: req.db).profile(account.id)
        let name = profile?.fullName ?? ""
        let opening = try await ChatController.open(.init(name: name, email: account.email, postal_code: input.postal_code, powiat: input.powiat,
                                                          language: input.language ?? req.language.rawValue, topic: input.topic, message: input.message), req)
        switch opening {
        case .refused(let errors): try Problem.check(errors, req); throw Abort(.badRequest)
        case .offline: throw Abort(.conflict, reason: t.text("chat.offline"))
        case .started(let token, _):
            guard let chat = try await ChatStore(db: req.db).find(tokenHash: ChatService.publicTokenHash(token)) else { throw Abort(.notFound) }
            var body = try await json(chat, req)
            body.token = token
            let res = Response(status: .created)
            try res.content.encode(body)
            res.headers.cacheControl = .init(noStore: true)
            return res
        }
    }

    /// The chat the token opens; none: 404 in the user's language.
    func held(_ req: Request) async throws -> ChatRecord {
        _ = try await req.apiSeeker(.contact)
        guard let token = req.headers.first(name: Self.tokenHeader), !token.isEmpty,
              let chat = try await ChatStore(db: req.db).find(tokenHash: ChatService.publicTokenHash(token)) else {
            throw Abort(.notFound, reason: req.catalogue.text("chat.error_none"))
        }
        return chat
    }

    /// A refusal of the chat as problem details with its own status.
    func refusing<T>(_ req: Request, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let e as ChatError {
            throw Abort(e.status, reason: req.catalogue.text(e.key, ["max": "\(ChatLine.maximumText)"]))
        }
    }

    @Sendable func show(req: Request) async throws -> ChatJSON { try await json(try await held(req), req) }

    struct SayInput: Content { var text: String? }

    @Sendable func say(req: Request) async throws -> Response {
        let chat = try await held(req)
        let text = try req.content.decode(SayInput.self).text ?? ""
        try await refusing(req) { try await ChatService(req).visitorSays(chat, text: text) }
        let res = Response(status: .created)
        try res.content.encode(try await json(chat, req))
        return res
    }

    @Sendable func end(req: Request) async throws -> ChatJSON {
        let chat = try await held(req)
        try await refusing(req) { try await ChatService(req).visitorEnds(chat) }
        // Read again: the record now says the visitor ended it.
        return try await json(try await held(req), req)
    }
}
