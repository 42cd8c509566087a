import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
import Access

/// Every write route of the route table, sent bodies that are broken at the Content-Type header
/// and bodies broken inside, as an anonymous visitor, a job seeker and an administrator holding
/// every role (each with a valid CSRF token, so the routes' own decoders are reached). A crash
/// of the kind multipart-kit's boundary precondition caused ends this test process, so reaching
/// the end is part of what is proven; each answer must also be below 500.
@Suite(.serialized) struct MalformedBodyTests {
    /// Refused by the guard before anything reads the body: always 400 or 415.
    static let brokenHeaders: [(contentType: String, body: String)] = [
        ("multipart/form-data; boundary=", "x"),
        ("multipart/form-data", "x"),
        ("multipart/form-data; boundary=\"\"", "x"),
        ("multipart/form-data; boundary=\"zl", "--zl\r\n\r\n"),
        ("multipart/form-data; boundary=" + String(repeating: "b", count: 71), "x"),
        ("multipart/form-data; boundary=zl<>", "x"),
        ("multipart/mixed; boundary=", "x"),
        ("application/x-www-form-urlencoded; charset=iso-8859-2", "city=%B3%F3d%BC"),
        ("application/json; charset=utf-16", "{}"),
    ]

    /// Well-labelled but broken inside: a route that decodes them answers 4xx; one that ignores
    /// its body may answer as usual. None may fail with 5xx.
    static let brokenBodies: [(contentType: String?, body: [UInt8])] = [
        ("multipart/form-data; boundary=zl", Array("--zl\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nab".utf8)),
        ("multipart/form-data; boundary=zl", Array("--zl\r\nContent-Disposition: form-data\r\n\r\nx\r\n--zl--\r\n".utf8)),
        ("multipart/form-data; boundary=zl", Array("--zl\r\n--zl--\r\n".utf8)),
        ("multipart/form-data; boundary=\"zl\"", Array("--zl\r\nContent-Disposition: form-data; name=\"a[][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][][]\"\r\n\r\nx\r\n--zl--\r\n".utf8)),
        ("application/x-www-form-urlencoded", Array("email=%zz&&=&b[=1&c]]=2&d[][]=3&%=".utf8)),
        ("application/x-www-form-urlencoded", Array(String(repeating: "a[", count: 3_000).utf8) + Array("=1".utf8)),
        ("application/x-www-form-urlencoded", [0xFF, 0xFE, 0x3D, 0xC3]),
        ("application/json", Array("{\"email\":".utf8)),
        ("application/json", Array(String(repeating: "[", count: 3_000).utf8)),
        ("application/json", [0xFF, 0xFE]),
        ("text/plain", Array("hello".utf8)),
        (nil, Array("email=a".utf8)),
    ]

    /// One sample value per path component; the routes answer 404 for an unknown id, which is fine.
    static func samplePath(_ route: Route) -> String {
        "/" + route.path.map { component -> String in
            switch component {
            case .constant(let s): s
            case .parameter: UUID().uuidString
            case .anything, .catchall: "x"
            }
        }.joined(separator: "/")
    }

    /// Routes that end the session walking them go last, so the walk keeps its identity.
    static func writeRoutes(_ app: Application) -> [Route] {
        let writes = app.routes.all.filter { ![.GET, .HEAD, .OPTIONS].contains($0.method) }
        let ending = { (r: Route) in ["logout", "sign-out", "everywhere"].contains { r.description.contains($0) } }
        return writes.filter { !ending($0) } + writes.filter(ending)
    }

    static func send(_ app: Application, _ browser: FormClient, _ route: Route, token: String,
                     contentType: String?, body: [UInt8]) async throws -> HTTPStatus {
        var headers = browser.cookieHeader
        headers.add(name: "X-CSRF-Token", value: token)
        if let contentType { headers.replaceOrAdd(name: .contentType, value: contentType) }
        var status: HTTPStatus = .internalServerError
        try await app.testing().test(route.method, samplePath(route), headers: headers, body: ByteBuffer(bytes: body)) { status = $0.status }
        return status
    }

    /// The anonymous visitor walks every route; a signed-in identity the routes only it reaches.
    static func walk(_ app: Application, _ browser: FormClient, identity: String, headersToo: Bool,
                     under prefixes: [String] = ["/"]) async throws -> Int {
        let token = try await browser.csrfToken(from: "/contact")
        var sent = 0
        for route in writeRoutes(app) where prefixes.contains(where: { samplePath(route).hasPrefix($0) }) {
            if headersToo {
                for c in brokenHeaders {
                    let status = try await send(app, browser, route, token: token, contentType: c.contentType, body: Array(c.body.utf8))
                    #expect([.badRequest, .unsupportedMediaType].contains(status), "\(identity) \(route.description) [\(c.contentType)] → \(status.code)")
                    sent += 1
                }
            }
            for b in brokenBodies {
                let status = try await send(app, browser, route, token: token, contentType: b.contentType, body: b.body)
                #expect(status.code < 500, "\(identity) \(route.description) [\(b.contentType ?? "no type")] → \(status.code)")
                sent += 1
            }
        }
        return sent
    }

    @Test func everyWriteRouteAnswersBrokenBodiesWith4xxAndTheServerStaysUp() async throws {
        try await withTestApp { app in
            #expect(Self.writeRoutes(app).count > 40, "the walk sees the route table")
            let anonymous = FormClient(app)
            var sent = try await Self.walk(app, anonymous, identity: "anonymous", headersToo: true)

            let seeker = FormClient(app)
            _ = try await seeker.post("/register", AccountTests.goodForm)
            let login = try await seeker.post("/login", ["email": "anna.nowak@example.org", "password": AccountTests.goodForm["password"]!])
            #expect(login.status == .seeOther)
            sent += try await Self.walk(app, seeker, identity: "seeker", headersToo: false,
                                     under: ["/account", "/employer", "/cv", "/alerts"])

            let admin = try await TestStaff.create(app, email: "root@example.org", roles: Set(StaffRole.allCases), scope: .national)
            sent += try await Self.walk(app, try await admin.signIn(app), identity: "administrator", headersToo: false,
                                     under: ["/staff", "/api", "/desktop", "/wallboard"])

            // Still serving, and a well-formed form still works.
            try await app.testing().test(.GET, "/healthz") { #expect($0.status == .ok) }
            let fresh = FormClient(app)
            let ok = try await fresh.post("/login", ["email": "anna.nowak@example.org", "password": AccountTests.goodForm["password"]!])
            #expect(ok.status == .seeOther)
            print("malformed bodies [\(testDatabaseKind)]: \(sent) requests to \(Self.writeRoutes(app).count) write routes")
        }
    }

    @Test func theRefusalIsExplainedInTheVisitorsLanguage() async throws {
        try await withTestApp { app in
            for (lang, words) in [("en", "boundary parameter"), ("pl", "parametr boundary")] {
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=")
                try await app.testing().test(.POST, "/contact?lang=\(lang)", headers: headers, body: ByteBuffer(string: "x")) { res in
                    #expect(res.status == .badRequest)
                    #expect(res.body.string.contains(words), "\(lang)")
                }
            }
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "application/json; charset=koi8-r")
            try await app.testing().test(.POST, "/api/v1/validate", headers: headers, body: ByteBuffer(string: "{}")) { res in
                #expect(res.status == .unsupportedMediaType)
                #expect(res.body.string.contains("UTF-8"))
            }
        }
    }

    @Test func theBoundaryRuleFollowsRFC2046() {
        #expect(BodyContentType.isValidBoundary("----WebKitFormBoundary7MA4YWxkTrZu0gW"))
        #expect(BodyContentType.isValidBoundary("simple boundary"))
        #expect(BodyContentType.isValidBoundary(String(repeating: "x", count: 70)))
        #expect(!BodyContentType.isValidBoundary(String(repeating: "x", count: 71)))
        #expect(!BodyContentType.isValidBoundary(""))
        #expect(!BodyContentType.isValidBoundary(nil))
        #expect(!BodyContentType.isValidBoundary("ends in space "))
        #expect(!BodyContentType.isValidBoundary("quote\"inside"))
        #expect(!BodyContentType.isValidBoundary("zażółć"))
    }
}
