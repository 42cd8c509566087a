import Vapor

/// Anti-forgery for every HTML form. A random cookie (HttpOnly, SameSite=Strict) is set once;
/// each form carries `_csrf` = HMAC(key, cookie). A POST without a matching field gets 403.
/// Stateless, so anonymous visitors cost no session row. The JSON API (`/api/`) takes no form
/// token, but a write that carries the session cookie and no bearer token acts with the cookie's
/// authority, so it needs the token (`_csrf` or X-CSRF-Token) or an Origin that is exactly PUBLIC_URL's.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = CookieName.csrf
    static let fieldName = "_csrf"
    /// The session cookie (configure.swift names it): its presence is what gives an API write a cookie's authority.
    static let sessionCookie = CookieName.session
    static let maxUploadBytes = 6 * 1024 * 1024
    /// The current key first (it makes the tokens); the previous one still accepted while the data key is replaced.
    let keys: [SymmetricKey]
    let secureCookies: Bool

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var fresh: String? = nil
        if req.cookies[Self.cookieName]?.string.isEmpty ?? true {
            fresh = Secrets.randomToken()
        }
        let seed = fresh ?? req.cookies[Self.cookieName]!.string
        req.storage[TokenKey.self] = Self.token(for: seed, key: keys[0])

        // The token the request carries, in the form or in X-CSRF-Token; a fresh cookie has none yet.
        func tokenMatches() -> Bool {
            guard fresh == nil, let sent = (try? req.content.get(String.self, at: Self.fieldName)) ?? req.headers.first(name: "X-CSRF-Token")
            else { return false }
            return keys.contains { Self.constantTimeEqual(sent, Self.token(for: seed, key: $0)) }
        }
        if Self.isWrite(req.method) && !req.isAPI && !req.isCarrierWebhook {
            // A body bigger than the first read (a file, or a form with a long text) arrives
            // streamed and the token is inside it, so the body is read first (bounded: the
            // route's own limit applies after this).
            if req.body.data == nil {
                _ = try await req.body.collect(max: Self.maxUploadBytes).get()
            }
            guard tokenMatches() else { throw Abort(.forbidden, reason: req.catalogue.text("error.csrf")) }
        }
        if req.isAPI && Self.isWrite(req.method) && req.headers[.authorization].isEmpty && req.cookies[Self.sessionCookie] != nil {
            let origin = req.headers.first(name: .origin).map { OriginPolicy.isSameSite(origin: $0, publicURL: req.services.config.publicURL) } ?? false
            guard origin || tokenMatches() else { throw Abort(.forbidden, reason: req.catalogue.text("error.csrf")) }
        }
        let res = try await next.respond(to: req)
        if let fresh {
            res.cookies[Self.cookieName] = HTTPCookies.Value(string: fresh, maxAge: nil, path: "/", isSecure: secureCookies,
                                                             isHTTPOnly: true, sameSite: .strict)
        }
        return res
    }

    static func isWrite(_ method: HTTPMethod) -> Bool { ![.GET, .HEAD, .OPTIONS].contains(method) }

    static func token(for seed: String, key: SymmetricKey) -> String {
        Secrets.base64url(Data(HMAC<SHA256>.authenticationCode(for: Data(seed.utf8), using: key)))
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    struct TokenKey: StorageKey { typealias Value = String }
}

extension Request {
    var csrfToken: String { storage[CSRFMiddleware.TokenKey.self] ?? "" }
}
