import Testing
import Foundation
import ContactCenter
import Vapor
import VaporTesting
import SQLKit
@testable import App
import Access

/// Rate limits key on the client behind a trusted proxy, and on the TCP peer otherwise; a
/// cookie-authenticated API write needs the form token or this site's exact Origin.
@Suite(.serialized) struct ForwardedClientTests {
    static func posts(_ app: Application, port: Int, count: Int) async throws -> [UInt] {
        let visitor = FormClient(app)
        let token = try await visitor.csrfToken(from: "/contact")
        var out: [UInt] = []
        for i in 0..<count {
            var headers = visitor.cookieHeader
            headers.add(name: .xForwardedFor, value: "198.51.100.\(i + 1)")
            var form = ContactFormTests.good
            form["_csrf"] = token
            out.append(try await app.client.post(URI(string: "http://127.0.0.1:\(port)/contact"), headers: headers) {
                try $0.content.encode(form, as: .urlEncodedForm)
            }.status.code)
        }
        return out
    }

    @Test func forwardedAddressesCountOnlyFromTrustedProxies() async throws {
        try await withTestApp { app in
            let port = try await ChatTests.listen(app)
            let limit = IntakePolicy.formsPerHour
            let untrusted = try await Self.posts(app, port: port, count: limit + 2)
            #expect(untrusted.filter { $0 == 429 }.count == 2, "a rotating X-Forwarded-For from an untrusted peer shares the peer's limit")
            app.services.config.trustedProxies = try TrustedProxies.parse("127.0.0.1").get()
            try await (app.db as! any SQLDatabase).raw("DELETE FROM rate_limits").run()
            let trusted = try await Self.posts(app, port: port, count: limit + 2)
            #expect(trusted.allSatisfy { $0 == 200 }, "each visitor behind the load balancer has a limit of their own: \(trusted)")
            await app.server.shutdown()
        }
    }

    @Test func aCookieAuthenticatedAPIWriteNeedsTheTokenOrThisSitesOrigin() async throws {
        try await withTestApp { app in
            let staff = try await TestStaff.create(app, email: "k@example.org", roles: [.consultant], scope: .offices(["pup-2002"]))
            let desk = try await staff.signIn(app)
            func post(_ extra: HTTPHeaders) async throws -> HTTPStatus {
                var headers = desk.cookieHeader
                headers.add(contentsOf: extra)
                var status: HTTPStatus = .ok
                try await app.testing().test(.POST, "/api/v1/agent/state", headers: headers, beforeRequest: { req in
                    try req.content.encode(["state": "available"], as: .urlEncodedForm)
                }) { status = $0.status }
                return status
            }
            #expect(try await post([:]) == .forbidden, "a form post from another site carries the cookie but no token")
            #expect(try await post(["Origin": "https://evil.example"]) == .forbidden)
            #expect(try await post(["Origin": "http://127.0.0.1:9999"]) == .forbidden)
            #expect(try await post(["Origin": app.services.config.publicURL]) == .ok)
            let token = try await desk.csrfToken(from: "/staff/home")
            #expect(try await post(["X-CSRF-Token": token]) == .ok)
        }
    }
}
