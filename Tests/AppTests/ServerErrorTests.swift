import Testing
import Foundation
import Vapor
import VaporTesting
import Fluent
import SQLKit
@testable import App
import Storage
import ContactCenter

struct UnexpectedFailure: Error {}

@Suite(.serialized) struct ServerErrorTests {
    @Test func unexpectedErrorsGiveA500PageInTheVisitorsLanguageAndProblemJSONInTheAPI() async throws {
        try await withTestApp { app in
            app.get("explode") { _ -> String in throw UnexpectedFailure() }
            app.get("api", "v1", "explode") { _ -> String in throw UnexpectedFailure() }
            try await app.testing().test(.GET, "/explode?lang=en") { res in
                #expect(res.status == .internalServerError)
                #expect(res.body.string.contains("Server error"))
                #expect(!res.body.string.contains("UnexpectedFailure"), "no internals on the page")
            }
            try await app.testing().test(.GET, "/api/v1/explode", headers: ["Accept-Language": "pl"]) { res in
                #expect(res.status == .internalServerError)
                #expect(res.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true)
                let body = try #require(try res.json() as? [String: Any])
                #expect(body["title"] as? String == "Błąd serwera")
                #expect(!(body["detail"] as? String ?? "").contains("UnexpectedFailure"))
            }
        }
    }

    /// The database away (restarting, failing over): 503 with Retry-After, said in the visitor's
    /// language, on pages and in the API — not a server fault.
    @Test func theDatabaseAwayGivesA503ToTryAgain() async throws {
        try await withTestApp { app in
            app.get("away") { _ -> String in throw ConnectionPoolTimeoutError.connectionRequestTimeout }
            app.get("api", "v1", "away") { _ -> String in throw ConnectionPoolTimeoutError.connectionRequestTimeout }
            try await app.testing().test(.GET, "/away?lang=uk") { res in
                #expect(res.status == .serviceUnavailable && res.headers.first(name: .retryAfter) == "5")
                #expect(res.body.string.contains("Сервіс ненадовго недоступний"))
            }
            try await app.testing().test(.GET, "/api/v1/away", headers: ["Accept-Language": "en"]) { res in
                #expect(res.status == .serviceUnavailable && res.headers.first(name: .retryAfter) == "5")
                let body = try #require(try res.json() as? [String: Any])
                #expect(body["title"] as? String == "Briefly unavailable")
            }
        }
    }

    /// The disk of an SQLite deployment full — here the database held at its present size, so
    /// SQLite itself fails a write with SQLITE_FULL as it does on a full disk: the visitor gets
    /// 507 and a page in their language saying nothing was saved, nothing is half-written (every
    /// contact acknowledged has its e-mail, no other), the file stays intact, and writes work
    /// again once there is room.
    @Test(.enabled(if: testDatabaseKind == "sqlite")) func aFullDiskGivesA507AndLeavesTheDatabaseWhole() async throws {
        try await withTestApp(sqliteFile: true) { app in
            func onEveryConnection(_ statement: String) async throws {
                for loop in app.eventLoopGroup.makeIterator() {
                    try await (app.databases.database(.sqlite, logger: app.logger, on: loop) as! any SQLDatabase).raw(SQLQueryString(statement)).run()
                }
            }
            let sql = app.db as! any SQLDatabase
            try await sql.raw("VACUUM").run()
            // The limit cannot go below the file's size: it holds the file as it is.
            try await onEveryConnection("PRAGMA max_page_count = 1")
            var acknowledged = 0, full = 0
            for _ in 1..<IntakePolicy.formsPerHour {
                let answer = try await FormClient(app).post("/contact?lang=uk", ContactFormTests.good, csrfFrom: "/contact")
                if answer.status == .ok { acknowledged += 1; continue }
                #expect(answer.status == .insufficientStorage, "refused otherwise: \(answer.status)")
                #expect(answer.body.string.contains("На сервері закінчилося місце"))
                full += 1
            }
            #expect(full > 0, "the full database refused the writes")
            let contacts = try await ContactCenterStore(db: app.db).open().count, mails = try await ContactFormTests.mails(app).count
            #expect(contacts == acknowledged && mails == acknowledged, "nothing half-written")
            let check = try await sql.raw("PRAGMA integrity_check").first()?.decode(column: "integrity_check", as: String.self)
            #expect(check == "ok")

            try await onEveryConnection("PRAGMA max_page_count = 1073741823")
            #expect(try await FormClient(app).post("/contact", ContactFormTests.good, csrfFrom: "/contact").status == .ok, "room again: writes work")
            #expect(try await ContactCenterStore(db: app.db).open().count == acknowledged + 1)
        }
    }
}
