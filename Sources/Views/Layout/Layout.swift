import Foundation
import Plot
import Localization

/// The one page shell: skip link, header with the service name and 19524, navigation,
/// language switcher, `<main>` and footer. Pages render only their `<main>` content.
public enum Layout {
    public static let phoneNumber = "19524"

    public static func render(_ ctx: PageContext, title: String, description: String? = nil, scripts: [String] = [],
                              main: Node<HTML.BodyContext>) -> String {
        if let staff = ctx.staff { return StaffLayout.render(ctx, staff, title: title, scripts: scripts, main: main) }
        let fullTitle = title == ctx.t("site.name") ? title : "\(title) – \(ctx.t("site.name"))"
        let widget = ChatWidget.shown(on: ctx.path)
        let scripts = [MenuScript.path] + (widget && ctx.chatOpen && !scripts.contains(ChatScript.path) ? scripts + [ChatScript.path] : scripts)
        let html = HTML(
            .attribute(named: "lang", value: ctx.language.rawValue),
            head(ctx, title: fullTitle, scripts: scripts, extra: .group(
                .meta(.name("description"), .content(description ?? ctx.t("site.tagline"))),
                .forEach(Language.allCases) { lang in
                    .link(.rel(.alternate), .href(ctx.link(to: lang)), .attribute(named: "hreflang", value: lang.rawValue))
                })),
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

    /// The head of every page, public or staff: character set, viewport, title, the stylesheet
    /// and the page's scripts (only pages with live parts have one, and it only adds to a page
    /// that works without it).
    static func head(_ ctx: PageContext, title: String, scripts: [String], extra: Node<HTML.HeadContext>) -> Node<HTML.DocumentContext> {
        .head(
            .meta(.charset(.utf8)),
            .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
            .title(title),
            extra,
            .link(.rel(.stylesheet), .href(SiteRoute.stylesheet.path)),
            .forEach(scripts) { src in .script(.src(src), .attribute(named: "defer", value: "defer")) })
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
                   .span(.class("hotline-hours"), .text(" " + ctx.hoursText)))
            ),
            .button(.type(.button), .id("menu-toggle"), .class("menu-toggle"), .attribute(named: "aria-controls", value: "site-menu"),
                    .attribute(named: "aria-expanded", value: "true"), .attribute(named: "hidden", value: "hidden"), .text(ctx.t("shell.menu"))),
            .div(.class("wrap header-row"), .id("site-menu"),
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

/// The public header's menu on a narrow screen: a button that shows and hides the navigation,
/// the account links and the languages (without the script they are simply always shown).
public enum MenuScript {
    public static let path = SiteRoute.script("menu.js").path

    public static let source = #"""
(function () {
  "use strict";
  var button = document.getElementById("menu-toggle"), menu = document.getElementById("site-menu");
  if (!button || !menu) { return; }
  document.documentElement.className += " has-menu-toggle";
  button.hidden = false;
  function set(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) { menu.classList.remove("menu-closed"); } else { menu.classList.add("menu-closed"); }
  }
  set(false);
  button.addEventListener("click", function () { set(button.getAttribute("aria-expanded") !== "true"); });
})();
"""#
}
