import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import Privacy
import Clients
import Localization

/// Erasure and retention proven by looking everywhere: a person leaves their name, e-mail,
/// phone and PESEL through every channel (account, CV, alerts, newsletter, client record, web
/// form, callback, chat, complaint), then every text column of every table — read from the
/// live schema, so a new table cannot escape — is searched for them. After the account's
/// erasure they are only where a legal obligation keeps them (restricted); after retention
/// (a fake clock five years on) they are nowhere, while the statistics keep their counts.
@Suite(.serialized) struct ErasureAndRetentionTests {
    static let email = "zofia.qwertowska@example.org"
    static let pesel = "90010112349"

    /// (table, column) pairs whose text holds any of `markers` (case-insensitive).
    static func scan(_ app: Application, for markers: [String]) async throws -> [String] {
        let sql = app.db as! any SQLDatabase
        var columns: [(String, String)] = []
        if sql.dialect.name == "postgresql" {
            for r in try await sql.raw("""
                SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema()
                AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'tsvector')
                """).all() {
                columns.append((try r.decode(column: "t", as: String.self), try r.decode(column: "c", as: String.self)))
            }
        } else {
            for t in try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() {
                let table = try t.decode(column: "name", as: String.self)
                for c in try await sql.raw("SELECT name, type FROM pragma_table_info(\(bind: table))").all() {
                    let type = try c.decode(column: "type", as: String.self).uppercased()
                    // FTS columns have no type; blobs (files, photos, FTS segments) are not text.
                    if type.isEmpty || type.contains("TEXT") || type.contains("CHAR") || type.contains("JSON") {
                        columns.append((table, try c.decode(column: "name", as: String.self)))
                    }
                }
            }
        }
        #expect(columns.count > 150, "the scan reads the whole schema")
        var hits: [String] = []
        for (table, column) in columns {
            for marker in markers {
                let row = try await sql.raw("""
                    SELECT COUNT(*) AS n FROM \(ident: table) WHERE LOWER(CAST(\(ident: column) AS TEXT)) LIKE \(bind: "%" + marker.lowercased() + "%")
                    """).first()
                if try row?.decode(column: "n", as: Int.self) ?? 0 > 0 { hits.append("\(table).\(column)") }
            }
        }
        return Array(Set(hits)).sorted()
    }

    @Test func afterErasureOnlyWhatTheLawKeepsIsLeftAndAfterRetentionNothing() async throws {
        try await withTestApp { app in
            let cipher = app.services.cipher
            // The client record the office keeps (PESEL encrypted), found by the person's e-mail and phone.
            let client = try await ClientStore(db: app.db).create(NewClient(number: "300000007", kind: .seeker, firstName: "Zofia", lastName: "Qwertowska",
                                                                            peselCiphertext: try cipher.encrypt(Self.pesel), peselIndex: cipher.blindIndex(Self.pesel),
                                                                            officeID: "pup-2002", phones: ["+48600987654"], emails: [Self.email]))
            let stored = try #require(try await (app.db as! any SQLDatabase).select().column("pesel_ciphertext").column("pesel_index").from("clients")
                .where("id", .equal, SQLBind(client)).first())
            let markers = ["Qwertowska", Self.email, "600987654", Self.pesel,
                           try stored.decode(column: "pesel_ciphertext", as: String.self), try stored.decode(column: "pesel_index", as: String.self)]

            // The portal account with its CV, alert, SMS alerts and newsletter.
            var form = AccountTests.goodForm
            form["email"] = Self.email; form["first_name"] = "Zofia"; form["last_name"] = "Qwertowska"; form["phone"] = "600987654"
            let seeker = FormClient(app)
            #expect(try await seeker.post("/register", form).status == .seeOther)
            _ = try await seeker.post("/login", ["email": Self.email, "password": form["password"]!])
            let account = try #require(try await AccountStore(db: app.db).find(email: Self.email))
            try await ClientStore(db: app.db).link(client, account: account.id)
            var cv = CVFlowTests.cvForm
            cv["experience"] = "Magazyn, Zofia Qwertowska, tel. 600987654"
            #expect(try await seeker.post("/account/cvs", cv, csrfFrom: "/account/cvs/new").status == .seeOther)
            _ = try await SavedSearchStore(db: app.db).create(account: account.id, kind: .offers, query: "q=magazynier", label: "Qwertowska: magazyn",
                                                              frequency: .daily, now: Date())
            _ = try await seeker.post("/account/sms", ["offer_alerts": "on", "reminders": "on"], csrfFrom: "/account/sms")
            _ = try await FormClient(app).post("/newsletter", ["email": Self.email, "language": "pl"], csrfFrom: "/newsletter")

            // Contacts: a web form, a callback, a chat, a complaint.
            #expect(try await FormClient(app).post("/contact", ["email": Self.email, "powiat": "2061", "topic": "benefits", "name": "Zofia Qwertowska",
                                                                "message": "Proszę oddzwonić na 600987654."], csrfFrom: "/contact").status == .ok)
            let caller = FormClient(app)
            let slot = try CallbackTests.firstSlot(try await caller.get("/callback").body.string)
            #expect(try await caller.post("/callback", ["phone": "600 987 654", "slot": slot, "powiat": "2061", "locality": "Białystok",
                                                        "postal_code": "15-371", "who": "seeker", "topic": "registration"], csrfFrom: "/callback").status == .ok)
            ChatTests.hours(app, open: true)
            _ = try await DesktopTests.consultant(app, "k1@example.org")
            let visitor = FormClient(app)
            var start = ChatTests.start
            start["name"] = "Zofia Qwertowska"; start["email"] = Self.email
            _ = try await visitor.post("/chat", start, csrfFrom: "/chat")
            _ = try await visitor.post("/chat/say", ["text": "Mój PESEL to \(Self.pesel)"], csrfFrom: "/chat")
            #expect(try await FormClient(app).post("/complaints", ["name": "Zofia Qwertowska", "email": Self.email, "postal_code": "15-371",
                                                                   "text": "Nikt nie oddzwonił na numer 600987654."], csrfFrom: "/complaints").status == .ok)
            let everywhere = try await Self.scan(app, for: markers)
            for table in ["accounts", "seeker_profiles", "cvs", "clients", "client_contacts", "cc_interactions", "cc_chat_lines", "newsletter_subscribers",
                          "privacy_requests", "outbox", "saved_searches"] {
                #expect(everywhere.contains { $0.hasPrefix(table + ".") }, "the fixture reaches \(table): \(everywhere)")
            }
            let contacts = try await DataCount((app.db as! any SQLDatabase)).rows("cc_interactions", "1 = 1")
            #expect(contacts >= 3)

            // Erasure waits while the complaint is open (its answer goes to the address), and asks for the password.
            let page = try await seeker.get("/account/privacy?lang=en").body.string
            #expect(HTMLScan.decode(page).contains("Your contacts with the centre (\(contacts):"), "told before what is kept")
            let wrong = try await seeker.post("/account/privacy/erase?lang=en", ["password": "not it"], csrfFrom: "/account/privacy")
            #expect(wrong.status == .unauthorized && wrong.body.string.contains("this is not the password"))
            let waiting = try await seeker.post("/account/privacy/erase?lang=en", ["password": form["password"]!], csrfFrom: "/account/privacy")
            #expect(waiting.status == .conflict && waiting.body.string.contains("RODO-"))
            let request = try #require(try await DataRequestStore(db: app.db).list(offices: nil, calendar: DataRequestsController.calendar).first)
            let dpo = try await TestStaff.create(app, email: "iod@example.org", roles: [.dataProtectionOfficer], scope: .national)
            try await DataRequestStore(db: app.db).answer(request.id, text: "Przepraszamy, Zofia Qwertowska otrzyma telefon.", by: dpo.id, now: Date(),
                                                          mail: OutboxMessage(recipient: Self.email, subject: "Odpowiedź", textBody: "Pani Zofio Qwertowska",
                                                                              htmlBody: "<p>Pani Zofio Qwertowska</p>", language: "pl", kind: "privacy_request_answer"))

            let erased = try await seeker.post("/account/privacy/erase?lang=en", ["password": form["password"]!], csrfFrom: "/account/privacy")
            let told = HTMLScan.decode(erased.body.string)
            #expect(erased.status == .ok && told.contains("Account deleted") && told.contains("CVs: 1") && told.contains("Your contacts with the centre"))
            #expect(told.contains("Your requests and complaints (1)"))
            #expect(try await AccountStore(db: app.db).find(email: Self.email) == nil)
            #expect(try await seeker.get("/account/privacy").status == .seeOther, "signed out")

            // What is left is what the law keeps, and it is restricted: consultants do not find it, the officer does.
            let afterErasure = try await Self.scan(app, for: markers)
            let notKept = afterErasure.filter { ProcessingRegister.purpose(ofTable: String($0.split(separator: ".")[0]))?.basis != .legalObligation }
            #expect(notKept.isEmpty, "after erasure, data outside a legal obligation: \(notKept)")
            #expect(afterErasure.contains("clients.last_name") && afterErasure.contains { $0.hasPrefix("cc_interactions.") })
            let clients = ClientStore(db: app.db)
            #expect(try await clients.find(contact: "email", value: Self.email).isEmpty)
            #expect(try await clients.find(contact: "email", value: Self.email, includingRestricted: true).map(\.id) == [client])
            #expect(try await clients.find(id: client)?.restricted == true)
            let consultant = try await TestStaff.create(app, email: "k@example.org", roles: [.consultant], scope: .offices(["pup-2002"]))
            let desk = try await consultant.signIn(app)
            #expect(try await desk.get("/staff/clients/\(client)?reason=call").status == .notFound)
            #expect(!(try await desk.get("/staff/clients?by=email&q=\(Self.email)&reason=call").body.string.contains("300000007")))
            let officer = try await dpo.signIn(app)
            #expect(try await officer.get("/staff/clients?by=email&q=\(Self.email)&reason=data_request").body.string.contains("300000007"))
            let restricted = try await DataCount(app.db as! any SQLDatabase).rows("cc_interactions", "restricted_at IS NOT NULL")
            #expect(restricted >= 3, "the person's contacts are restricted")

            // Retention: a dry run changes nothing; five years on from the last contact (the callback is
            // booked for an hour up to ten days ahead, a weekend's Monday or later), the person is nowhere.
            let later = Retention.contactCentre.keptUntil(Date()).addingTimeInterval(15 * 86_400)
            let retention = PrivacyRetention(app: app)
            let dry = try await retention.sweep(now: later, dryRun: true)
            #expect(dry.clients >= 1 && dry.contacts >= 3 && dry.requests == 1)
            #expect(try await Self.scan(app, for: markers) == afterErasure, "a dry run changes nothing")
            let report = try await retention.sweep(now: later)
            #expect(report.ran && report.clients >= 1 && report.contacts == dry.contacts && report.requests == 1)
            let afterRetention = try await Self.scan(app, for: markers)
            #expect(afterRetention.isEmpty, "after retention the person is still in \(afterRetention)")
            #expect(try await DataCount(app.db as! any SQLDatabase).rows("cc_interactions", "1 = 1") == contacts, "statistics keep the counts")
            let again = try await retention.sweep(now: later)
            #expect(again.contacts == 0 && again.clients == 0, "nothing is done twice")
        }
    }

    @Test func restrictionStopsAllUseUntilLiftedAndUnusedAccountsAreWarnedThenDeleted() async throws {
        try await withTestApp { app in
            let seeker = try await CVFlowTests.seekerWithPhone(app)
            #expect(try await seeker.post("/account/cvs", CVFlowTests.cvForm, csrfFrom: "/account/cvs/new").status == .seeOther)
            let cv = try await CVFlowTests.firstCV(app)
            _ = try await SavedSearchStore(db: app.db).create(account: cv.accountID, kind: .offers, query: "q=magazynier", label: "Magazynier",
                                                              frequency: .daily, now: Date().addingTimeInterval(-3 * 86_400))
            let later = Date().addingTimeInterval(2 * 86_400)
            func due() async throws -> Bool { try await SavedSearchStore(db: app.db).due(now: later).contains { $0.accountID == cv.accountID } }
            func found() async throws -> Bool {
                try await CVStore(db: app.db).searchCandidates(CandidateCriteria()).candidates.contains { $0.id == cv.id }
            }
            #expect(try await due())
            #expect(try await found())
            let restricted = try await seeker.post("/account/privacy/restriction?lang=en", ["action": "restrict"], csrfFrom: "/account/privacy")
            #expect(restricted.status == .ok && restricted.body.string.contains("The processing of your data is restricted.")
                    && restricted.body.string.contains("Processing restricted since"))
            #expect(try await !due())
            #expect(try await !found())
            #expect(try await CVStore(db: app.db).candidate(cv.id) == nil)
            #expect(try await seeker.post("/account/privacy/restriction", ["action": "pause"], csrfFrom: "/account/privacy").status == .badRequest)
            _ = try await seeker.post("/account/privacy/restriction", ["action": "lift"], csrfFrom: "/account/privacy")
            #expect(try await due())
            #expect(try await found())

            // Nobody signs in for almost three years: warned with a month's notice, then deleted; a sign-in in between saves the account.
            let sql = app.db as! any SQLDatabase
            let inactivity = app.services.config.accountInactivity
            let now = Date()
            try await sql.update("accounts").set("last_seen_at", to: SQLBind(now.addingTimeInterval(-Double(inactivity.inactiveDays - 20) * 86_400)))
                .where("id", .equal, SQLBind(cv.accountID)).run()
            let retention = PrivacyRetention(app: app)
            #expect(try await retention.sweep(now: now, dryRun: true).accountsWarned == 1)
            #expect(try await retention.sweep(now: now).accountsWarned == 1)
            let warning = try #require(try await Outbox(db: app.db).recent().first { $0.kind == "account_deletion_warning" })
            #expect(warning.recipient == "anna.nowak@example.org" && warning.textBody.contains("/login"))
            #expect(try await retention.sweep(now: now.addingTimeInterval(86_400)).accountsWarned == 0, "warned once")
            // Twenty days left of the three years, but the notice is a month: not yet.
            #expect(try await retention.sweep(now: now.addingTimeInterval(25 * 86_400)).accountsDeleted == 0)
            #expect(try await retention.sweep(now: now.addingTimeInterval(31 * 86_400)).accountsDeleted == 1)
            #expect(try await AccountStore(db: app.db).find(id: cv.accountID) == nil)
            #expect(try await CVStore(db: app.db).candidate(cv.id) == nil)

            // A sign-in after the warning restarts the clock.
            var form = AccountTests.goodForm
            form["email"] = "ewa.las@example.org"
            let other = FormClient(app)
            _ = try await other.post("/register", form)
            let ewa = try #require(try await AccountStore(db: app.db).find(email: "ewa.las@example.org"))
            try await sql.update("accounts").set("last_seen_at", to: SQLBind(now.addingTimeInterval(-Double(inactivity.inactiveDays - 20) * 86_400)))
                .where("id", .equal, SQLBind(ewa.id)).run()
            #expect(try await retention.sweep(now: now).accountsWarned == 1)
            _ = try await other.post("/login", ["email": "ewa.las@example.org", "password": form["password"]!])
            #expect(try await retention.sweep(now: now.addingTimeInterval(40 * 86_400)).accountsDeleted == 0)
            #expect(try await AccountStore(db: app.db).find(id: ewa.id) != nil)
        }
    }
}
