import Testing
import Foundation
import Vapor
import VaporTesting
import Fluent
@testable import App

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
}
