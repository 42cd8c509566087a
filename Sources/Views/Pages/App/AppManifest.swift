import Foundation

/// The web app manifest of Moja Praca: what the browser installs (name, icons, where it starts,
/// standalone), in the language of the page it was installed from.
public enum AppManifest {
    public static let themeColor = "#0b5d1e"
    public static let iconSizes = [192, 512]

    public static func json(_ ctx: PageContext) -> String {
        let manifest: [String: Any] = [
            "name": ctx.t("app.name"), "short_name": ctx.t("app.short_name"), "description": ctx.t("app.description"),
            "lang": ctx.language.rawValue, "dir": "ltr", "id": "/", "start_url": SiteRoute.account.path + "?source=app", "scope": "/",
            "display": "standalone", "background_color": "#ffffff", "theme_color": themeColor,
            "icons": iconSizes.map { ["src": SiteRoute.appIcon($0).path, "sizes": "\($0)x\($0)", "type": "image/png", "purpose": "any"] }
                + [["src": SiteRoute.appIcon(512).path, "sizes": "512x512", "type": "image/png", "purpose": "maskable"]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
