import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import ContactCenter
import Clients

/// After a contact the client gets a 1–5 survey by e-mail; the answer attaches to the contact
/// (and shows in the client's history), once; nothing is sent when the client was not reached.
@Suite(.serialized) struct SurveyTests {
    static func surveyLinks(_ app: Application) async throws -> [String] {
        try await (app.db as! any SQLDatabase).raw("SELECT text_body FROM outbox WHERE kind = 'survey'").all().compactMap { row in
            let body = try row.decode(column: "text_body", as: String.self)
            return body.range(of: "/survey/").map { "/survey/" + body[$0.upperBound...].prefix { !$0.isWhitespace } }
        }
    }

    @Test func aClosedContactBringsASurveyAnsweredOnce() async throws {
        try await withTestApp { app in
            let (_, desk) = try await DesktopTests.consultant(app, "k1@example.org")
            let client = try await ClientStore(db: app.db).create(NewClient(number: "100000009", kind: .seeker, firstName: "Jan", officeID: "pup-2002",
                                                                            emails: ["jan@example.org"]))
            for outcome in ["not_reached", "resolved"] {
                let call = try await DesktopTests.call(app, client: client)
                _ = try await DesktopTests.route(app)
                #expect(try await desk.post("/desktop/offers/\(call.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
                #expect(try await desk.post("/desktop/interactions/\(call.id)/close", ["outcome": outcome],
                                            csrfFrom: "/desktop/interactions/\(call.id)").status == .seeOther)
            }
            let links = try await Self.surveyLinks(app)
            #expect(links.count == 1, "none after a contact that did not reach the client")
            let link = try #require(links.first)
            let visitor = FormClient(app)
            #expect(try await visitor.get(link + "?lang=en").body.string.contains("5 – very good"))
            let bad = try await visitor.post(link + "?lang=en", ["rating": "6"], csrfFrom: link)
            #expect(bad.status == .badRequest && bad.body.string.contains("Rating: choose a rating from 1 to 5."))
            #expect(try await visitor.post(link + "?lang=en", ["rating": "4", "comment": "Szybko i konkretnie"], csrfFrom: link)
                .body.string.contains("Thank you for your rating."))
            #expect(try await visitor.post(link, ["rating": "1"], csrfFrom: "/login").status == .ok)
            let stored = try #require(try await SurveyStore(db: app.db).find(tokenHash: Secrets.sha256Hex(String(link.dropFirst("/survey/".count)))))
            #expect(stored.rating == 4 && stored.comment == "Szybko i konkretnie")
            #expect(try await visitor.get("/survey/unknown-token").status == .notFound)

            // The next contact's screen pop shows the rating in the history.
            let next = try await DesktopTests.call(app, client: client)
            _ = try await DesktopTests.route(app)
            #expect(try await desk.post("/desktop/offers/\(next.id)/accept", [:], csrfFrom: "/desktop").status == .seeOther)
            let pop = try await desk.get("/desktop/interactions/\(next.id)?lang=en").body.string
            #expect(pop.contains("rating 4/5"))
        }
    }
}
