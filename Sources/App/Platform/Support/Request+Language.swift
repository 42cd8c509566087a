import Vapor
import Localization
import Views

extension Request {
    private struct LanguageKey: StorageKey { typealias Value = Language }

    static let languageCookie = "lang"

    /// The visitor's language: `?lang=`, then the remembered cookie, then Accept-Language, then Polish.
    var language: Language {
        if let cached = storage[LanguageKey.self] { return cached }
        let lang = (try? query.get(String.self, at: "lang")).flatMap(Language.init(rawValue:))
            ?? cookies[Self.languageCookie].flatMap { Language(rawValue: $0.string) }
            ?? Language.negotiate(acceptLanguage: headers.first(name: .acceptLanguage))
            ?? .source
        storage[LanguageKey.self] = lang
        return lang
    }

    var catalogue: Catalogue { Catalogues.bundled[language] }

    var pageContext: PageContext {
        let items = url.query.map { q in
            q.split(separator: "&").compactMap { pair -> (String, String)? in
                let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                return kv.isEmpty ? nil : (kv[0], kv.count > 1 ? kv[1].replacingOccurrences(of: "+", with: " ") : "")
            }
        } ?? []
        return PageContext(language: language, path: url.path, query: items, requestID: requestIDValue,
                           csrfToken: csrfToken, signedInAs: signedInEmail,
                           chatOpen: !(cookies[CookieName.chat]?.string ?? "").isEmpty)
    }

    var requestIDValue: String? { logger[metadataKey: "request-id"].map { "\($0)" } }

    var isAPI: Bool { url.path.hasPrefix(SiteRoute.apiPrefix) }
    /// The voice carrier's webhooks: signed by the carrier instead of carrying a form token.
    var isCarrierWebhook: Bool { url.path.hasPrefix(SiteRoute.voicePrefix) }
}
