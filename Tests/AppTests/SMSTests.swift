import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import ContactCenter
import Directory
import TestSupport
import Clients

/// SMS through a real gateway (Kannel with its fake network): a booked callback is confirmed by
/// SMS and reported delivered; STOP from the phone stops every later message to it (and what
/// waits); other texts become SMS contacts; forged reports and inbound calls are refused; a
/// consultant schedules a visit reminder for the day before; a survey goes by SMS when there
/// is no e-mail address.
@Suite(.serialized) struct SMSTests {
    static func configure(_ app: Application, port: Int, kannel: KannelServer?) {
        app.reconfigure(config: { config in
            config.publicURL = "http://127.0.0.1:\(port)"
            config.smsCallbackToken = "tok-123"
            // Without a gateway of the test's, one that is never reached.
            config.smsGateway = SMSGatewayConfiguration(url: kannel?.sendsmsURL ?? "http://127.0.0.1:9/cgi-bin/sendsms", username: kannel?.username ?? "zl",
                                                        password: kannel?.password ?? "x", sender: "19524")
        })
    }

    static func sender(_ app: Application) throws -> SMSSender {
        let config = try #require(app.services.config.smsGateway)
        return SMSSender(db: app.db, gateway: KannelGateway(configuration: config, client: app.client, publicURL: app.services.config.publicURL,
                                                           key: app.services.secrets.smsKey), logger: app.logger)
    }

    static func eventually(_ check: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<100 { if try await check() { return true }; try await Task.sleep(for: .milliseconds(100)) }
        return false
    }

    static func bookCallback(_ app: Application) async throws -> TestingHTTPResponse {
        let visitor = FormClient(app)
        let slot = try CallbackTests.firstSlot(try await visitor.get("/callback").body.string)
        return try await visitor.post("/callback?lang=pl", ["phone": "600 100 200", "slot": slot, "powiat": "2061", "locality": "Białystok",
                                                           "postal_code": "15-371", "who": "seeker", "topic": "benefits"], csrfFrom: "/callback")
    }

    /// A listening test app whose gateway is a real Kannel calling it back.
    static func withGateway(_ body: @escaping (Application, KannelServer) async throws -> Void) async throws {
        try await withTestApp { app in
            let port = try await ChatTests.listen(app)
            defer { Task { await app.server.shutdown() } }
            let kannel = try KannelServer(inboundURL: "http://127.0.0.1:\(port)/sms/inbound?token=tok-123")
            defer { kannel.stop() }
            Self.configure(app, port: port, kannel: kannel)
            try await body(app, kannel)
        }
    }

    @Test(.enabled(if: KannelServer.available)) func smsGoOutThroughTheGatewayAndStopStopsThem() async throws {
        try await Self.withGateway { app, kannel in

            #expect(try await Self.bookCallback(app).status == .ok)
            let confirmation = try #require(try await SMSStore(db: app.db).recent().first)
            #expect(confirmation.phone == "+48600100200" && confirmation.kind == "callback_confirmation" && confirmation.body.contains("ZL-"))
            #expect(try await Self.sender(app).deliverDue() == 1)
            #expect(try await Self.eventually { kannel.received().count == 1 }, "the network took it")
            #expect(try await Self.eventually { try await SMSStore(db: app.db).find(confirmation.id)?.status == .delivered }, "delivery reported")

            // Forged reports and inbound calls without the gateway's token change nothing.
            let other = FormClient(app)
            #expect(try await other.get("/sms/dlr?id=\(confirmation.id)&sig=forged&status=2").status == .forbidden)
            #expect(try await other.get("/sms/inbound?token=wrong&from=48600100200&text=STOP").status == .forbidden)

            // STOP from the phone: no more SMS to it — neither waiting ones nor new ones.
            try await SMSStore(db: app.db).enqueue(SMSMessage(phone: "+48600100200", body: "Czeka", kind: "visit_reminder",
                                                              sendAt: Date().addingTimeInterval(3_600)), now: Date())
            try kannel.send(from: "48600100200", text: "STOP")
            #expect(try await Self.eventually { try await SMSStore(db: app.db).isOptedOut("+48600100200") })
            #expect(try await SMSStore(db: app.db).recent().first { $0.body == "Czeka" }?.status == .optedOut)
            #expect(try await Self.bookCallback(app).status == .ok)
            #expect(try await SMSStore(db: app.db).recent().first?.status == .optedOut)
            #expect(try await Self.sender(app).deliverDue(now: Date().addingTimeInterval(7_200)) == 0)

            // Anything else from a phone is an SMS contact of the sender's office.
            try kannel.send(from: "48600300400", text: "Proszę o kontakt w sprawie stażu")
            #expect(try await Self.eventually { try await ContactCenterStore(db: app.db).open().contains { $0.channel == .sms } })
            let sms = try #require(try await ContactCenterStore(db: app.db).open().first { $0.channel == .sms })
            #expect(try await ContactCenterStore(db: app.db).context(of: sms.id).message == "Proszę o kontakt w sprawie stażu")
        }
    }

    /// The gateway down (killed, as a crash or a restart leaves it) while messages are due: they
    /// wait, each with its back-off; when it is back each reaches the phone exactly once and is
    /// reported delivered, and later turns send nothing again.
    @Test(.enabled(if: KannelServer.available)) func messagesWaitOutAGatewayOutageAndGoOutOnceWhenItIsBack() async throws {
        try await Self.withGateway { app, kannel in
            let now = Date()
            for n in 1...3 {
                _ = try await SMSStore(db: app.db).enqueue(SMSMessage(phone: "+4860010020\(n)", body: "Przypomnienie \(n)", kind: "visit_reminder", sendAt: now), now: now)
            }
            kannel.stop()
            func attempts() async throws -> [Int] {
                let waiting = try await SMSStore(db: app.db).recent().filter { $0.kind == "visit_reminder" }
                #expect(waiting.count == 3 && waiting.allSatisfy { $0.status == .queued })
                return waiting.map(\.attempts).sorted()
            }
            #expect(try await Self.sender(app).deliverDue(now: now) == 0)
            #expect(try await attempts() == [0, 0, 1], "the turn stops at the first failure")
            #expect(try await Self.sender(app).deliverDue(now: now.addingTimeInterval(30)) == 0)
            #expect(try await attempts() == [0, 1, 1], "the next turn tries the next, not the one in its back-off")

            try kannel.start()
            #expect(try await Self.sender(app).deliverDue(now: now.addingTimeInterval(120)) == 3)
            #expect(try await Self.eventually { kannel.received().count == 3 }, "the network took each")
            #expect(try await Self.eventually {
                try await SMSStore(db: app.db).recent().filter { $0.kind == "visit_reminder" }.allSatisfy { $0.status == .delivered }
            }, "each reported delivered")
            #expect(try await Self.sender(app).deliverDue(now: now.addingTimeInterval(3_600)) == 0)
            try await Task.sleep(for: .seconds(1))
            let texts = kannel.received()
            #expect(texts.count == 3 && (1...3).allSatisfy { n in texts.filter { $0.contains("+4860010020\(n) ") }.count == 1 },
                    "each once: \(texts)")
        }
    }

    @Test func aConsultantSchedulesAVisitReminderAndASurveyGoesBySMSWithoutAnEmail() async throws {
        try await withTestApp { app in
            Self.configure(app, port: 8080, kannel: nil)
            let client = try await ClientStore(db: app.db).create(NewClient(number: "100000009", kind: .seeker, firstName: "Jan", lastName: "Nowak",
                                                                            officeID: "pup-2002", phones: ["+48600100200"]))
            let (_, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            let call = try await DesktopTests.call(app, client: client)
            _ = try await DesktopTests.route(app)
            #expect(try await desk.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            let pop = "/desktop/interactions/\(call.id)"
            #expect(try await desk.get(pop).body.string.contains("visit_date"))
            #expect(try await desk.post(pop + "/visit-reminder?lang=en", ["visit_date": "2020-01-01", "visit_time": "10:00"], csrfFrom: pop).status == .badRequest)
            #expect(try await desk.post(pop + "/visit-reminder", ["visit_date": "jutro", "visit_time": "25:00"], csrfFrom: pop).status == .badRequest)
            let calendar = app.services.contactCentre
            let day = calendar.localDate(of: Date().addingTimeInterval(3 * 86_400))
            #expect(try await desk.post(pop + "/visit-reminder", ["visit_date": day.description, "visit_time": "09:30"], csrfFrom: pop).status == .seeOther)
            let reminder = try #require(try await SMSStore(db: app.db).recent().first)
            let visit = calendar.instant(day, minutes: 570)
            #expect(reminder.kind == "visit_reminder" && reminder.phone == "+48600100200" && reminder.sendAt == visit.addingTimeInterval(-86_400))
            #expect(reminder.body.contains("Powiatowy Urząd Pracy w Białymstoku") && reminder.body.contains("STOP"))
            // A STOP recorded after the reminder was queued (a race): at its time it is refused, not sent nor retried.
            try await (app.db as! any SQLDatabase).raw("INSERT INTO sms_opt_outs (phone, at, source) VALUES ('+48600100200', \(bind: Date()), 'stop')").run()
            #expect(try await Self.sender(app).deliverDue(now: reminder.sendAt) == 0)
            #expect(try await SMSStore(db: app.db).find(reminder.id)?.status == .optedOut)

            // Closed with an outcome: no e-mail address, so the survey link goes by SMS.
            #expect(try await desk.post(pop + "/close", ["outcome": "resolved"], csrfFrom: pop).status == .seeOther)
            let survey = try #require(try await SMSStore(db: app.db).recent().first { $0.kind == "survey" })
            #expect(survey.body.contains("/survey/") && survey.phone == "+48600100200")
            #expect(try await SurveyStore(db: app.db).of(interactions: [call.id])[call.id] != nil)
        }
    }

    @Test func aSeekerChoosesWhatComesBySMSAndOfferAlertsGoThere() async throws {
        try await withTestApp { app in
            var form = AccountTests.goodForm
            form["phone"] = "600 700 800"
            let seeker = FormClient(app)
            _ = try await seeker.post("/register", form)
            _ = try await seeker.post("/login", ["email": "anna.nowak@example.org", "password": AccountTests.goodForm["password"]!])
            let page = try await seeker.get("/account/sms?lang=en").body.string
            #expect(page.contains("+48600700800") && page.contains("name=\"offer_alerts\""))
            #expect(try await seeker.post("/account/sms?lang=en", ["offer_alerts": "on", "reminders": "on"], csrfFrom: "/account/sms").body.string
                .contains("SMS settings saved"))
            #expect(try await SMSStore(db: app.db).preferences("+48600700800") == SMSPreferences(offerAlerts: true, reminders: true, surveys: false))
            // A survey to a number that declined surveys is kept as refused.
            #expect(try await !SMSStore(db: app.db).enqueue(SMSMessage(phone: "+48600700800", body: "Ankieta", kind: "survey", sendAt: Date()), now: Date()))

            // The saved search's new offer comes by SMS, not by e-mail.
            _ = try await seeker.post("/account/alerts", ["kind": "offers", "query": "q=spawacz&voivodeship=20", "frequency": "daily"], csrfFrom: "/account")
            let account = try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org"))
            let search = try #require(try await SavedSearchStore(db: app.db).list(account: account.id).first)
            let boss = try await OfferFlowTests.employer(app, email: "szef@stalmet.pl", nip: "5260250274")
            let company = try #require(try await EmployerStore(db: app.db).unverified(offices: nil).first)
            try await EmployerStore(db: app.db).verify(company: company.id, byOffice: "pup-2002")
            _ = try await boss.post("/employer/offers", OfferFlowTests.form, csrfFrom: "/employer/offers/new")
            let report = try await AlertRunner(app: app).runDue(now: search.nextRunAt)
            #expect(report.texts == 1 && report.mails == 0)
            let alert = try #require(try await SMSStore(db: app.db).recent().first { $0.kind == "offer_alert" })
            #expect(alert.phone == "+48600700800" && alert.status == .queued && alert.body.contains("/offers?q=spawacz"))

            // STOP: the page says so and offers to allow SMS again.
            try await SMSStore(db: app.db).optOut("+48600700800", source: "stop", now: Date())
            #expect(try await seeker.get("/account/sms?lang=en").body.string.contains("replied STOP"))
            _ = try await seeker.post("/account/sms", ["offer_alerts": "on", "allow_again": "on"], csrfFrom: "/account/sms")
            #expect(try await !SMSStore(db: app.db).isOptedOut("+48600700800"))
        }
    }
}
