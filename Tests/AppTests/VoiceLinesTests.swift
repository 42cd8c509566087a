import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import ContactCenter
import Clients
import Knowledge
import Reporting
import Localization

/// Several numbers with a flow each (19524 and 9524 the main line, 9510 the free line of the
/// registered unemployed), the reports split by the number; and what a waiting caller may do:
/// listen to recorded information and go back to their place, or be called back in their place.
@Suite(.serialized) struct VoiceLinesTests {
    typealias Carrier = VoiceTests.Carrier

    static func registeredClient(_ app: Application, since: Date? = Date(timeIntervalSinceNow: -86_400 * 30)) async throws -> UUID {
        let pin = try app.password.hash("4826")
        let id = try await ClientStore(db: app.db).create(NewClient(number: "100000009", kind: .seeker, firstName: "Jan", lastName: "Kowalski",
                                                                    pinHash: pin, officeID: "pup-2002", phones: ["+48600100200"]))
        try await ClientStore(db: app.db).setUnemployed(id, since: since)
        return id
    }

    /// Into the queue of benefits at PUP Białystok by the postal code, on the main line.
    static func waiting(_ carrier: Carrier) async throws -> String {
        let welcome = try await carrier.post("/voice/incoming").body.string
        var answer = welcome
        for keys in ["1", "2", "15371", "2"] { answer = try await carrier.keys(answer, keys).body.string }
        #expect(answer.contains("<Enqueue"))
        return answer
    }

    @Test func eachNumberTakesItsFlowAndTheReportsSplitByIt() async throws {
        try await withTestApp { app in
            ChatTests.hours(app, open: true)
            _ = try await Self.registeredClient(app)
            // 9510 as the carrier reports it: the free line, which asks for the client number at once.
            let free = Carrier(app, to: "+489510")
            let welcome = try await free.post("/voice/incoming").body.string
            #expect(welcome.contains("bezpłatna infolinia dla osób zarejestrowanych jako bezrobotne"))
            var answer = try await free.keys(welcome, "1").body.string
            #expect(answer.contains("Wpisz numer klienta"))
            answer = try await free.keys(answer, "100000009#").body.string
            answer = try await free.keys(answer, "4826#").body.string
            #expect(answer.contains("Rejestracja – 1."), "registered: the topic menu")
            answer = try await free.keys(answer, "2").body.string
            #expect(answer.contains("<Enqueue"))
            // Someone not registered hears which paid numbers to call.
            let olena = try await ClientStore(db: app.db).create(NewClient(number: "200000008", kind: .seeker, pinHash: try app.password.hash("1357"),
                                                                           officeID: "pup-2002"))
            _ = olena
            let stranger = Carrier(app, from: "+48600300400", to: "+489510")
            var other = try await stranger.keys(try await stranger.post("/voice/incoming").body.string, "1").body.string
            other = try await stranger.keys(other, "200000008#").body.string
            other = try await stranger.keys(other, "1357#").body.string
            #expect(other.contains("Zadzwoń pod numer 19524 lub 9524") && other.contains("<Hangup/>"))
            // 19524 and a number nobody mapped: the main line.
            for to in ["+4819524", "+48221234567"] {
                let main = try await Carrier(app, to: to).post("/voice/incoming").body.string
                #expect(main.contains("infolinia urzędów pracy") && !main.contains("bezpłatna"))
            }
            _ = try await Self.waiting(Carrier(app, from: "+48600100201"))

            // The reports split the calls by the number they came in on.
            let aggregates = ReportAggregates(db: app.db)
            try await aggregates.refresh(targets: .standard)
            let start = ReportInterval.polishCalendar.startOfDay(for: Date())
            let rows = try await aggregates.sums(.day, from: start, until: start.addingTimeInterval(86_400), filter: .init(channel: "voice"), by: .line)
            let byLine = Dictionary(rows.map { ($0.key ?? "", $0.counts.offered) }, uniquingKeysWith: +)
            #expect(byLine["9510"] == 1 && byLine["19524"] == 1, "\(byLine)")
        }
    }

    @Test func aWaitingCallerHearsRecordedInformationAndGoesBackToTheirPlace() async throws {
        try await withTestApp { app in
            ChatTests.hours(app, open: true)
            let editor = UUID()
            _ = try await KnowledgeBaseStore(db: app.db).create(
                KBDraft(category: .benefits, title: "Kiedy przysługuje zasiłek?", body: "Zasiłek przysługuje po **365 dniach** pracy w ostatnich 18 miesiącach.",
                        phone: true),
                status: .published, by: editor, analyzer: app.services.analyzer)
            _ = try await KnowledgeBaseStore(db: app.db).create(
                KBDraft(category: .benefits, title: "Nie do telefonu", body: "Tylko na portalu."), status: .published, by: editor, analyzer: app.services.analyzer)
            let carrier = Carrier(app)
            _ = try await Self.waiting(carrier)
            let before = try await VoiceTests.interaction(app)
            // The wait offers the keys, inside a Gather so they are heard all the while.
            let wait = try await carrier.post("/voice/wait").body.string
            #expect(wait.contains("<Gather") && wait.contains("/voice/wait-key") && wait.contains("naciśnij 1"))
            // Another key keeps the caller waiting; 1 lets them out of the carrier's queue.
            #expect(!(try await carrier.post("/voice/wait-key", ["Digits": "5"]).body.string.contains("<Leave")))
            #expect(try await carrier.post("/voice/wait-key", ["Digits": "1"]).body.string.contains("<Leave/>"))
            // The carrier lets the caller out of its queue and asks the Enqueue's action what next.
            let info = try await carrier.post(try Carrier.action(try Self.enqueueAnswer(app, carrier), "Enqueue"), ["QueueResult": "leave"]).body.string
            // The topics with answers for the phone (the starter set's too), each with its key.
            let benefits = Catalogues.bundled[.pl].text("kb.category.benefits")
            #expect(info.contains("Nagrane informacje.") && !info.contains("Nie do telefonu"))
            let topic = try await carrier.keys(info, try Self.key(for: benefits, in: info)).body.string
            #expect(!topic.contains("Nie do telefonu"), "an entry not marked for the phone is not read")
            let read = try await carrier.keys(topic, try Self.key(for: "Kiedy przysługuje zasiłek?", in: topic)).body.string
            #expect(read.contains("Zasiłek przysługuje po 365 dniach pracy") && !read.contains("**"))
            let topics = try await carrier.keys(read, "0").body.string
            let back = try await carrier.keys(topics, "0").body.string
            #expect(back.contains("Wracasz na swoje miejsce w kolejce.") && back.contains("<Enqueue"))
            // The same contact, never out of the ACD's queue: its place is its arrival.
            let after = try await VoiceTests.interaction(app)
            #expect(after.id == before.id && after.queuedAt == before.queuedAt && after.state == .queued)
            #expect(try await ContactCenterStore(db: app.db).open().filter { $0.channel == .voice }.count == 1)
        }
    }

    /// The key the information service offers for an item ("Zasiłki – naciśnij 2.").
    static func key(for item: String, in twiml: String) throws -> String {
        let m = try #require(twiml.firstMatch(of: try Regex(NSRegularExpression.escapedPattern(for: item) + " – naciśnij ([0-9])\\.")), "\(item) in \(twiml)")
        return String(m.output[1].substring!)
    }

    /// The last answer that put the call in the carrier's queue (its Enqueue names the action).
    static func enqueueAnswer(_ app: Application, _ carrier: Carrier) async throws -> String {
        try #require(try await VoiceStore(db: app.db).call(carrier.sid)).lastResponse
    }

    @Test func aWaitingCallerAsksToBeCalledBackAndKeepsTheirPlace() async throws {
        try await withTestApp { app in
            ChatTests.hours(app, open: true)
            let carrier = Carrier(app)
            _ = try await Self.waiting(carrier)
            let before = try await VoiceTests.interaction(app)
            #expect(try await carrier.post("/voice/wait-key", ["Digits": "2"]).body.string.contains("<Leave/>"))
            let bye = try await carrier.post(try Carrier.action(try Self.enqueueAnswer(app, carrier), "Enqueue"), ["QueueResult": "leave"]).body.string
            #expect(bye.contains("oddzwoni na numer 6 0 0, 1 0 0, 2 0 0") && bye.contains("<Hangup/>"))
            // The caller hangs up: the contact is not given up.
            try await carrier.post("/voice/status", ["CallStatus": "completed"])
            let open = try await ContactCenterStore(db: app.db).open()
            #expect(open.count == 1)
            let callback = try #require(open.first)
            #expect(callback.id == before.id && callback.channel == .callback && callback.queuedAt == before.queuedAt && callback.state == .queued)
            let context = try await ContactCenterStore(db: app.db).context(of: callback.id)
            #expect(context.phone == "+48600100200" && context.attempt == 1 && context.caseNumber != nil)
            // One contact in the reports.
            try await ReportAggregates(db: app.db).refresh(targets: .standard)
            let start = ReportInterval.polishCalendar.startOfDay(for: Date())
            let total = try await ReportAggregates(db: app.db).sums(.day, from: start, until: start.addingTimeInterval(86_400)).reduce(0) { $0 + $1.counts.offered }
            #expect(total == 1)
        }
    }

    @Test func administratorsMapNumbersToPublishedFlows() async throws {
        try await withTestApp { app in
            let admin = try await IVREditorTests.admin(app)
            let page = try await admin.get("/staff/ivr/lines?lang=en").body.string
            #expect(page.contains("9510") && page.contains("Free line for the unemployed (9510)") && page.contains("19524 – Zielona Linia"))
            let bad = try await admin.post("/staff/ivr/lines?lang=en", ["number": "12", "name": "", "flow": "nope"], csrfFrom: "/staff/ivr/lines")
            #expect(bad.status == .badRequest)
            for message in ["Number: 3–15 digits.", "Name: 1–100 characters.", "Choose a published flow."] { #expect(bad.body.string.contains(message)) }
            // A new flow copied from the main line, published, then given a number.
            #expect(try await admin.post("/staff/ivr/flows", ["new_id": "cudzoziemcy", "copy_of": "main"], csrfFrom: "/staff/ivr").status == .seeOther)
            #expect(try await admin.post("/staff/ivr/lines", ["number": "+48 22 123 45 67", "name": "Cudzoziemcy", "flow": "cudzoziemcy"],
                                         csrfFrom: "/staff/ivr/lines").status == .badRequest, "not published yet")
            #expect(try await admin.post("/staff/ivr/publish?flow=cudzoziemcy", [:], csrfFrom: "/staff/ivr?flow=cudzoziemcy").status == .seeOther)
            #expect(try await admin.post("/staff/ivr/lines", ["number": "+48 22 123 45 67", "name": "Cudzoziemcy", "flow": "cudzoziemcy"],
                                         csrfFrom: "/staff/ivr/lines").status == .seeOther)
            #expect(try await VoiceStore(db: app.db).line(dialled: "+48221234567")?.flowID == "cudzoziemcy")
            #expect(try await admin.post("/staff/ivr/flows?lang=en", ["new_id": "cudzoziemcy"], csrfFrom: "/staff/ivr").body.string.contains("A flow with this name exists already."))
            #expect(try await admin.post("/staff/ivr/lines/221234567/delete", [:], csrfFrom: "/staff/ivr/lines").status == .seeOther)
            #expect(try await VoiceStore(db: app.db).line(number: "221234567") == nil)
            #expect(try await admin.post("/staff/ivr/lines/221234567/delete", [:], csrfFrom: "/staff/ivr/lines").status == .notFound)
        }
    }

    @Test func theOfficeRecordsARegistrationAsUnemployedOnTheClientCard() async throws {
        try await withTestApp { app in
            let id = try await Self.registeredClient(app, since: nil)
            let desk = try await TestStaff.create(app, email: "k@example.org", roles: [.consultant], scope: .offices(["pup-2002"])).signIn(app)
            let card = "/staff/clients/\(id.uuidString)?reason=case_handling&lang=en"
            #expect(try await desk.get(card).body.string.contains("Registered as unemployed</dt><dd><em class=\"unknown\">no</em>"))
            let path = "/staff/clients/\(id.uuidString)/registration?lang=en"
            let future = try await desk.post(path, ["since": "2100-01-01", "reason": "case_handling"], csrfFrom: card)
            #expect(future.status == .badRequest && future.body.string.contains("The date cannot be in the future."))
            #expect(try await desk.post(path, ["since": "1.09.2026"], csrfFrom: card).status == .badRequest)
            let saved = try await desk.post(path, ["since": "2026-09-01", "reason": "case_handling"], csrfFrom: card)
            #expect(saved.status == .ok && saved.body.string.contains("Registration saved.") && saved.body.string.contains("Registered as unemployed</dt><dd>since "))
            #expect(try await ClientStore(db: app.db).find(id: id)?.unemployedSince != nil)
            let audit = try await (app.db as! any SQLDatabase).raw("SELECT detail FROM audit_log WHERE action = 'client.registration_set'").all()
            #expect(audit.count == 1)
            // Cleared: no longer registered.
            #expect(try await desk.post(path, ["since": ""], csrfFrom: card).status == .ok)
            #expect(try await ClientStore(db: app.db).find(id: id)?.unemployedSince == nil)
        }
    }
}
