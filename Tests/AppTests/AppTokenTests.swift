import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Portal

/// The Moja Praca app's sign-in: a token per device, scoped, listed on the account page and
/// revocable there or by the device itself, ended by "sign out everywhere" and by expiry;
/// bad sign-ins get problem details naming the field, in the user's language.
@Suite(.serialized) struct AppTokenTests {
    static func call(_ app: Application, _ method: HTTPMethod, _ path: String, token: String? = nil, json: [String: String]? = nil) async throws -> (HTTPStatus, [String: Any], String) {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var body = ByteBuffer()
        if let json { headers.contentType = .json; body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json)) }
        var out: (HTTPStatus, [String: Any], String) = (.ok, [:], "")
        try await app.testing().test(method, path, headers: headers, body: body) { res in
            let text = res.body.string
            out = (res.status, (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:], text)
        }
        return out
    }

    static func signIn(_ app: Application, device: String, scopes: String? = nil) async throws -> String {
        var form = ["email": "anna.nowak@example.org", "password": AccountTests.goodForm["password"]!, "device": device]
        if let scopes { form["scopes"] = scopes }
        let (status, json, text) = try await call(app, .POST, "/api/v1/app/sign-in", json: form)
        #expect(status == .created, "\(text)")
        let token = try #require(json["token"] as? String)
        #expect(token.hasPrefix("zla_") && (json["scopes"] as? [String]) == (scopes.map { $0.split(separator: " ").map(String.init).sorted() } ?? AppScope.allCases.map(\.rawValue).sorted()))
        return token
    }

    @Test func aDeviceSignsInReadsWithinItsScopesAndIsSignedOutEveryWay() async throws {
        try await withTestApp { app in
            let browser = try await MatchingTests.seeker(app)
            let account = try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org"))
            let saved = try await SavedSearchStore(db: app.db).create(account: account.id, kind: .offers, query: "q=magazynier", label: "Magazynier",
                                                                      frequency: .daily)

            // Bad sign-ins: the field named in the user's language; wrong password; not a seeker.
            let (missing, problem, _) = try await Self.call(app, .POST, "/api/v1/app/sign-in?lang=en", json: ["email": "anna.nowak@example.org", "password": "x"])
            #expect(missing == .badRequest && (problem["errors"] as? [[String: String]])?.first?["field"] == "device")
            let (wrong, _, _) = try await Self.call(app, .POST, "/api/v1/app/sign-in", json: ["email": "anna.nowak@example.org", "password": "nie to", "device": "Pixel"])
            #expect(wrong == .unauthorized)
            let (scopes, badScope, _) = try await Self.call(app, .POST, "/api/v1/app/sign-in?lang=en", json: ["email": "anna.nowak@example.org",
                                                                                                          "password": AccountTests.goodForm["password"]!,
                                                                                                          "device": "Pixel", "scopes": "read everything"])
            #expect(scopes == .badRequest && (badScope["errors"] as? [[String: String]])?.first?["field"] == "scopes")

            let reader = try await Self.signIn(app, device: "Pixel 8 (Anna)", scopes: "read")
            #expect(try await Self.call(app, .GET, "/api/v1/matches", token: reader).0 == .ok)
            let (listed, alerts, _) = try await Self.call(app, .GET, "/api/v1/account/alerts", token: reader)
            #expect(listed == .ok && ((alerts["items"] as? [[String: Any]])?.first?["label"] as? String) == "Magazynier")
            // Reading only: deleting is refused with the scope named.
            let (refused, _, text) = try await Self.call(app, .DELETE, "/api/v1/account/alerts/\(saved)?lang=en", token: reader)
            #expect(refused == .forbidden && text.contains("lacks the “alerts” scope"))
            let full = try await Self.signIn(app, device: "Tablet")
            #expect(try await Self.call(app, .DELETE, "/api/v1/account/alerts/\(saved)", token: full).0 == .noContent)
            #expect(try await SavedSearchStore(db: app.db).list(account: account.id).isEmpty)
            // Saving a search: the query checked as the search checks it; the reader may not.
            #expect(try await Self.call(app, .POST, "/api/v1/account/alerts", token: reader, json: ["kind": "offers", "query": "q=spawacz"]).0 == .forbidden)
            let (bad, badQuery, _) = try await Self.call(app, .POST, "/api/v1/account/alerts?lang=en", token: full,
                                                         json: ["kind": "offers", "query": "q=spawacz&voivodeship=99"])
            #expect(bad == .badRequest && (badQuery["errors"] as? [[String: String]])?.first?["field"] == "query")
            let (made, alert, _) = try await Self.call(app, .POST, "/api/v1/account/alerts", token: full,
                                                       json: ["kind": "offers", "query": "q=spawacz&voivodeship=20", "frequency": "daily"])
            #expect(made == .created && alert["label"] as? String == "spawacz" && alert["frequency"] as? String == "daily")
            #expect(try await SavedSearchStore(db: app.db).list(account: account.id).map(\.label) == ["spawacz"])
            // The CVs and what each shares.
            let (cvsStatus, cvs, _) = try await Self.call(app, .GET, "/api/v1/account/cvs", token: reader)
            let cv = try #require((cvs["items"] as? [[String: Any]])?.first)
            #expect(cvsStatus == .ok && cv["title"] as? String == "Magazyn" && cv["shared"] as? [String] == ["desired", "languages", "licences"])

            // A staff token's place is not an app token's: a made-up one is nobody.
            #expect(try await Self.call(app, .GET, "/api/v1/account/alerts", token: "zla_" + String(repeating: "x", count: 43)).0 == .unauthorized)

            // The account page lists both devices; revoking one there ends its token.
            let page = try await browser.get("/account?lang=en").body.string
            #expect(page.contains("Pixel 8 (Anna)") && page.contains("Tablet") && page.contains("change saved searches"))
            let devices = try await AppTokenStore(db: app.db).list(account: account.id)
            let pixel = try #require(devices.first { $0.device == "Pixel 8 (Anna)" })
            #expect(try await browser.post("/account/devices/\(pixel.id.uuidString.lowercased())/revoke", [:], csrfFrom: "/account").status == .seeOther)
            #expect(try await Self.call(app, .GET, "/api/v1/account/alerts", token: reader).0 == .unauthorized)
            // The device signs itself out.
            #expect(try await Self.call(app, .DELETE, "/api/v1/app/tokens/current", token: full).0 == .noContent)
            #expect(try await Self.call(app, .GET, "/api/v1/account/alerts", token: full).0 == .unauthorized)
            // "Sign out everywhere" ends every device's token.
            let third = try await Self.signIn(app, device: "Phone")
            #expect(try await browser.post("/account/sign-out-everywhere", [:], csrfFrom: "/account").status == .ok)
            #expect(try await Self.call(app, .GET, "/api/v1/account/alerts", token: third).0 == .unauthorized)
            // An expired token is nobody.
            let old = "zla_expired-token-of-a-test"
            _ = try await AppTokenStore(db: app.db).create(account: account.id, device: "Old", scopes: [.read], hash: Secrets.sha256Hex(old),
                                                           sessionEpoch: try await AccountStore(db: app.db).sessionEpoch(account.id) ?? 0,
                                                           now: Date().addingTimeInterval(-AppTokenPolicy.lifetime - 60))
            #expect(try await Self.call(app, .GET, "/api/v1/account/alerts", token: old).0 == .unauthorized)
            #expect(try await AppTokenStore(db: app.db).list(account: account.id).isEmpty)
        }
    }

    @Test func onlyJobSeekersSignInToTheApp() async throws {
        try await withTestApp { app in
            _ = try await OfferFlowTests.employer(app, email: "szef@stalmet.pl", nip: "5260250274")
            let (status, _, text) = try await Self.call(app, .POST, "/api/v1/app/sign-in?lang=en",
                                                        json: ["email": "szef@stalmet.pl", "password": "chleb i bułki 2026", "device": "Phone"])
            #expect(status == .forbidden && text.contains("for job seekers"))
        }
    }
}
