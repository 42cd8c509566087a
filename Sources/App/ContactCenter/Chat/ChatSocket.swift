import Vapor
import ContactCenter
import Storage
import Localization
import Views

/// The visitor's live connection `/chat/ws`: the server sends the chat's state (`ChatConversation`)
/// whenever it changes and, while waiting, every few seconds (the place in the line moves);
/// the visitor sends `{"type":"say","text":…}` and `{"type":"typing"}`. Only pages of this
/// site may open it, and only for the chat of the browser's own cookie.
extension ChatController {
    struct Incoming: Decodable { let type: String; let text: String? }
    struct Outgoing: Encodable { let type: String; var text: String? = nil }

    @Sendable func socket(req: Request) async throws -> Response {
        if let origin = req.headers.first(name: .origin), !OriginPolicy.isSameSite(origin: origin, publicURL: req.services.config.publicURL) {
            throw Abort(.forbidden)
        }
        guard let chat = try await Self.current(req) else { throw Abort(.notFound) }
        let app = req.application, logger = req.logger, language = req.language
        return req.webSocket { _, ws in
            let link = ChatLink(ws: ws, service: ChatService(app: app, logger: logger), id: chat.interactionID, language: language)
            app.desktopEvents.addVisitor(chat: chat.interactionID.uuidString, ws, onEvent: { message in
                Task { await link.heard(message) }
            }, onGone: {
                Task { await link.gone() }
            })
            ws.onText { _, text in await link.received(text) }
            await link.present()
            let ticker = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(5))
                    if Task.isCancelled { break }
                    await link.whileWaiting()
                }
            }
            ws.onClose.whenComplete { _ in ticker.cancel() }
        }
    }
}

/// One visitor socket: sends states, passes on what the visitor says and types.
actor ChatLink {
    let ws: WebSocket
    let service: ChatService
    let id: UUID
    let language: Language
    private var phase: ChatPhase? = nil
    private var lastSent: ChatConversation? = nil
    private var lastTyping = Date.distantPast

    init(ws: WebSocket, service: ChatService, id: UUID, language: Language) {
        self.ws = ws; self.service = service; self.id = id; self.language = language
    }

    private func record() async -> ChatRecord? { try? await ChatStore(db: service.db).find(interaction: id) }

    private func send(_ value: some Encodable) async {
        guard let data = try? JSONEncoder().encode(value) else { return }
        try? await ws.send(String(decoding: data, as: UTF8.self))
    }

    /// The page is (back) here: the chat is not given up, and it gets the state at once.
    func present() async {
        try? await ChatStore(db: service.db).setLeft(id, at: nil)
        await sendState(force: true)
    }

    func gone() async {
        guard let now = try? await ServerClock.now(service.db) else { return }
        try? await ChatStore(db: service.db).setLeft(id, at: now)
    }

    func sendState(force: Bool = false) async {
        guard let chat = await record(), let view = try? await service.view(chat, forVisitor: true, language: language) else { return }
        phase = ChatPhase(rawValue: view.phase)
        if !force && view == lastSent { return }
        lastSent = view
        await send(view)
    }

    /// While waiting: the place in the line, and the page still counts as here (a reload
    /// may have marked it gone after the new socket said it was back).
    func whileWaiting() async {
        guard phase == .waiting, !ws.isClosed else { return }
        if let chat = await record(), chat.leftAt != nil { try? await ChatStore(db: service.db).setLeft(id, at: nil) }
        await sendState()
    }

    func heard(_ message: DesktopMessage) async {
        if message.kind == "typing" {
            if message.by == "agent" { await send(ChatController.Outgoing(type: "typing", text: Catalogues.bundled[language].text("chat.agent_typing"))) }
            return
        }
        await sendState()
    }

    func received(_ text: String) async {
        guard let m = try? JSONDecoder().decode(ChatController.Incoming.self, from: Data(text.utf8)), let chat = await record() else { return }
        switch m.type {
        case "say":
            do { try await service.visitorSays(chat, text: m.text ?? "") } catch let e as ChatError {
                await send(ChatController.Outgoing(type: "error", text: Catalogues.bundled[language].text(e.key, ["max": "\(ChatLine.maximumText)"])))
            } catch {
                await send(ChatController.Outgoing(type: "error", text: Catalogues.bundled[language].text("chat.error_failed")))
            }
        case "typing":
            // Once every two seconds is enough to keep "typing…" shown.
            guard Date().timeIntervalSince(lastTyping) >= 2 else { return }
            lastTyping = Date()
            await service.visitorTyping(chat)
        default: break
        }
    }
}
