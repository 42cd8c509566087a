import Foundation
import Plot
import Localization

/// The one page shell: skip link, header with the service name and 19524, navigation,
/// language switcher, `<main>` and footer. Pages render only their `<main>` content.
public enum Layout {
    public static let phoneNumber = "19524"

    public static func render(_ ctx: PageContext, title: String, description: String? = nil, scripts: [String] = [],
                              main: Node<HTML.BodyContext>) -> String {
        let fullTitle = title == ctx.t("site.name") ? title : "\(title) – \(ctx.t("site.name"))"
        let widget = ChatWidget.shown(on: ctx.path)
        let scripts = widget && ctx.chatOpen && !scripts.contains(ChatScript.path) ? scripts + [ChatScript.path] : scripts
        let html = HTML(
            .attribute(named: "lang", value: ctx.language.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title(fullTitle),
                .meta(.name("description"), .content(description ?? ctx.t("site.tagline"))),
                .link(.rel(.stylesheet), .href(SiteRoute.stylesheet.path)),
                // Only pages with live parts have a script, and it only adds to a page that works without it.
                .forEach(scripts) { src in .script(.src(src), .attribute(named: "defer", value: "defer")) },
                .forEach(Language.allCases) { lang in
                    .link(.rel(.alternate), .href(ctx.link(to: lang)), .attribute(named: "hreflang", value: lang.rawValue))
                }
            ),
            .body(
                .a(.class("skip-link"), .href("#main"), .text(ctx.t("shell.skip_to_content"))),
                header(ctx),
                .main(.id("main"), .attribute(named: "tabindex", value: "-1"), main),
                .if(widget, ChatWidget.render(ctx)),
                footer(ctx)
            )
        )
        return html.render()
    }

    static func header(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .header(.class("site-header"),
            .div(.class("wrap header-row"),
                .a(.class("brand"), .href(SiteRoute.home.with(["lang": ctx.language.rawValue])),
                   .span(.class("brand-name"), .text(ctx.t("site.name"))),
                   .span(.class("brand-tagline"), .text(ctx.t("site.tagline")))),
                .p(.class("hotline"),
                   .span(.text(ctx.t("shell.hotline") + " ")),
                   .a(.href("tel:\(phoneNumber)"), .strong(.text(phoneNumber))),
                   .span(.class("hotline-hours"), .text(" " + ctx.t("shell.hotline_hours"))))
            ),
            .div(.class("wrap header-row"),
                .nav(.attribute(named: "aria-label", value: ctx.t("shell.nav_label")),
                    .ul(.class("nav"), .forEach(SiteRoute.navigation) { route, key in
                        .li(.a(.href(route.path),
                               .if(isCurrent(route, ctx.path), .attribute(named: "aria-current", value: "page")),
                               .text(ctx.t(key))))
                    })
                ),
                account(ctx),
                .nav(.class("languages"), .attribute(named: "aria-label", value: ctx.t("shell.language_label")),
                    .ul(.forEach(Language.allCases) { lang in
                        .li(.a(.href(ctx.link(to: lang)),
                               .attribute(named: "lang", value: lang.rawValue),
                               .attribute(named: "hreflang", value: lang.rawValue),
                               .if(lang == ctx.language, .attribute(named: "aria-current", value: "true")),
                               .text(lang.nativeName)))
                    })
                )
            )
        )
    }

    /// "Log in / Register" or "My account / Log out" (a form: logging out changes state).
    static func account(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        if let email = ctx.signedInAs {
            return .div(.class("account-links"),
                .a(.href(SiteRoute.account.path), .text(ctx.t("nav.account")), .span(.class("visually-hidden"), .text(" (\(email))"))),
                .form(.method(.post), .action(SiteRoute.logout.path), .class("inline"),
                    Forms.csrf(ctx),
                    .button(.type(.submit), .class("link-button"), .text(ctx.t("nav.logout")))))
        }
        return .div(.class("account-links"),
            .a(.href(SiteRoute.login.path), .text(ctx.t("nav.login"))),
            .a(.href(SiteRoute.register.path), .text(ctx.t("nav.register"))))
    }

    static func isCurrent(_ route: SiteRoute, _ path: String) -> Bool {
        route == .home ? path == SiteRoute.home.path : route.contains(path)
    }

    static func footer(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .footer(.class("site-footer"),
            .div(.class("wrap"),
                .p(.text(ctx.t("shell.footer_about"))),
                .ul(.class("footer-links"),
                    .li(.a(.href(SiteRoute.accessibility.path), .text(ctx.t("nav.accessibility")))),
                    .li(.a(.href(SiteRoute.privacy.path), .text(ctx.t("privacy.footer_link")))),
                    .li(.a(.href(SiteRoute.complaints.path), .text(ctx.t("complaints.title")))),
                    .li(.a(.href(SiteRoute.contact.path), .text(ctx.t("nav.contact")))),
                    .li(.a(.href(SiteRoute.newsletter.path), .text(ctx.t("newsletter.title"))))
                ),
                .p(.class("small"), .text(ctx.t("shell.footer_licence")))
            )
        )
    }
}
