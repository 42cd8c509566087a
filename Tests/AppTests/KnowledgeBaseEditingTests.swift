import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Portal

/// Editing the knowledge base through the staff pages: scope, the review step, two editors on
/// one entry, translations that fall behind, and a source that cannot go before them.
@Suite(.serialized) struct KnowledgeBaseEditingTests {
    static func form(_ title: String, office: String = "pup-2002", status: String = "draft", version: String? = nil) -> [String: String] {
        var f = ["kind": "faq", "category": "benefits", "language": "pl", "office_id": office, "title": title,
                 "body": "Wnioski przyjmujemy w pokoju 12, od poniedziałku do piątku.", "tags": "zasiłek, pokój", "status": status]
        if let version { f["version"] = version }
        return f
    }

    static func publicTitles(_ app: Application) async throws -> [String] {
        var titles: [String] = []
        try await app.testing().test(.GET, "/api/v1/kb?lang=pl&office=pup-2002&per_page=100") { res in
            let body = (try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]) ?? [:]
            titles = ((body["items"] as? [[String: Any]]) ?? []).compactMap { $0["title"] as? String }
        }
        return titles
    }

    @Test func anOfficeEditorDraftsPublishesAndIsToldWhenAColleagueSavedFirst() async throws {
        try await withTestApp { app in
            let ewa = try await TestStaff.create(app, email: "ewa@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"]))
            let jan = try await TestStaff.create(app, email: "jan@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"]))
            let a = try await ewa.signIn(app), b = try await jan.signIn(app)
            #expect(try await a.post("/staff/kb", Self.form("Zasiłek dla całej Polski", office: ""), csrfFrom: "/staff/kb/new").status == .forbidden,
                    "national entries are for national editors")
            let bad = try await a.post("/staff/kb?lang=en", ["kind": "faq", "category": "nope", "language": "pl", "title": "x", "body": ""],
                                       csrfFrom: "/staff/kb/new")
            #expect(bad.status == .badRequest && bad.body.string.contains("aria-invalid"))

            let made = try await a.post("/staff/kb", Self.form("Gdzie złożyć wniosek o zasiłek w Białymstoku?"), csrfFrom: "/staff/kb/new")
            let location = try #require(made.headers.first(name: .location))
            #expect(location.hasSuffix("/edit?notice=saved"))
            let edit = String(location.prefix { $0 != "?" })
            let id = try #require(UUID(uuidString: edit.split(separator: "/")[2].description))
            #expect(!(try await Self.publicTitles(app)).contains("Gdzie złożyć wniosek o zasiłek w Białymstoku?"), "a draft is not public")

            // Both open version 1; Ewa publishes first, Jan's save is refused with who and when.
            _ = try await b.get(edit)
            #expect(try await a.post("/staff/kb/\(id)", Self.form("Gdzie złożyć wniosek o zasiłek w Białymstoku?", status: "published", version: "1"),
                                     csrfFrom: edit).status == .seeOther)
            #expect(try await Self.publicTitles(app).contains("Gdzie złożyć wniosek o zasiłek w Białymstoku?"))
            let late = try await b.post("/staff/kb/\(id)?lang=en", Self.form("Wniosek o zasiłek – pokój 14", version: "1"), csrfFrom: edit)
            #expect(late.status == .conflict)
            #expect(late.body.string.contains("Test ewa@example.org saved this entry") && late.body.string.contains("Wniosek o zasiłek – pokój 14"))
            #expect(try await KnowledgeBaseStore(db: app.db).find(id)?.draft.title == "Gdzie złożyć wniosek o zasiłek w Białymstoku?")
            // Jan saves again on the version the conflict page carries.
            #expect(try await b.post("/staff/kb/\(id)", Self.form("Wniosek o zasiłek – pokój 14", status: "published", version: "2"),
                                     csrfFrom: edit).status == .seeOther)
            let versions = try await KnowledgeBaseStore(db: app.db).versions(of: id)
            #expect(versions.map(\.version) == [3, 2, 1] && versions.first?.changedBy == jan.id)
            #expect(try await a.get("/staff/kb/\(id)/versions").body.string.contains("Test jan@example.org"))
        }
    }

    @Test func aTranslationIsFlaggedWhenItsSourceChangesAndTheSourceWaitsForItsTranslations() async throws {
        try await withTestApp { app in
            let ewa = try await TestStaff.create(app, email: "ewa@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"]))
            let a = try await ewa.signIn(app)
            let made = try await a.post("/staff/kb", Self.form("Gdzie złożyć wniosek o zasiłek?", status: "published"), csrfFrom: "/staff/kb/new")
            let source = try #require(UUID(uuidString: (made.headers.first(name: .location) ?? "").split(separator: "/")[2].description))
            let prefilled = try await a.get("/staff/kb/new?translation_of=\(source)&lang=en").body.string
            #expect(prefilled.contains("Translation of: Gdzie złożyć wniosek o zasiłek?"))
            var uk = Self.form("Де подати заяву на допомогу?", status: "published")
            uk["language"] = "uk"; uk["translation_of"] = source.uuidString
            uk["body"] = "Заяви приймаємо в кімнаті 12."
            #expect(try await a.post("/staff/kb", uk, csrfFrom: "/staff/kb/new").status == .seeOther)
            var orphan = uk
            orphan["translation_of"] = ""
            #expect(try await a.post("/staff/kb?lang=en", orphan, csrfFrom: "/staff/kb/new").body.string.contains("is a translation"))

            #expect(try await a.post("/staff/kb/\(source)", Self.form("Gdzie złożyć wniosek o zasiłek?", status: "published", version: "1"),
                                     csrfFrom: "/staff/kb/new").status == .seeOther)
            #expect(try await a.get("/staff/kb?lang=en").body.string.contains("translation out of date"))
            let refused = try await a.post("/staff/kb/\(source)/delete?lang=en", [:], csrfFrom: "/staff/kb/new")
            #expect(refused.status == .conflict && refused.body.string.contains("it has translations (1)"))
        }
    }
}
