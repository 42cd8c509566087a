import Foundation

/// Which page views the visit statistics count and how: a person's browser asking for a public
/// page, not a robot, not someone whose browser says "do not track" (DNT or Global Privacy
/// Control); counted by page, section of the portal and external referrer, with daily unique
/// visitors from a hash whose salt is thrown away when the day ends.
public enum VisitRules {
    /// Parts of the site that are not the public portal, or are not pages.
    static let excludedPrefixes = ["/staff", "/desktop", "/wallboard", "/api", "/voice", "/sms", "/account", "/employer", "/login", "/logout",
                                   "/assets", "/sw.js", "/manifest", "/healthz", "/metrics", "/dev", "/push",
                                   "/cv-factory/status", "/cv-factory/steps", "/cv-factory/files", "/survey", "/reset-password", "/verify-email"]

    /// Words robots put in their User-Agent (crawlers, monitors, link previews, scripts).
    static let robotWords = ["bot", "crawl", "spider", "slurp", "curl", "wget", "python", "httpclient", "java/", "go-http", "headless",
                             "monitor", "uptime", "pingdom", "preview", "facebookexternalhit", "scrapy", "axios", "okhttp", "libwww", "lighthouse"]

    public static func isRobot(userAgent: String?) -> Bool {
        guard let ua = userAgent?.lowercased(), ua.hasPrefix("mozilla/") || ua.hasPrefix("opera/") else { return true }
        return robotWords.contains { ua.contains($0) }
    }

    /// "DNT: 1" or "Sec-GPC: 1": the person asked not to be tracked, so nothing is counted.
    public static func optedOut(dnt: String?, gpc: String?) -> Bool {
        dnt?.trimmingCharacters(in: .whitespaces) == "1" || gpc?.trimmingCharacters(in: .whitespaces) == "1"
    }

    /// Whether a path is a public page the statistics count (a draft's link is a key, not a page:
    /// it is counted as its form).
    public static func counts(path: String) -> Bool {
        !excludedPrefixes.contains { path == $0 || path.hasPrefix($0 + "/") || path.hasPrefix($0 + ".") }
    }

    /// The path as counted: no query, no trailing slash; a foreigner's draft link by its form
    /// only (the token in it is a key to someone's answers).
    public static func page(of path: String) -> String {
        var p = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        if p.count > 1, p.hasSuffix("/") { p.removeLast() }
        if p.hasPrefix("/foreigners/"), let r = p.range(of: "/drafts/") { return String(p[..<r.lowerBound]) + "/drafts" }
        return String(p.prefix(200))
    }

    /// The part of the portal a page belongs to: an office's own pages by the office
    /// ("office:pup-2002"), the rest by their first segment ("offers", "faq", "home").
    public static func section(of page: String) -> String {
        let parts = page.split(separator: "/").map(String.init)
        guard let first = parts.first else { return "home" }
        if first == "offices", parts.count > 1 { return "office:" + parts[1] }
        return first
    }

    /// The referring site when it is another one: its host, lower case, without "www.".
    public static func referrer(_ referer: String?, ownHost: String?) -> String? {
        guard let referer, let host = URLComponents(string: referer)?.host?.lowercased(), !host.isEmpty else { return nil }
        let bare = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        if let own = ownHost?.lowercased(), bare == own || host == own || bare == (own.hasPrefix("www.") ? String(own.dropFirst(4)) : own) { return nil }
        return String(bare.prefix(100))
    }
}
