import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import ContactCenter

/// The contact form: a web-form contact for the powiat's office with a confirmation e-mail
/// and case number; e-mail and powiat required; robots caught by the hidden field and a limit
/// per address; script in a message stays text on the consultant's screen.
@Suite(.serialized) struct ContactFormTests {
    static let good = ["email": "anna@example.org", "powiat": "2061", "topic": "benefits", "name": "Anna",
                       "message": "Dzień dobry, kiedy dostanę zasiłek? <script>alert(1)</script>"]

    static func mails(_ app: Application) async throws -> [String] {
        try await (app.db as! any SQLDatabase).raw("SELECT recipient, text_body FROM outbox WHERE kind = 'contact_confirmation'").all()
            .map { try $0.decode(column: "text_body", as: String.self) }
    }

    @Test func aMessageBecomesAContactOfThePowiatsOfficeWithACaseNumber() async throws {
        try await withTestApp { app in
            let visitor = FormClient(app)
            let sent = try await visitor.post("/contact", Self.good, csrfFrom: "/contact")
            #expect(sent.status == .ok && sent.body.string.contains("Numer sprawy: ZL-"))
            let open = try await ContactCenterStore(db: app.db).open()
            let i = try #require(open.first)
            #expect(open.count == 1 && i.channel == .webForm && i.officeID == "pup-2002" && i.topic == "benefits" && i.language == "pl")
            let context = try await ContactCenterStore(db: app.db).context(of: i.id)
            #expect(context.email == "anna@example.org" && context.message?.contains("<script>") == true)
            let caseNumber = ContactMessage.caseNumber(i.id)
            #expect(sent.body.string.contains(caseNumber) && context.caseNumber == caseNumber)
            #expect(try await Self.mails(app).first?.contains(caseNumber) == true)

            // On the consultant's screen the message is text.
            let (_, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            _ = try await DesktopTests.route(app)
            #expect(try await desk.post("/desktop/offers/\(i.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            let pop = try await desk.get("/desktop/interactions/\(i.id)").body.string
            #expect(pop.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !pop.contains("<script>alert"))
        }
    }

    @Test func emailAndPowiatAreRequiredAndRobotsGetNothing() async throws {
        try await withTestApp { app in
            let visitor = FormClient(app)
            var bad = Self.good
            bad["email"] = "anna"; bad["powiat"] = ""; bad["message"] = "hej"
            let refused = try await visitor.post("/contact?lang=en", bad, csrfFrom: "/contact")
            let html = refused.body.string
            #expect(refused.status == .badRequest && html.contains("E-mail") && html.contains("Powiat: choose a powiat from the list.")
                    && html.contains("Message: write at least 10 characters."))
            var robot = Self.good
            robot["website"] = "http://spam.example"
            let fooled = try await visitor.post("/contact?lang=en", robot, csrfFrom: "/contact")
            #expect(fooled.status == .ok && fooled.body.string.contains("Case number"))
            let stored = try await ContactCenterStore(db: app.db).open(), mailed = try await Self.mails(app)
            #expect(stored.isEmpty && mailed.isEmpty)

            // Every real attempt counts (the refused one above too); then the address waits.
            for _ in 1..<IntakePolicy.formsPerHour {
                #expect(try await visitor.post("/contact", Self.good, csrfFrom: "/contact").status == .ok)
            }
            let flood = try await visitor.post("/contact?lang=en", Self.good, csrfFrom: "/contact")
            #expect(flood.status == .tooManyRequests && flood.body.string.contains("too many messages"))
            #expect(try await ContactCenterStore(db: app.db).open().count == IntakePolicy.formsPerHour - 1)
        }
    }
}
