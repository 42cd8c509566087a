import Vapor
import Localization

/// Remembers a language chosen with `?lang=` in a cookie, so the next page stays in it.
struct LanguageCookieMiddleware: AsyncMiddleware {
    let secureCookies: Bool

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let chosen = (try? req.query.get(String.self, at: "lang")).flatMap(Language.init(rawValue:))
        let res = try await next.respond(to: req)
        res.headers.replaceOrAdd(name: .contentLanguage, value: req.language.rawValue)
        res.headers.add(name: .vary, value: "Accept-Language, Cookie")
        if let chosen, req.cookies[Request.languageCookie]?.string != chosen.rawValue {
            res.cookies[Request.languageCookie] = HTTPCookies.Value(
                string: chosen.rawValue, maxAge: 365 * 24 * 3600, path: "/", isSecure: secureCookies,
                isHTTPOnly: true, sameSite: .lax)
        }
        return res
    }
}
