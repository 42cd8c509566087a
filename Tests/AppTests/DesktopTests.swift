import Testing
import TestSupport
import Identity
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import ContactCenter
import Clients

/// The consultant desktop through its pages: an offer rings, is accepted, the screen pop shows
/// the client card (and is audit-logged), notes, end, close with an outcome; two agents or two
/// tabs accepting one contact; transfers that nobody can take yet; contacts logged by hand.
@Suite(.serialized) struct DesktopTests {
    /// A consultant of pup-2002 (Białystok), available, with the desktop open.
    static func consultant(_ app: Application, _ email: String, office: String = "pup-2002") async throws -> (TestStaff, FormClient) {
        let staff = try await TestStaff.create(app, email: email, roles: [.consultant], scope: .offices([office]))
        let desk = try await staff.signIn(app)
        #expect(try await desk.get("/desktop").status == .ok)
        let available = try await desk.post("/desktop/state", ["state": "available"], csrfFrom: "/desktop")
        #expect(available.status == .seeOther)
        return (staff, desk)
    }

    static func call(_ app: Application, client: UUID? = nil, office: String = "pup-2002", topic: String = "registration",
                     context: ContactContext = ContactContext()) async throws -> Interaction {
        try await ContactCenterStore(db: app.db).enqueue(Interaction(channel: .voice, clientID: client, language: "pl", topic: topic, officeID: office,
                                                                     voivodeshipCode: "20", queuedAt: Date()), context: context)
    }

    static func route(_ app: Application) async throws -> RoutingService.Report {
        try await RoutingService(db: app.db, router: ContactCenter.Router()).step(events: app.desktopEvents, logger: app.logger)
    }

    @Test func anOfferIsAcceptedAndTheScreenPopShowsTheClientWithHistoryAndIsAudited() async throws {
        try await withTestApp { app in
            let (staff, desk) = try await Self.consultant(app, "k1@example.org")
            let client = try await ClientStore(db: app.db).create(NewClient(number: "100000009", kind: .seeker, firstName: "Jan", lastName: "Kowalski",
                                                                            officeID: "pup-2002"))
            // An earlier visit, logged by hand with a note: it belongs in the history.
            let manual = try await desk.post("/desktop/manual?lang=en", ["channel": "visit", "topic": "benefits", "language": "pl",
                                                                          "client_number": "100000009", "outcome": "information_given",
                                                                          "note": "Asked about the <b>benefit</b> amount"], csrfFrom: "/desktop/manual")
            #expect(manual.status == .seeOther)
            let call = try await Self.call(app, client: client, context: ContactContext(postalCode: try PostalCode("15-371"), ivrPath: ["pl", "identified", "registration"]))
            #expect(try await Self.route(app).agents == [staff.id.uuidString])

            let panel = try await desk.get("/desktop/panel?lang=en").body.string
            #expect(panel.contains("accept-\(call.id.uuidString)") && panel.contains("data-deadline"))
            let accepted = try await desk.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop")
            #expect(accepted.status == .seeOther && accepted.headers.first(name: .location) == "/desktop/interactions/\(call.id)")

            let pop = try await desk.get("/desktop/interactions/\(call.id)?lang=en")
            let html = pop.body.string
            #expect(pop.status == .ok)
            #expect(html.contains("100000009") && html.contains("Jan Kowalski") && html.contains("15-371") && html.contains("pl › identified › registration"))
            // The earlier contact with its note, escaped.
            #expect(html.contains("Asked about the &lt;b&gt;benefit&lt;/b&gt; amount") && html.contains("Visit to the office"))
            let audit = try await AuditLog(db: app.db).entries(.init(clientID: client, action: "client.read"))
            #expect(audit.count == 1 && audit.first?.detail == "screen pop \(call.id.uuidString)" && audit.first?.reason == "call")

            #expect(try await desk.post("/desktop/interactions/\(call.id)/notes", ["note": "Wants to register on Monday"],
                                        csrfFrom: "/desktop/interactions/\(call.id)").status == .seeOther)
            let empty = try await desk.post("/desktop/interactions/\(call.id)/notes?lang=en", ["note": "  "], csrfFrom: "/desktop/interactions/\(call.id)")
            #expect(empty.status == .badRequest && empty.body.string.contains("Note: write something."))
            #expect(try await desk.post("/desktop/interactions/\(call.id)/end", [:], csrfFrom: "/desktop/interactions/\(call.id)").status == .seeOther)
            guard case .wrapUp = try await ContactCenterStore(db: app.db).agent(staff.id.uuidString)?.state else {
                Issue.record("the agent should be in wrap-up"); return
            }
            let noOutcome = try await desk.post("/desktop/interactions/\(call.id)/close?lang=en", ["closing_note": "x"], csrfFrom: "/desktop/interactions/\(call.id)")
            #expect(noOutcome.status == .badRequest && noOutcome.body.string.contains("Outcome: choose how the contact ended."))
            let closed = try await desk.post("/desktop/interactions/\(call.id)/close", ["outcome": "appointment_booked"], csrfFrom: "/desktop/interactions/\(call.id)")
            #expect(closed.headers.first(name: .location) == "/desktop?done=closed")

            let store = ContactCenterStore(db: app.db)
            #expect(try await store.agent(staff.id.uuidString)?.state == .available)
            #expect(try await store.events(of: call.id).map(\.to) == [.queued, .offered, .connected, .wrapUp, .closed])
            #expect(try await store.outcome(of: call.id) == .appointmentBooked)
            let history = try await store.history(client: client)
            #expect(history.count == 2 && history.first { $0.manual }?.interaction.channel == .visit)
            // Logged by hand: in the history, never in the queue figures.
            let figures = try await store.queueFigures(offices: ["pup-2002"], dayStart: Date().addingTimeInterval(-3600), now: Date())
            #expect(figures.map(\.answeredToday).reduce(0, +) == 1)
        }
    }

    @Test func whatAnotherAgentHoldsCannotBeAcceptedAndASecondTabAcceptsNothingTwice() async throws {
        try await withTestApp { app in
            let (first, tab1) = try await Self.consultant(app, "k1@example.org")
            let (_, other) = try await Self.consultant(app, "k2@example.org")
            let call = try await Self.call(app)
            let report = try await Self.route(app)
            #expect(report.offered == 1)
            let holder = try #require(try await ContactCenterStore(db: app.db).find(call.id)?.interaction.agentID)
            let (holderDesk, otherDesk) = holder == first.id.uuidString ? (tab1, other) : (other, tab1)
            let refused = try await otherDesk.post("/desktop/offers/\(call.id)/accept?lang=en", [:], csrfFrom: "/desktop")
            #expect(refused.status == .conflict && refused.body.string.contains("Someone else has already taken this contact."))
            #expect(try await otherDesk.get("/desktop/interactions/\(call.id)").status == .forbidden)

            // The holder's second tab: same session, a second accept changes nothing.
            #expect(try await holderDesk.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            #expect(try await holderDesk.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            #expect(try await ContactCenterStore(db: app.db).events(of: call.id).filter { $0.to == .connected }.count == 1)
            // Two accepts racing on the store: exactly one wins.
            let second = try await Self.call(app)
            _ = try await Self.route(app)
            let agent = try #require(try await ContactCenterStore(db: app.db).find(second.id)?.interaction.agentID)
            let service = DesktopService(db: app.db, events: app.desktopEvents, logger: app.logger, wrapUpSeconds: 30)
            async let a = Result { try await service.accept(second.id, agent: agent) }
            async let b = Result { try await service.accept(second.id, agent: agent == first.id.uuidString ? "someone-else" : first.id.uuidString) }
            let results = await [a, b]
            #expect(results.filter { if case .success = $0 { true } else { false } }.count == 1)
        }
    }

    @Test func aDeclinedOfferGoesToTheNextAgentAndALapsedOneCannotBeAccepted() async throws {
        try await withTestApp { app in
            let (k1, d1) = try await Self.consultant(app, "k1@example.org")
            let (k2, d2) = try await Self.consultant(app, "k2@example.org")
            let call = try await Self.call(app)
            _ = try await Self.route(app)
            let store = ContactCenterStore(db: app.db)
            let firstHolder = try #require(try await store.find(call.id)?.interaction.agentID)
            let (firstDesk, nextID) = firstHolder == k1.id.uuidString ? (d1, k2.id.uuidString) : (d2, k1.id.uuidString)
            #expect(try await firstDesk.post("/desktop/offers/\(call.id)/decline", [:], csrfFrom: "/desktop").status == .seeOther)
            let declined = try await store.agent(firstHolder)
            #expect(declined?.state == .available && declined?.load[.voice] == 0)
            _ = try await Self.route(app)
            #expect(try await store.find(call.id)?.interaction.agentID == nextID)
            // The first agent's old offer is gone: accepting it now is refused with the reason.
            let late = try await firstDesk.post("/desktop/offers/\(call.id)/accept?lang=en", [:], csrfFrom: "/desktop")
            #expect(late.status == .conflict && late.body.string.contains("Someone else has already taken this contact."))
        }
    }

    /// The colleagues a contact can be handed to by name are those of its line (office and
    /// voivodeship), logged in: not every consultant of the country (2 000 at the national peak).
    @Test func theScreenPopListsTheColleaguesOfTheContactsLine() async throws {
        try await withTestApp { app in
            let (_, desk) = try await Self.consultant(app, "k1@example.org")
            let (near, _) = try await Self.consultant(app, "k2@example.org", office: "pup-2001")
            let (far, _) = try await Self.consultant(app, "lodz@example.org", office: "pup-1061")
            let (gone, goneDesk) = try await Self.consultant(app, "k3@example.org", office: "pup-2002")
            #expect(try await goneDesk.post("/desktop/state", ["state": "offline"], csrfFrom: "/desktop").status == .seeOther)
            let call = try await Self.call(app)
            _ = try await Self.route(app)
            #expect(try await desk.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            let html = try await desk.get("/desktop/interactions/\(call.id)").body.string
            #expect(html.contains("value=\"\(near.id.uuidString)\""), "a colleague of the voivodeship is listed")
            #expect(!html.contains("value=\"\(far.id.uuidString)\""), "a consultant of another voivodeship is not")
            #expect(!html.contains("value=\"\(gone.id.uuidString)\""), "a colleague signed out is not")
        }
    }

    @Test func aTransferNobodyCanTakeYetStaysQueuedWithAnExplanation() async throws {
        try await withTestApp { app in
            let (k1, desk) = try await Self.consultant(app, "k1@example.org")
            let call = try await Self.call(app)
            _ = try await Self.route(app)
            #expect(try await desk.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            let page = "/desktop/interactions/\(call.id)"

            let unknown = try await desk.post(page + "/transfer?lang=en", ["office": "pup-9999", "transfer_note": "x"], csrfFrom: page)
            #expect(unknown.status == .badRequest && unknown.body.string.contains("there is no office"))
            let noNote = try await desk.post(page + "/transfer?lang=en", ["office": "pup-2001"], csrfFrom: page)
            #expect(noNote.status == .badRequest && noNote.body.string.contains("Note: write something."))
            // A logged-out consultant cannot be the target: the contact stays here.
            let (k2, d2) = try await Self.consultant(app, "k2@example.org", office: "pup-2001")
            #expect(try await d2.post("/desktop/state", ["state": "offline"], csrfFrom: "/desktop").status == .seeOther)
            let offline = try await desk.post(page + "/transfer?lang=en", ["agent": k2.id.uuidString, "transfer_note": "please"], csrfFrom: page)
            #expect(offline.status == .conflict && offline.body.string.contains("cannot take the contact now"))
            #expect(try await ContactCenterStore(db: app.db).find(call.id)?.interaction.state == .connected)

            let moved = try await desk.post(page + "/transfer", ["office": "pup-2001", "topic": "benefits", "transfer_note": "Benefit case for Augustów"],
                                            csrfFrom: page)
            #expect(moved.headers.first(name: .location) == "/desktop?done=transferred_waiting")
            let store = ContactCenterStore(db: app.db)
            let after = try #require(try await store.find(call.id)?.interaction)
            #expect(after.state == .queued && after.officeID == "pup-2001" && after.topic == "benefits")
            #expect(try await store.agent(k1.id.uuidString)?.state == .available)
            #expect(try await store.notes(of: [call.id])[call.id]?.map(\.text) == ["Benefit case for Augustów"])
            #expect(try await store.events(of: call.id).suffix(2).map(\.to) == [.transferred, .queued])
        }
    }

    @Test func manualContactsNeedValidFieldsAndAClientOfOnesOwnOffices() async throws {
        try await withTestApp { app in
            let (_, desk) = try await Self.consultant(app, "k1@example.org")
            _ = try await ClientStore(db: app.db).create(NewClient(number: "200000008", kind: .seeker, firstName: "Obca", officeID: "pup-2001"))
            let bad = try await desk.post("/desktop/manual?lang=en", ["channel": "chat", "topic": "nope", "language": "pl", "client_number": "200000008"],
                                          csrfFrom: "/desktop/manual")
            let html = bad.body.string
            #expect(bad.status == .badRequest)
            #expect(html.contains("Channel: choose visit") && html.contains("Topic: choose a topic") && html.contains("Outcome: choose")
                    && html.contains("there is no such client in your offices"))
            #expect(try await ContactCenterStore(db: app.db).open().isEmpty)
        }
    }

    @Test func aSupervisorForcesALogoutFromTheWallboardAndOffersGoBack() async throws {
        try await withTestApp { app in
            let (k1, _) = try await Self.consultant(app, "k1@example.org")
            let call = try await Self.call(app)
            _ = try await Self.route(app)
            let boss = try await TestStaff.create(app, email: "s@example.org", roles: [.supervisor], scope: .offices(["pup-2002"]))
            let board = try await boss.signIn(app)
            let page = try await board.get("/wallboard?lang=en")
            #expect(page.status == .ok && page.body.string.contains("Test k1@example.org") && page.body.string.contains("logout-\(k1.id.uuidString)"))
            let panel = try await board.get("/wallboard/panel?lang=en&voivodeship=20").body.string
            #expect(panel.contains("Powiatowy Urząd Pracy w Białymstoku") && panel.contains("Registration"))
            #expect(try await board.get("/wallboard?office=pup-2001").status == .forbidden)
            #expect(try await board.get("/wallboard/panel?voivodeship=99&lang=en").status == .badRequest)
            let forced = try await board.post("/staff/agents/\(k1.id.uuidString)/state", ["state": "offline", "return": "wallboard"], csrfFrom: "/wallboard")
            #expect(forced.headers.first(name: .location) == "/wallboard")
            let store = ContactCenterStore(db: app.db)
            #expect(try await store.agent(k1.id.uuidString)?.state == .offline)
            #expect(try await store.find(call.id)?.interaction.state == .queued)
            #expect(try await AuditLog(db: app.db).entries(.init(action: "agent.state_changed")).count == 1)
            // Skills: languages and capacity per channel, checked, audit-logged.
            let skills = "/staff/agents/\(k1.id.uuidString)"
            #expect(try await board.get(skills + "?lang=en").body.string.contains("capacity_chat"))
            let bad = try await board.post(skills + "/skills?lang=en", ["capacity_voice": "2", "capacity_chat": "x"], csrfFrom: skills)
            #expect(bad.status == .badRequest && bad.body.string.contains("Languages: tick at least one language.")
                    && bad.body.string.contains("Phone: give a number from 0 to 1."))
            var good = ["language_pl": "on", "language_uk": "on"]
            for (c, n) in [("voice", "1"), ("callback", "1"), ("video", "0"), ("chat", "2"), ("email", "0"), ("web_form", "0"), ("sms", "0")] { good["capacity_" + c] = n }
            #expect(try await board.post(skills + "/skills", good, csrfFrom: skills).headers.first(name: .location) == "/wallboard")
            let skilled = try #require(try await store.agent(k1.id.uuidString))
            #expect(skilled.languages == ["pl", "uk"] && skilled.capacity[.chat] == 2 && skilled.capacity[.email] == 0)
            #expect(try await AuditLog(db: app.db).entries(.init(action: "agent.skills_changed")).count == 1)
            // Consultants do not see the wallboard.
            let (_, desk) = try await Self.consultant(app, "k2@example.org")
            #expect(try await desk.get("/wallboard").status == .forbidden)
        }
    }

    @Test func theScreenPopSuggestsAnswersForTheTopicAndSendsOneToTheClient() async throws {
        try await withTestApp { app in
            try await KBInterchange.loadStarter(app)
            let (_, desk) = try await Self.consultant(app, "k1@example.org")
            let client = try await ClientStore(db: app.db).create(NewClient(number: "100000009", kind: .seeker, firstName: "Jan", officeID: "pup-2002",
                                                                            emails: ["jan@example.org"]))
            let call = try await Self.call(app, client: client, topic: "benefits")
            _ = try await Self.route(app)
            #expect(try await desk.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            let page = "/desktop/interactions/\(call.id)"
            let pop = try await desk.get(page + "?lang=en").body.string
            #expect(pop.contains("Kiedy przysługuje zasiłek dla bezrobotnych?") && pop.contains("Nie podawać kwot z pamięci"), "suggested, with the internal note")
            let found = try await desk.get(page + "?lang=en&kb=rejestracja").body.string
            #expect(found.contains("Jak zarejestrować się w urzędzie pracy?"))
            let entry = try #require(try await KnowledgeBaseStore(db: app.db).find(externalID: "register-how"))
            let sent = try await desk.post(page + "/articles", ["entry": entry.id.uuidString.lowercased()], csrfFrom: page)
            #expect(sent.headers.first(name: .location) == page + "?done=article_sent")
            let notes = try await ContactCenterStore(db: app.db).notes(of: [call.id])[call.id] ?? []
            #expect(notes.count == 1 && notes[0].text.contains("Jak zarejestrować się w urzędzie pracy?"))
            let mail = try await (app.db as! any SQLDatabase).raw("SELECT recipient, kind FROM outbox WHERE kind = 'kb_article'").all()
            let recipients = try mail.map { try $0.decode(column: "recipient", as: String.self) }
            #expect(recipients == ["jan@example.org"])
            #expect(try await desk.post(page + "/articles?lang=en", ["entry": UUID().uuidString], csrfFrom: page).status == .badRequest)
        }
    }
}
