import Vapor
import Views
import ContactCenter
import Storage
import Clients

/// The consultant's side of live chats: the conversation in the screen pop and on the desktop
/// (several at once), lines sent with a form (or by the chat script, as JSON), typing told to
/// the visitor.
extension DesktopController {
    func chatHeld(_ req: Request, _ member: StaffMember) async throws -> (Interaction, ChatRecord) {
        guard let (i, _) = try await ContactCenterStore(db: req.db).find(try interactionID(req)), i.channel == .chat,
              let chat = try await ChatStore(db: req.db).find(interaction: i.id) else { throw DesktopError.notFound }
        guard i.agentID == member.id.uuidString else { throw DesktopError.notYours }
        return (i, chat)
    }

    static func json(_ value: some Encodable, status: HTTPStatus = .ok) -> Response {
        let res = Response(status: status, body: .init(data: (try? JSONEncoder().encode(value)) ?? Data()))
        res.headers.contentType = .json
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }

    static func wantsJSON(_ req: Request) -> Bool { req.headers.accept.mediaTypes.contains(.json) }

    /// The chat boxes of the contacts this consultant is talking in (their desktop).
    func chatBoxes(_ req: Request, agent: String) async throws -> [DesktopPage.Chat] {
        var boxes: [DesktopPage.Chat] = []
        for i in try await ContactCenterStore(db: req.db).held(by: agent) where i.channel == .chat && i.state == .connected {
            guard let chat = try await ChatStore(db: req.db).find(interaction: i.id) else { continue }
            boxes.append(.init(id: i.id.uuidString, title: try await ContactFacts.title(i, req),
                               conversation: try await ChatService(req).view(chat, forVisitor: false, language: req.language)))
        }
        return boxes
    }

    @Sendable func chatState(req: Request, member: StaffMember) async throws -> Response {
        let (_, chat) = try await chatHeld(req, member)
        return Self.json(try await ChatService(req).view(chat, forVisitor: false, language: req.language))
    }

    struct SayInput: Content { var text: String? }

    @Sendable func chatSay(req: Request, member: StaffMember) async throws -> Response {
        let (i, chat) = try await chatHeld(req, member)
        let text = try req.content.decode(SayInput.self).text ?? ""
        let json = Self.wantsJSON(req)
        do {
            try await ChatService(req).agentSays(i.id, agent: member.id.uuidString, text: text)
        } catch let e as ChatError {
            let message = req.catalogue.text(e.key, ["max": "\(ChatLine.maximumText)"])
            if json { return Self.json(["error": message], status: e.status) }
            return try await interactionPage(req, member, form: FormState(values: ["text": text], errors: [("text", message)]), notice: nil, status: e.status)
        } catch let e as DesktopError {
            if json { return Self.json(["error": req.catalogue.text(e.key)], status: e.status) }
            throw e
        }
        if json { return Self.json(try await ChatService(req).view(chat, forVisitor: false, language: req.language)) }
        return req.redirect(to: SiteRoute.desktopInteraction(i.id.uuidString).at("chat-\(i.id)-log"), redirectType: .normal)
    }

    @Sendable func chatTyping(req: Request, member: StaffMember) async throws -> Response {
        let (i, _) = try await chatHeld(req, member)
        try await ChatService(req).agentTyping(i.id, agent: member.id.uuidString)
        return Response(status: .noContent)
    }
}
