import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import ContactCenter
import Portal
import Directory
import Knowledge

/// Live chat on a real listening server: a visitor's chat is routed to a consultant, both sides
/// talk over their sockets (typing shown), markup stays text; the visitor resumes after a
/// reload, gets the transcript by e-mail and rates the chat at its end; a chat with nobody to
/// answer becomes a message; a page gone for good gives the waiting chat up.
@Suite(.serialized) struct ChatTests {
    /// The contact centre open (or closed) around the clock, whatever day the suite runs on.
    static func hours(_ app: Application, open: Bool) {
        let days = open ? Dictionary(uniqueKeysWithValues: (1...7).map { ($0, [WeeklyHours.Interval(open: 0, close: 1_440)]) }) : [:]
        app.reconfigure(contactCentre: BusinessCalendar(hours: WeeklyHours(days: days), closedOnHolidays: false))
    }

    /// `asPublicURL`: the server is also PUBLIC_URL, as WebSocket clients' Origin must be.
    static func listen(_ app: Application, asPublicURL: Bool = false) async throws -> Int {
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        try await app.server.start(address: nil)
        let port = try #require(app.http.server.shared.localAddress?.port)
        if asPublicURL { app.services.config.publicURL = "http://127.0.0.1:\(port)" }
        return port
    }

    static let start = ["name": "Anna", "email": "anna@example.org", "postal_code": "15-371", "powiat": "", "language": "pl",
                        "topic": "registration", "message": "Dzień dobry, jak się zarejestrować?"]

    static func chat(_ app: Application) async throws -> Interaction {
        try #require(try await ContactCenterStore(db: app.db).open().first { $0.channel == .chat })
    }

    static func mails(_ app: Application, kind: String) async throws -> [String] {
        try await (app.db as! any SQLDatabase).raw("SELECT text_body FROM outbox WHERE kind = \(bind: kind)").all()
            .map { try $0.decode(column: "text_body", as: String.self) }
    }

    @Test func aChatIsRoutedAndBothSidesTalkLiveUntilItEndsWithARatingAndATranscript() async throws {
        try await withTestApp { app in
            Self.hours(app, open: true)
            let port = try await Self.listen(app, asPublicURL: true)
            defer { Task { await app.server.shutdown() } }
            let (staff, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            let visitor = FormClient(app)

            // Neither postal code nor powiat; a language nobody offers.
            var bad = Self.start
            bad["postal_code"] = ""; bad["language"] = "xx"
            let refused = try await visitor.post("/chat?lang=en", bad, csrfFrom: "/chat")
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("Powiat: give your postal code or choose a powiat"))
            #expect(try await ContactCenterStore(db: app.db).open().isEmpty)

            let started = try await visitor.post("/chat?lang=pl", Self.start, csrfFrom: "/chat")
            #expect(started.status == .seeOther && visitor.cookies[ChatController.cookie] != nil)
            let waiting = try await visitor.get("/chat").body.string
            #expect(waiting.contains("Twoje miejsce w kolejce: 1") && waiting.contains("jak się zarejestrować?"))
            let chat = try await Self.chat(app)
            #expect(chat.officeID == "pup-2002" && chat.language == "pl" && chat.topic == "registration")
            // Another page of the portal carries the chat too.
            #expect(try await visitor.get("/offers").body.string.contains("data-chat=\"chat-widget\""))

            #expect(await LiveSocketTests.refused(port, cookies: [:], path: "/chat/ws"), "no chat, no socket")
            #expect(await LiveSocketTests.refused(port, cookies: visitor.cookieHeader, origin: "https://evil.example", path: "/chat/ws"))
            let (ws, page) = try await LiveSocketTests.connect(port, cookies: visitor.cookieHeader, path: "/chat/ws")
            #expect(await page.wait(for: "Twoje miejsce w kolejce: 1"))
            let (_, desktop) = try await LiveSocketTests.connect(port, cookies: desk.cookieHeader)

            #expect(try await DesktopTests.route(app).agents == [staff.id.uuidString])
            #expect(try await desk.post("/desktop/offers/\(chat.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            #expect(await page.wait(for: "Rozmawiasz z konsultantem"))

            // The consultant answers from the desktop (as the script does: JSON back).
            let token = try await desk.csrfToken(from: "/desktop/interactions/\(chat.id)")
            var said: TestingHTTPResponse?
            try await app.testing().test(.POST, "/desktop/interactions/\(chat.id)/chat", beforeRequest: { req in
                req.headers = desk.cookieHeader
                req.headers.replaceOrAdd(name: .accept, value: "application/json")
                try req.content.encode(["text": "Dzień dobry, w czym mogę pomóc?", "_csrf": token], as: .urlEncodedForm)
            }, afterResponse: { said = $0 })
            #expect(said?.status == .ok && said?.body.string.contains("\"phase\":\"talking\"") == true)
            #expect(await page.wait(for: "w czym mogę pomóc?"))

            // Typing both ways; markup from the visitor stays text on the desktop.
            #expect(try await desk.post("/desktop/interactions/\(chat.id)/typing", [:], csrfFrom: "/desktop/interactions/\(chat.id)").status == .noContent)
            #expect(await page.wait(for: "\"typing\""))
            try await ws.send(#"{"type":"typing"}"#)
            #expect(await desktop.wait(for: "\"by\":\"visitor\""))
            try await ws.send(#"{"type":"say","text":"<script>alert(1)</script> Chcę się zarejestrować"}"#)
            #expect(await desktop.wait(for: "\"kind\":\"chat\""))
            // The desktop heard of chat lines before (its own): the screen pop is read until the line is there.
            var pop = ""
            for _ in 0..<50 where !pop.contains("Chcę się zarejestrować") {
                pop = try await desk.get("/desktop/interactions/\(chat.id)").body.string
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(pop.contains("&lt;script&gt;alert(1)&lt;/script&gt; Chcę się zarejestrować") && !pop.contains("<script>alert(1)"))
            try await ws.send(#"{"type":"say","text":"   "}"#)
            #expect(await page.wait(for: "Wiadomość: wpisz treść"))

            // An answer from the knowledge base goes into the chat.
            let entry = try await KnowledgeBaseStore(db: app.db).create(
                KBDraft(category: .registration, officeID: nil, title: "Jak się zarejestrować", body: "Przyjdź do urzędu z dowodem osobistym."),
                status: .published, by: staff.id, analyzer: app.services.analyzer)
            #expect(try await desk.post("/desktop/interactions/\(chat.id)/articles", ["entry": entry.uuidString],
                                        csrfFrom: "/desktop/interactions/\(chat.id)").status == .seeOther)
            #expect(await page.wait(for: "Jak się zarejestrować: http"))

            // The desktop shows the chat among the consultant's chats.
            #expect(try await desk.get("/desktop").body.string.contains("data-chat=\"chat-\(chat.id.uuidString)\""))

            // The consultant ends it; the visitor sees the end and can no longer write.
            #expect(try await desk.post("/desktop/interactions/\(chat.id)/end", [:], csrfFrom: "/desktop/interactions/\(chat.id)").status == .seeOther)
            #expect(await page.wait(for: "Rozmowa zakończona"))
            let late = try await visitor.post("/chat/say?lang=en", ["text": "Jeszcze jedno"], csrfFrom: "/chat")
            #expect(late.status == .conflict && late.body.string.contains("This chat has already ended"))

            // The transcript, up to three times; a fourth is refused.
            for _ in 1...ChatService.transcriptLimit {
                #expect(try await visitor.post("/chat/transcript?lang=pl", ["email": "anna@example.org"], csrfFrom: "/chat").status == .ok)
            }
            #expect(try await visitor.post("/chat/transcript", ["email": "anna@example.org"], csrfFrom: "/chat").status == .tooManyRequests)
            #expect(try await visitor.post("/chat/transcript", ["email": "not an address"], csrfFrom: "/chat").status == .badRequest)
            let transcript = try #require(try await Self.mails(app, kind: "chat_transcript").first)
            #expect(transcript.contains("Dzień dobry, jak się zarejestrować?") && transcript.contains("w czym mogę pomóc?")
                    && transcript.contains("<script>alert(1)</script>") && transcript.contains("Konsultant zakończył czat."))

            // Rated once, in the chat; closing sends no e-mailed survey on top.
            #expect(try await visitor.post("/chat/rate", ["rating": "9"], csrfFrom: "/chat").status == .badRequest)
            #expect(try await visitor.post("/chat/rate", ["rating": "5", "comment": "Szybko i konkretnie"], csrfFrom: "/chat").status == .ok)
            #expect(try await visitor.post("/chat/rate", ["rating": "1"], csrfFrom: "/chat").status == .conflict)
            let survey = try #require(try await SurveyStore(db: app.db).of(interactions: [chat.id])[chat.id])
            #expect(survey.rating == 5 && survey.comment == "Szybko i konkretnie")
            #expect(try await desk.post("/desktop/interactions/\(chat.id)/close", ["outcome": "information_given"],
                                        csrfFrom: "/desktop/interactions/\(chat.id)").status == .seeOther)
            #expect(try await Self.mails(app, kind: "survey").isEmpty)

            // A new chat after this one.
            #expect(try await visitor.post("/chat/new", [:], csrfFrom: "/chat").status == .seeOther)
            #expect(try await visitor.get("/chat").body.string.contains("name=\"postal_code\""))
            try? await ws.close()
        }
    }

    @Test func aConsultantHoldsSeveralChatsAndAReloadResumesTheSameOne() async throws {
        try await withTestApp { app in
            Self.hours(app, open: true)
            let port = try await Self.listen(app, asPublicURL: true)
            defer { Task { await app.server.shutdown() } }
            let (staff, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            var visitors: [FormClient] = []
            for n in 0..<3 {
                let v = FormClient(app)
                var form = Self.start
                form["message"] = "Pytanie numer \(n)"
                #expect(try await v.post("/chat", form, csrfFrom: "/chat").status == .seeOther)
                visitors.append(v)
            }
            // The third waits behind the other two.
            #expect(try await visitors[2].get("/chat?lang=en").body.string.contains("Your place in the queue: 3"))
            #expect(try await DesktopTests.route(app).offered == 3, "three chats at once for one consultant")
            for i in try await ContactCenterStore(db: app.db).held(by: staff.id.uuidString) {
                #expect(try await desk.post("/desktop/offers/\(i.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            }
            let board = try await desk.get("/desktop").body.string
            #expect((0..<3).allSatisfy { board.contains("Pytanie numer \($0)") })

            // A reload: the old socket goes, a new one gets the same conversation.
            let (first, _) = try await LiveSocketTests.connect(port, cookies: visitors[0].cookieHeader, path: "/chat/ws")
            try await first.close()
            let (_, again) = try await LiveSocketTests.connect(port, cookies: visitors[0].cookieHeader, path: "/chat/ws")
            #expect(await again.wait(for: "Pytanie numer 0"))
            #expect(!(again.messages.joined().contains("Pytanie numer 1")))
        }
    }

    @Test func aWaitingChatWhosePageIsGoneIsGivenUpAndAVisitorMayEndWhileWaiting() async throws {
        try await withTestApp { app in
            Self.hours(app, open: true)
            let port = try await Self.listen(app, asPublicURL: true)
            defer { Task { await app.server.shutdown() } }
            let (staff, _) = try await DesktopTests.consultant(app, "k1@example.org")
            // On a break: nothing is offered meanwhile. A colleague chats in Polish, so the chat
            // opens, but only about benefits, so nobody is offered these.
            _ = try await DesktopService(db: app.db, events: app.desktopEvents, logger: app.logger, wrapUpSeconds: 0)
                .changeState(of: staff.id.uuidString, to: .onBreak(reason: "lunch"), forced: false)
            let (colleague, _) = try await DesktopTests.consultant(app, "k2@example.org")
            let agents = ContactCenterStore(db: app.db)
            var other = try #require(try await agents.agents().first { $0.id == colleague.id.uuidString })
            other.topics = ["benefits"]
            try await agents.save(other, now: Date())
            let gone = FormClient(app), staying = FormClient(app)
            #expect(try await gone.post("/chat", Self.start, csrfFrom: "/chat").status == .seeOther)
            let goneChat = try await Self.chat(app)
            #expect(try await staying.post("/chat", Self.start, csrfFrom: "/chat").status == .seeOther)
            let (ws, _) = try await LiveSocketTests.connect(port, cookies: gone.cookieHeader, path: "/chat/ws")
            let (_, here) = try await LiveSocketTests.connect(port, cookies: staying.cookieHeader, path: "/chat/ws")
            #expect(await here.wait(for: "\"waiting\""))
            try await ws.close()
            var left: Date? = nil
            for _ in 0..<100 where left == nil {
                left = try await ChatStore(db: app.db).find(interaction: goneChat.id)?.leftAt
                try await Task.sleep(for: .milliseconds(20))
            }
            let leftAt = try #require(left)
            let service = RoutingService(db: app.db, router: ContactCenter.Router())
            #expect(try await service.tick(now: leftAt.addingTimeInterval(30)).abandoned == 0, "a reload is not leaving")
            #expect(try await service.tick(now: leftAt.addingTimeInterval(ChatPolicy.visitorLeftGrace + 1)).abandoned == 1)
            #expect(try await ContactCenterStore(db: app.db).find(goneChat.id)?.interaction.state == .abandoned)
            let open = try await ContactCenterStore(db: app.db).open()
            #expect(open.count == 1 && open[0].id != goneChat.id, "the chat whose page is there still waits")

            // Ending while waiting gives the chat up at once.
            #expect(try await staying.post("/chat/end?lang=en", [:], csrfFrom: "/chat").status == .seeOther)
            #expect(try await ContactCenterStore(db: app.db).open().isEmpty)
            #expect(await here.wait(for: "\"phase\":\"ended\""))
        }
    }

    @Test func withNobodyToAnswerTheChatBecomesAMessageAnsweredByEmail() async throws {
        try await withTestApp { app in
            // Open hours, but no consultant logged in.
            Self.hours(app, open: true)
            let visitor = FormClient(app)
            let page = try await visitor.post("/chat?lang=en", Self.start, csrfFrom: "/chat")
            #expect(page.status == .ok && page.body.string.contains("Nobody can chat right now"))
            #expect(page.body.string.contains("Dzień dobry, jak się zarejestrować?") && page.body.string.contains("action=\"/contact\""))
            #expect(try await ContactCenterStore(db: app.db).open().isEmpty && visitor.cookies[ChatController.cookie] == nil)

            // The only consultant is on a break: a chat would wait for nobody (the rule every
            // channel shares, `Agent.isReady`).
            let (staff, _) = try await DesktopTests.consultant(app, "k1@example.org")
            _ = try await DesktopService(db: app.db, events: app.desktopEvents, logger: app.logger, wrapUpSeconds: 0)
                .changeState(of: staff.id.uuidString, to: .onBreak(reason: "lunch"), forced: false)
            let onBreak = try await visitor.post("/chat?lang=en", Self.start, csrfFrom: "/chat")
            #expect(onBreak.status == .ok && onBreak.body.string.contains("Nobody can chat right now"))
            #expect(try await ContactCenterStore(db: app.db).open().isEmpty)

            // Back from the break, but it is after hours.
            _ = try await DesktopService(db: app.db, events: app.desktopEvents, logger: app.logger, wrapUpSeconds: 0)
                .changeState(of: staff.id.uuidString, to: .available, forced: false)
            Self.hours(app, open: false)
            let closed = try await visitor.post("/chat?lang=en", Self.start, csrfFrom: "/chat")
            #expect(closed.body.string.contains("Nobody can chat right now"))
            #expect(try await ContactCenterStore(db: app.db).open().isEmpty)
        }
    }
}
