import Testing
import Foundation
import Vapor
import VaporTesting
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
}
