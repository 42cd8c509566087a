import Foundation
import Vapor
import VaporTesting

/// Acts like a browser for form tests: keeps cookies, reads the CSRF token from the page and
/// posts url-encoded forms with it.
final class FormClient: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]

    init(_ app: Application) { self.app = app }

    var cookieHeader: HTTPHeaders {
        var h = HTTPHeaders()
        if !cookies.isEmpty { h.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        return h
    }

    func remember(_ res: TestingHTTPResponse) {
        for (name, value) in res.headers.setCookie?.all ?? [:] {
            if value.expires.map({ $0 < Date() }) == true || value.string.isEmpty { cookies[name] = nil } else { cookies[name] = value.string }
        }
    }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: cookieHeader) { res in result = res }
        remember(result!)
        return result!
    }

    /// The `_csrf` value of the first form on a page.
    func csrfToken(from path: String) async throws -> String {
        let html = try await get(path).body.string
        guard let r = html.range(of: "name=\"_csrf\" value=\"") else { throw Abort(.internalServerError, reason: "no CSRF field on \(path)") }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    @discardableResult
    func post(_ path: String, _ fields: [String: String], csrfFrom page: String? = nil, withToken: Bool = true) async throws -> TestingHTTPResponse {
        var form = fields
        if withToken { form["_csrf"] = try await csrfToken(from: page ?? path) }
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: cookieHeader, beforeRequest: { req in
            try req.content.encode(form, as: .urlEncodedForm)
        }) { res in result = res }
        remember(result!)
        return result!
    }

    /// A multipart form (a file upload) with the CSRF token of `page`.
    func postMultipart(_ path: String, _ fields: [String: String], file: (field: String, name: String, type: String, data: Data),
                       csrfFrom page: String) async throws -> TestingHTTPResponse {
        var all = fields
        all["_csrf"] = try await csrfToken(from: page)
        let boundary = "zl-test-" + UUID().uuidString
        var body = Data()
        for (k, v) in all { body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8) }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n".utf8)
        body += file.data + Data("\r\n--\(boundary)--\r\n".utf8)
        var headers = cookieHeader
        headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(data: body)) { result = $0 }
        remember(result!)
        return result!
    }
}
