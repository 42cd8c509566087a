import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import ContactCenter

/// "Ask about returning" (`/returns`): the countries in the visitor's language, each field
/// checked with a message in that language, and a question that becomes a contact of the
/// national returns queue — a consultant of the national pool may take it at once, while a
/// powiat's contact still waits for its own office — answered by e-mail under its case number.
@Suite(.serialized) struct ReturnsQuestionTests {
    static let good = ["email": "marta@example.org", "name": "Marta Nowak", "country": "DE",
                       "question": "Wracam z Niemiec w marcu. Czy zasiłek z Niemiec mogę przenieść do Polski?"]

    @Test func theCountriesAreNamedAndOrderedInTheVisitorsLanguage() async throws {
        try await withTestApp { app in
            let visitor = FormClient(app)
            let pl = try await visitor.get("/returns?lang=pl").body.string
            let ru = try await visitor.get("/returns?lang=ru").body.string
            #expect(pl.contains(">Niemcy</option>") && ru.contains(">Германия</option>") && !pl.contains(">Germany</option>"))
            // Polish order: C, Cz, Ć…; Ł after L.
            let order = ["Chorwacja", "Czechy", "Litwa", "Łotwa", "Ukraina"].map { pl.range(of: ">\($0)</option>")!.lowerBound }
            #expect(order == order.sorted())
            // 249 countries of ISO 3166-1 and Kosovo, after the blank "choose" option.
            #expect(pl.components(separatedBy: "<option value=\"").count - 1 == 1 + 250)
            // The general contact form does not offer the national topic.
            let contact = try await visitor.get("/contact?lang=en").body.string
            #expect(!contact.contains("value=\"returns\"") && contact.contains("href=\"/returns\""))
        }
    }

    @Test func eachFieldIsCheckedInTheVisitorsLanguageAndNothingIsStored() async throws {
        try await withTestApp { app in
            let refused = try await FormClient(app).post("/returns?lang=uk", ["email": "marta", "name": " ", "country": "XX", "question": "Як?"],
                                                         csrfFrom: "/returns")
            let html = refused.body.string
            #expect(refused.status == .badRequest)
            #expect(html.contains("Ім&#39;я та прізвище: напишіть") || html.contains("Ім'я та прізвище: напишіть"))
            #expect(html.contains("Країна: виберіть країну зі списку.") && html.contains("Запитання: напишіть щонайменше 10 символів."))
            #expect(html.contains("aria-invalid=\"true\""))
            #expect(try await ContactCenterStore(db: app.db).open().isEmpty)
            #expect(try await Outbox(db: app.db).recent().isEmpty)
        }
    }

    @Test func aQuestionGoesToTheNationalQueueAndIsAnsweredByEmailInItsCase() async throws {
        try await withTestApp { app in
            // The returns office's consultant is on a call; then a web-form message of a powiat
            // served by that office and a returns question arrive.
            let (_, own) = try await DesktopTests.consultant(app, "k1@example.org")
            let call = try await DesktopTests.call(app)
            _ = try await DesktopTests.route(app)
            #expect(try await own.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            #expect(try await FormClient(app).post("/contact", ContactFormTests.good, csrfFrom: "/contact").status == .ok)
            let local = try #require(try await ContactCenterStore(db: app.db).open().first { $0.channel == .webForm })
            let sent = try await FormClient(app).post("/returns?lang=pl", Self.good, csrfFrom: "/returns")
            #expect(sent.status == .ok && sent.body.string.contains("Pytanie wysłane. Numer sprawy: ZL-"))
            let question = try #require(try await ContactCenterStore(db: app.db).open().first { $0.topic == "returns" })
            #expect(question.channel == .webForm && question.language == "pl" && question.officeID == app.services.config.returnsOffice)
            let context = try await ContactCenterStore(db: app.db).context(of: question.id)
            let caseNumber = ContactMessage.caseNumber(question.id)
            #expect(context.country == "DE" && context.email == "marta@example.org" && context.caseNumber == caseNumber)
            let confirmation = try #require(try await Outbox(db: app.db).recent().first { $0.kind == "returns_confirmation" })
            #expect(confirmation.recipient == "marta@example.org" && confirmation.textBody.contains(caseNumber) && confirmation.textBody.contains("kraj: Niemcy"))

            // A consultant of the national pool (no office of their own) is offered the
            // question at once; the powiat's message stays for its own office.
            let national = try await TestStaff.create(app, email: "kraj@example.org", roles: [.consultant], scope: .national)
            let desk = try await national.signIn(app)
            #expect(try await desk.get("/desktop").status == .ok)
            #expect(try await desk.post("/desktop/state", ["state": "available"], csrfFrom: "/desktop").status == .seeOther)
            _ = try await DesktopTests.route(app)
            let after = try await ContactCenterStore(db: app.db).open()
            #expect(after.first { $0.id == question.id }?.state == .offered && after.first { $0.id == local.id }?.state == .queued)

            #expect(try await desk.post("/desktop/offers/\(question.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            let path = "/desktop/interactions/\(question.id)"
            let pop = try await desk.get(path + "?lang=en").body.string
            #expect(pop.contains("Germany (DE)") && pop.contains("Returning from abroad") && pop.contains("action=\"\(path)/reply\""))
            let replied = try await desk.post(path + "/reply", ["reply": "Tak, formularz U2 pozwala przenieść zasiłek na 3 miesiące."], csrfFrom: path)
            #expect(replied.status == .seeOther)
            let reply = try #require(try await Outbox(db: app.db).recent().first { $0.kind == "mail_reply" })
            #expect(reply.recipient == "marta@example.org" && reply.subject.contains("[\(caseNumber)]") && reply.textBody.contains("U2"))
        }
    }
}
