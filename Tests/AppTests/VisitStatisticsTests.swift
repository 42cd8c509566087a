import Testing
import Foundation
import Vapor
import VaporTesting
import SQLKit
@testable import App
@testable import Storage
import Access

/// Visit statistics without cookies or stored addresses: a person's views of public pages are
/// counted, once a day as a visitor, with the referring site; robots, "do not track", errors and
/// staff pages are not; when the day ends only the count stays; editors read them, an office's
/// editor their own office's pages.
@Suite(.serialized) struct VisitStatisticsTests {
    static let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
    static let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"

    @discardableResult
    static func view(_ app: Application, _ path: String, agent: String?, _ extra: [(String, String)] = []) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.GET, path, beforeRequest: { req in
            if let agent { req.headers.replaceOrAdd(name: .userAgent, value: agent) }
            for (k, v) in extra { req.headers.replaceOrAdd(name: k, value: v) }
        }) { result = $0 }
        return result!
    }

    @Test func peoplesViewsAreCountedRobotsAndDoNotTrackAreNotAndOnlyTheCountOutlivesTheDay() async throws {
        try await withTestApp { app in
            let first = try await Self.view(app, "/offers", agent: Self.chrome, [("Referer", "https://www.google.com/search?q=praca")])
            #expect(first.status == .ok)
            try await Self.view(app, "/offers?q=kierowca", agent: Self.chrome)
            try await Self.view(app, "/offices/pup-2002", agent: Self.chrome, [("Referer", app.services.config.publicURL + "/offers")])
            try await Self.view(app, "/faq", agent: Self.firefox)
            // Not counted: a robot, a script, "do not track", Global Privacy Control, a missing page, staff pages, the API.
            try await Self.view(app, "/offers", agent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
            try await Self.view(app, "/offers", agent: nil)
            let untracked = try await Self.view(app, "/offers", agent: Self.firefox, [("DNT", "1")])
            // Counting adds no cookie of its own: a counted view gets the cookies an uncounted one gets.
            #expect(first.headers.setCookie?.all.keys.sorted() == untracked.headers.setCookie?.all.keys.sorted())
            try await Self.view(app, "/offers", agent: Self.firefox, [("Sec-GPC", "1")])
            try await Self.view(app, "/no-such-page", agent: Self.chrome)
            try await Self.view(app, "/staff/login", agent: Self.chrome)
            try await Self.view(app, "/api/v1/offers", agent: Self.chrome)
            let store = VisitStore(db: app.db)
            try await app.services.visitTally.flush(store)
            let today = VisitStore.day(Date())
            #expect(try await store.days(from: today) == [VisitStore.Day(day: today, views: 4, visitors: 2)])
            let pages = try await store.topPages(from: today, sections: nil)
            #expect(pages.map(\.page) == ["/offers", "/faq", "/offices/pup-2002"] && pages.first?.views == 2)
            #expect(try await store.topReferrers(from: today).map(\.host) == ["google.com"])
            // Nothing stored holds the address or the browser: the visitors are salted hashes.
            let sql = app.db as! any SQLDatabase
            let hashes = try await sql.raw("SELECT hash FROM visit_visitors").all().map { try $0.decode(column: "hash", as: String.self) }
            #expect(hashes.count == 2 && hashes.allSatisfy { !$0.contains("127.0.0.1") && !$0.contains("Mozilla") && $0.count == 24 })
            // The same person tomorrow is a visitor again; today's hashes and salt go, the count stays.
            let tomorrow = Date().addingTimeInterval(86_400)
            app.services.visitTally.record(page: "/offers", referrer: nil, visitor: "127.0.0.1|" + Self.chrome, at: tomorrow)
            try await app.services.visitTally.flush(store, now: tomorrow)
            #expect(try await store.days(from: today) == [VisitStore.Day(day: today, views: 4, visitors: 2),
                                                          VisitStore.Day(day: VisitStore.day(tomorrow), views: 1, visitors: 1)])
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM visit_visitors WHERE day = \(bind: today)").first()?.decode(column: "n", as: Int.self) == 0)
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM visit_salts WHERE day = \(bind: today)").first()?.decode(column: "n", as: Int.self) == 0)
            // A failed write loses nothing: what was drained is put back.
            app.services.visitTally.record(page: "/faq", referrer: nil, visitor: "x", at: tomorrow)
            try await sql.raw("DROP TABLE visit_referrers").run()
            app.services.visitTally.record(page: "/faq", referrer: "example.org", visitor: "x", at: tomorrow)
            await #expect(throws: (any Error).self) { try await app.services.visitTally.flush(store, now: tomorrow) }
            #expect(app.services.visitTally.drain().values.first?.views == 2)
        }
    }

    @Test func editorsReadTheStatisticsAnOfficesEditorItsOwnPages() async throws {
        try await withTestApp { app in
            try await Self.view(app, "/offers", agent: Self.chrome)
            try await Self.view(app, "/offices/pup-2002", agent: Self.chrome)
            try await Self.view(app, "/offices/pup-1061", agent: Self.chrome)
            try await app.services.visitTally.flush(VisitStore(db: app.db))
            let office = try await TestStaff.create(app, email: "redaktor@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"])).signIn(app)
            let html = try await office.get("/staff/statistics?lang=en").body.string
            #expect(html.contains("Visit statistics") && html.contains("/offices/pup-2002") && !html.contains("/offices/pup-1061"))
            #expect(html.contains("Pages of office pup-2002"))
            let national = try await TestStaff.create(app, email: "krajowy@example.org", roles: [.officeEditor], scope: .national).signIn(app)
            let all = try await national.get("/staff/statistics?days=7&lang=en").body.string
            #expect(all.contains("/offices/pup-1061") && all.contains("/offers") && all.contains("aria-current=\"page\">7 days"))
            let consultant = try await TestStaff.create(app, email: "k@example.org", roles: [.consultant], scope: .offices(["pup-2002"])).signIn(app)
            #expect(try await consultant.get("/staff/statistics").status == .forbidden)
        }
    }
}
