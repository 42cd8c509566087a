import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Portal
import Knowledge

/// The public knowledge base: the shipped starter set is there, `GET /api/v1/kb` answers in the
/// asked language with `{total, items}`, the visitor's office adds its entries, misses are
/// recorded, script in content is shown as text, drafts are not found, and votes count once.
@Suite(.serialized) struct KnowledgeBaseWebTests {
    static func json(_ app: Application, _ path: String) async throws -> (HTTPStatus, [String: Any]) {
        var out: (HTTPStatus, [String: Any]) = (.ok, [:])
        try await app.testing().test(.GET, path) { res in
            out = (res.status, (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]) ?? [:])
        }
        return out
    }

    @Test func theStarterSetAnswersInEveryLanguageAndTheOfficesOwnEntriesJoinForItsVisitors() async throws {
        try await withTestApp { app in
            try await KBInterchange.loadStarter(app)
            let (status, pl) = try await Self.json(app, "/api/v1/kb?q=godziny&lang=pl")
            let items = try #require(pl["items"] as? [[String: Any]])
            #expect(status == .ok && (pl["total"] as? Int ?? 0) >= 1)
            #expect((items.first?["title"] as? String)?.contains("godzinach") == true)
            let (_, uk) = try await Self.json(app, "/api/v1/kb?q=%D0%BB%D1%96%D0%BD%D1%96%D1%8F&lang=uk")  // "лінія"
            #expect((uk["items"] as? [[String: Any]])?.first?["language"] as? String == "uk")
            #expect((uk["items"] as? [[String: Any]])?.first?["translation_of"] as? String != nil)

            let a = app.services.analyzer
            let local = try await KnowledgeBaseStore(db: app.db).create(
                KBDraft(category: .registration, officeID: "pup-2002", title: "Rejestracja w PUP Białystok – gdzie?",
                        body: "Sala obsługi na parterze. <script>alert(1)</script>"), status: .published, by: UUID(), analyzer: a)
            let (_, national) = try await Self.json(app, "/api/v1/kb?q=rejestracja&lang=pl")
            #expect(!((national["items"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == local.uuidString })
            let (_, withOffice) = try await Self.json(app, "/api/v1/kb?q=rejestracja&lang=pl&postal_code=15-371")
            #expect(((withOffice["items"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == local.uuidString })
            let (bad, problem) = try await Self.json(app, "/api/v1/kb?lang=en&category=nonsense&postal_code=99-999")
            #expect(bad == .badRequest && ((problem["errors"] as? [[String: Any]]) ?? []).map { $0["field"] as? String } == ["category", "postal_code"])

            // The page shows the script as text.
            var page = ""
            try await app.testing().test(.GET, "/faq/\(local.uuidString.lowercased())") { page = $0.body.string }
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains("<script>alert"))

            // Nothing found: kept for the editors.
            _ = try await Self.json(app, "/api/v1/kb?q=kosmodrom&lang=pl")
            _ = try await Self.json(app, "/api/v1/kb?q=Kosmodrom&lang=pl")
            let misses = try await KnowledgeBaseStore(db: app.db).misses()
            #expect(misses.first?.query == "kosmodrom" && misses.first?.count == 2)
        }
    }

    @Test func draftsAreNotFoundAndAVisitorVotesOnce() async throws {
        try await withTestApp { app in
            let store = KnowledgeBaseStore(db: app.db), a = app.services.analyzer
            let draft = try await store.create(KBDraft(category: .offers, title: "Szkic odpowiedzi o ofertach", body: "Jeszcze nie do publikacji."),
                                               status: .draft, by: UUID(), analyzer: a)
            var status: HTTPStatus = .ok
            try await app.testing().test(.GET, "/faq/\(draft.uuidString.lowercased())") { status = $0.status }
            #expect(status == .notFound)
            let live = try await store.create(KBDraft(category: .offers, title: "Gdzie szukać ofert pracy?", body: "Na portalu, bez rejestracji."),
                                              status: .published, by: UUID(), analyzer: a)
            let visitor = FormClient(app)
            let path = "/faq/\(live.uuidString.lowercased())"
            #expect(try await visitor.post(path + "/helpful", ["helpful": "yes"], csrfFrom: path).status == .seeOther)
            // The page no longer offers the vote; a second one (a replayed form) is not counted.
            #expect(try await visitor.post(path + "/helpful", ["helpful": "yes"], csrfFrom: "/login").status == .seeOther)
            #expect(try await visitor.post(path + "/helpful?lang=en", ["helpful": "maybe"], csrfFrom: "/login").status == .badRequest)
            #expect(try await store.find(live)?.helpfulYes == 1)
            #expect(try await visitor.get(path + "?lang=en").body.string.contains("Thank you for your feedback."))
        }
    }
}
