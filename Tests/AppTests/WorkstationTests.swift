import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import ContactCenter
import Directory
import Clients
import Privacy

/// The staff pages as a workstation: their own shell (full width, no public menu or chat box, the
/// consultant's state and what rings always at the top, shortcuts documented), the screen pop in
/// panes and in words, and the supervisor's wallboard readable from across a room.
@Suite(.serialized) struct WorkstationTests {
    @Test func staffPagesHaveTheirOwnShellWithTheStateAndWhatRingsAtTheTop() async throws {
        try await withTestApp { app in
            let (staff, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            let call = try await DesktopTests.call(app)
            _ = try await DesktopTests.route(app)
            // Any staff page, not only the desktop, shows the offer ringing with its buttons and shortcuts.
            let home = try await desk.get("/staff/home?lang=en").body.string
            #expect(home.contains("<body class=\"workstation\">") && home.contains("class=\"staff-bar\"") && !home.contains("class=\"site-header\""))
            #expect(!home.contains("chat-widget"), "no public chat box on staff pages")
            #expect(home.contains("id=\"accept-\(call.id.uuidString)\"") && home.contains("aria-keyshortcuts=\"Alt+Shift+A\""))
            #expect(home.contains("Your status: </span><strong>Busy</strong>"), "offered a contact, the consultant is busy")
            for keys in ["Alt+Shift+A", "Alt+Shift+D", "Alt+Shift+E", "Alt+Shift+C", "Alt+Shift+K"] { #expect(home.contains("<kbd>\(keys)</kbd>")) }
            // The areas their roles open, the current one marked.
            let deskPage = try await desk.get("/desktop?lang=en").body.string
            #expect(deskPage.contains("<a href=\"/desktop\" aria-current=\"page\">") && !deskPage.contains("href=\"/wallboard\""))
            // The same person on a public page gets the public shell.
            let portal = try await desk.get("/?lang=en").body.string
            #expect(portal.contains("class=\"site-header\"") && !portal.contains("class=\"staff-bar\""))
            // An editor, who takes no contacts, has the shell without the consultant's bar.
            let editor = try await TestStaff.create(app, email: "ed@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"])).signIn(app)
            let kb = try await editor.get("/staff/kb?lang=en").body.string
            #expect(kb.contains("class=\"staff-bar\"") && !kb.contains("id=\"agent-live\"") && kb.contains("aria-current=\"page\""))
            _ = staff
        }
    }

    @Test func theScreenPopIsInPanesAndSaysEverythingInWords() async throws {
        try await withTestApp { app in
            #expect(try await FormClient(app).post("/contact", ContactFormTests.good, csrfFrom: "/contact").status == .ok)
            let form = try #require(try await ContactCenterStore(db: app.db).open().first)
            let (_, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            _ = try await DesktopTests.route(app)
            #expect(try await desk.post("/desktop/offers/\(form.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            let pop = try await desk.get("/desktop/interactions/\(form.id)?lang=en").body.string
            for pane in ["pane-context", "pane-client", "pane-history", "pane-kb", "pane-work"] { #expect(pop.contains("class=\"pane \(pane)\""), "\(pane)") }
            #expect(pop.contains("<dt>Powiat</dt><dd>Białystok (2061)</dd>") && !pop.contains("TERYT"))
            // The end and close forms carry their shortcuts; the knowledge-base search names what it searches.
            #expect(pop.contains("data-shortcut=\"close\"") && pop.contains("Search the knowledge base</button>"))
            // Transfers go to an office chosen by name, offices grouped by voivodeship.
            #expect(pop.contains("<optgroup label=\"podlaskie\">") && pop.contains(">Powiatowy Urząd Pracy w Białymstoku</option>") && !pop.contains("pup-bialystok"))

            // A supervisor reads its history in words, not the codes the router writes.
            let boss = try await TestStaff.create(app, email: "boss@example.org", roles: [.supervisor], scope: .offices(["pup-2002"])).signIn(app)
            let review = try await boss.get("/staff/interactions/\(form.id)?lang=en").body.string
            #expect(review.contains("Queued (entered the queue)") && review.contains("(to a consultant of the client&#39;s office)"))
            #expect(!review.contains("(created)") && !review.contains("(tier office)"))
        }
    }

    @Test func readingAContactAgainWithinAReadingSessionIsLoggedOnce() async throws {
        try await withTestApp { app in
            let client = try await ClientStore(db: app.db).create(NewClient(number: "100000009", kind: .seeker, firstName: "Jan", lastName: "Kowalski",
                                                                            officeID: "pup-2002"))
            let (_, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            let call = try await DesktopTests.call(app, client: client)
            _ = try await DesktopTests.route(app)
            #expect(try await desk.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            for _ in 0..<3 { #expect(try await desk.get("/desktop/interactions/\(call.id)").status == .ok) }
            #expect(try await AuditLog(db: app.db).entries(.init(clientID: client, action: "client.read")).count == 1, "three reloads, one read")
            // After the session's length, reading it again is a new read.
            try await (app.db as! any SQLDatabase).update("audit_log").set("at", to: SQLBind(Date().addingTimeInterval(-AuditEntry.readingSession - 60)))
                .where("client_id", .equal, SQLBind(client)).run()
            _ = try await desk.get("/desktop/interactions/\(call.id)")
            #expect(try await AuditLog(db: app.db).entries(.init(clientID: client, action: "client.read")).count == 2)
        }
    }

    @Test func theWallboardShowsEachQueueAgainstItsTargetInFiguresSignsAndWords() async throws {
        try await withTestApp { app in
            let (staff, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            // One call answered at once (in time), one waiting.
            let answered = try await DesktopTests.call(app, topic: "benefits")
            _ = try await DesktopTests.route(app)
            #expect(try await desk.post("/desktop/offers/\(answered.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            _ = try await DesktopTests.call(app, topic: "registration")
            let boss = try await TestStaff.create(app, email: "boss@example.org", roles: [.supervisor], scope: .offices(["pup-2002"])).signIn(app)
            let board = try await boss.get("/wallboard?office=pup-2002&lang=en").body.string
            #expect(board.contains("class=\"board-queue state-ok\"") && board.contains("Target met") && board.contains("target 80 %"))
            #expect(board.contains("<dd>100 %</dd>"), "the service level in a large figure")
            #expect(board.contains("class=\"spark\"") && board.contains("This chart as a table"), "the day as a line and as a table")
            // The filter stays in the address: the live part asks for the same office.
            #expect(board.contains("data-live-panel=\"/wallboard/panel?office=pup-2002\""))
            #expect(board.contains("<strong>1</strong>Busy"), "consultants by state in large figures")
            _ = staff
        }
    }
}

/// Every contact can be answered in its own channel from the screen pop, the answer is part of
/// the contact's and the client's history, and the survey follows the answer.
@Suite(.serialized) struct ReplyComposerTests {
    @Test func aWebFormIsAnsweredByEmailInItsCaseAndTheSurveyComesAfterTheAnswer() async throws {
        try await withTestApp { app in
            #expect(try await FormClient(app).post("/contact", ContactFormTests.good, csrfFrom: "/contact").status == .ok)
            let form = try #require(try await ContactCenterStore(db: app.db).open().first)
            let caseNumber = ContactMessage.caseNumber(form.id)
            let (_, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            _ = try await DesktopTests.route(app)
            #expect(try await desk.post("/desktop/offers/\(form.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            let path = "/desktop/interactions/\(form.id)"
            let pop = try await desk.get(path + "?lang=en").body.string
            #expect(pop.contains("Goes by e-mail to anna@example.org, with case number \(caseNumber)") && pop.contains("action=\"\(path)/reply\""))

            // Closed as answered before any answer: refused, nothing sent.
            let early = try await desk.post(path + "/close?lang=en", ["outcome": "information_given"], csrfFrom: path)
            #expect(early.status == .conflict && early.body.string.contains("Answer the client first"))
            #expect(try await SurveyStore(db: app.db).of(interactions: [form.id]).isEmpty)

            #expect(try await desk.post(path + "/reply", ["reply": "  "], csrfFrom: path).status == .badRequest)
            let replied = try await desk.post(path + "/reply", ["reply": "Zasiłek wypłacamy do 10. dnia miesiąca."], csrfFrom: path)
            #expect(replied.status == .seeOther)
            let mail = try #require(try await Outbox(db: app.db).recent().first { $0.kind == "mail_reply" })
            #expect(mail.recipient == "anna@example.org" && mail.subject.contains("[\(caseNumber)]") && mail.textBody.contains("10. dnia miesiąca")
                    && mail.replyTo == app.services.config.serviceAddress)
            let thread = try await MailStore(db: app.db).messages(ofCase: form.id)
            #expect(thread.count == 1 && thread[0].direction == .outbound && thread[0].authorID != nil)
            // In the contact's notes, so in the client's history too; the thread is on the screen pop.
            #expect(try await ContactCenterStore(db: app.db).notes(of: [form.id])[form.id]?.contains { $0.text.contains("10. dnia miesiąca") } == true)
            #expect(try await desk.get(path + "?lang=en").body.string.contains("Reply to anna@example.org"))

            #expect(try await desk.post(path + "/close", ["outcome": "information_given"], csrfFrom: path).status == .seeOther)
            let kinds = try await Outbox(db: app.db).recent(limit: 20).reversed().map(\.kind)
            #expect(kinds.firstIndex(of: "mail_reply")! < kinds.firstIndex(of: "survey")!, "the survey after the answer: \(kinds)")

            // The client answers the e-mail: the same case goes on.
            let channel = MailChannel(db: app.db, events: app.desktopEvents, logger: app.logger, config: app.services.config)
            let answer = MailChannelTests.mail(["From: anna@example.org", "To: \(app.services.config.serviceAddress)", "Subject: Re: \(mail.subject)",
                                                "Message-ID: <anna2@example.org>", "In-Reply-To: <\(thread[0].messageID)>"], "Dziękuję!")
            #expect(try await channel.receive(answer, size: answer.count, headerOnly: false, now: Date()) == .continued(form.id))
        }
    }

    @Test func anSMSIsAnsweredBySMSUnlessTheNumberSaidStop() async throws {
        try await withTestApp { app in
            let sms = try await ContactCenterStore(db: app.db).enqueue(
                Interaction(channel: .sms, clientID: nil, language: "pl", topic: "other", officeID: "pup-2002", voivodeshipCode: "20", queuedAt: Date()),
                context: ContactContext(phone: "+48600100200", message: "Czy jutro urząd jest otwarty?"))
            let (_, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            _ = try await DesktopTests.route(app)
            #expect(try await desk.post("/desktop/offers/\(sms.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            let path = "/desktop/interactions/\(sms.id)"
            let pop = try await desk.get(path + "?lang=en").body.string
            #expect(pop.contains("SMS from +48600100200") && pop.contains("Goes by SMS to +48600100200") && pop.contains("Send the SMS"))
            let tooLong = try await desk.post(path + "/reply?lang=en", ["reply": String(repeating: "a", count: 601)], csrfFrom: path)
            #expect(tooLong.status == .badRequest && tooLong.body.string.contains("at most 600 characters"))
            #expect(try await desk.post(path + "/reply", ["reply": "Tak, od 8 do 15."], csrfFrom: path).status == .seeOther)
            let sent = try await SMSStore(db: app.db).messages(interaction: sms.id, kinds: ["reply"])
            #expect(sent.count == 1 && sent[0].phone == "+48600100200" && sent[0].status == .queued)
            #expect(try await desk.get(path + "?lang=en").body.string.contains("SMS reply to +48600100200"))

            try await SMSStore(db: app.db).optOut("+48600100200", source: "stop", now: Date())
            let refused = try await desk.post(path + "/reply?lang=en", ["reply": "Jeszcze jedno."], csrfFrom: path)
            #expect(refused.status == .conflict && refused.body.string.contains("refused text messages"))
            #expect(try await ContactCenterStore(db: app.db).notes(of: [sms.id])[sms.id]?.filter { $0.text.contains("Jeszcze jedno") }.isEmpty == true)
            #expect(try await desk.post(path + "/close", ["outcome": "information_given"], csrfFrom: path).status == .seeOther, "answered once: may close")
        }
    }
}
