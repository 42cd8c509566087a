import Foundation

/// Whether a browser's `Origin` is this site: the scheme, host and port of PUBLIC_URL, exactly
/// (a default port counts as written). Used where a cookie alone would otherwise authorise a
/// request another site's page can start: WebSocket upgrades and cookie-authenticated API writes.
enum OriginPolicy {
    static func isSameSite(origin: String, publicURL: String) -> Bool {
        guard let a = parts(origin), let b = parts(publicURL) else { return false }
        return a == b
    }

    private static func parts(_ text: String) -> [String]? {
        guard let url = URLComponents(string: text.trimmingCharacters(in: .whitespaces)), let scheme = url.scheme?.lowercased(),
              ["http", "https"].contains(scheme), let host = url.host?.lowercased(), !host.isEmpty else { return nil }
        return [scheme, host, String(url.port ?? (scheme == "https" ? 443 : 80))]
    }
}
