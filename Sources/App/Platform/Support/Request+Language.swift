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

    /// Set by the staff guard: this request renders in the workstation shell.
    struct StaffShellKey: StorageKey { typealias Value = StaffShell }

    var pageContext: PageContext {
        let items = url.query.map { q in
            q.split(separator: "&").compactMap { pair -> (String, String)? in
                let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                return kv.isEmpty ? nil : (kv[0], kv.count > 1 ? (kv[1].contains("+") ? kv[1].replacingOccurrences(of: "+", with: " ") : kv[1]) : "")
            }
        } ?? []
        // A page answering a form links to itself in other languages only where a browser can open it.
        var path = url.path, query = items
        if method != .GET, application.pagePaths?.opens(path) == false {
            path = refererPath ?? SiteRoute.home.path
            query = []
        }
        var ctx = PageContext(language: language, path: path, query: query, requestID: requestIDValue,
                              csrfToken: csrfToken, signedInAs: signedInEmail,
                              chatOpen: !(cookies[CookieName.chat]?.string ?? "").isEmpty, contactHours: services.contactCentre.hours)
        ctx.staff = storage[StaffShellKey.self]
        if ctx.staff == nil {
            let menu = services.menus.links(.portal, language: language.rawValue, viewer: sessionViewer)
            if !menu.isEmpty { ctx.mainMenu = menu }
        }
        let theme = services.theme.current
        if let updated = theme.updatedAt {
            let version = String(Int(updated.timeIntervalSince1970))
            ctx.theme = PageTheme(name: theme.theme.name, stylesheet: SiteRoute.themeStylesheet.with(["v": version]),
                                  logo: theme.logo.map { _ in SiteRoute.themeLogo.with(["v": version]) })
        }
        return ctx
    }

    /// The path of the page the request came from, when it is this site's.
    var refererPath: String? {
        guard let referer = headers.first(name: .referer), let url = URL(string: referer) else { return nil }
        let own = URL(string: services.config.publicURL)
        guard url.host == nil || (url.host == own?.host && url.port == own?.port), !url.path.isEmpty else { return nil }
        return url.path
    }

    var requestIDValue: String? { logger[metadataKey: "request-id"].map { "\($0)" } }

    var isAPI: Bool { url.path.hasPrefix(SiteRoute.apiPrefix) }
    /// The voice carrier's webhooks: signed by the carrier instead of carrying a form token.
    var isCarrierWebhook: Bool { url.path.hasPrefix(SiteRoute.voicePrefix) }
}
