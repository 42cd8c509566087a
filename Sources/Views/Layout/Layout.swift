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
        let fullTitle = title == ctx.siteName ? title : "\(title) – \(ctx.siteName)"
        let widget = ChatWidget.shown(on: ctx.path)
        let scripts = [MenuScript.path, AppScript.path] + (widget && ctx.chatOpen && !scripts.contains(ChatScript.path) ? scripts + [ChatScript.path] : scripts)
        var page = HTMLText(capacity: 16_384)
        document(&page, ctx, title: fullTitle, scripts: scripts) { head in
            let text = description ?? ctx.t("site.tagline")
            head.void("meta", ["name": "description", "content": text])
            head.void("meta", ["name": "twitter:description", "content": text])
            head.void("meta", ["property": "og:description", "content": text])
            for lang in Language.allCases { head.void("link", ["rel": "alternate", "href": ctx.link(to: lang), "hreflang": lang.rawValue]) }
            // Moja Praca installs from any public page (the manifest in the page's language).
            head.void("link", ["rel": "manifest", "href": SiteRoute.appManifest.with(["lang": ctx.language.rawValue])])
            head.void("meta", ["name": "theme-color", "content": AppManifest.themeColor])
        }
        page.open("body")
        page.element("a", ["class": "skip-link", "href": "#main"], text: ctx.t("shell.skip_to_content"))
        header(&page, ctx)
        page.open("main", ["id": "main", "tabindex": "-1"])
        page.raw(main.render())
        page.close("main")
        if widget { page.raw(ChatWidget.render(ctx).render()) }
        footer(&page, ctx)
        page.raw("</body></html>")
        return page.html
    }

    /// The document up to the end of its head, for every page, public or staff: character set,
    /// viewport, title, what `extra` adds, the stylesheet and the page's scripts (only pages with
    /// live parts have one, and it only adds to a page that works without it).
    static func document(_ page: inout HTMLText, _ ctx: PageContext, title: String, scripts: [String], extra: (inout HTMLText) -> Void) {
        page.raw("<!DOCTYPE html>")
        page.open("html", ["lang": ctx.language.rawValue])
        page.open("head")
        page.void("meta", ["charset": "UTF-8"])
        page.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        page.element("title", text: title)
        page.void("meta", ["name": "twitter:title", "content": title])
        page.void("meta", ["property": "og:title", "content": title])
        extra(&page)
        page.void("link", ["rel": "stylesheet", "href": SiteRoute.stylesheet.path])
        if let theme = ctx.theme.stylesheet { page.void("link", ["rel": "stylesheet", "href": theme]) }
        for src in scripts {
            page.open("script", ["src": src, "defer": "defer"])
            page.close("script")
        }
        page.close("head")
    }

    static func header(_ page: inout HTMLText, _ ctx: PageContext) {
        page.open("header", ["class": "site-header"])
        page.open("div", ["class": "wrap header-row"])
        page.open("a", ["class": "brand", "href": SiteRoute.home.with(["lang": ctx.language.rawValue])])
        // The name beside it says what the logo says: the picture is decoration for readers.
        if let logo = ctx.theme.logo { page.void("img", ["class": "brand-logo", "src": logo, "alt": "", "height": "48"]) }
        page.element("span", ["class": "brand-name"], text: ctx.siteName)
        page.element("span", ["class": "brand-tagline"], text: ctx.t("site.tagline"))
        page.close("a")
        page.open("p", ["class": "hotline"])
        page.element("span", text: ctx.t("shell.hotline") + " ")
        page.open("a", ["href": "tel:\(phoneNumber)"])
        page.element("strong", text: phoneNumber)
        page.close("a")
        page.element("span", ["class": "hotline-hours"], text: " " + ctx.hoursText)
        page.close("p")
        page.close("div")
        page.element("button", ["type": "button", "id": "menu-toggle", "class": "menu-toggle", "aria-controls": "site-menu",
                                "aria-expanded": "true", "hidden": "hidden"], text: ctx.t("shell.menu"))
        page.open("div", ["class": "wrap header-row", "id": "site-menu"])
        page.open("nav", ["aria-label": ctx.t("shell.nav_label")])
        if let menu = ctx.mainMenu, !menu.isEmpty {
            menuList(&page, menu, ctx, top: true)
        } else {
            page.open("ul", ["class": "nav"])
            for (route, key) in SiteRoute.navigation {
                page.open("li")
                page.element("a", ["href": route.path, "aria-current": isCurrent(route, ctx.path) ? "page" : nil], text: ctx.t(key))
                page.close("li")
            }
            page.close("ul")
        }
        page.close("nav")
        account(&page, ctx)
        page.open("nav", ["class": "languages", "aria-label": ctx.t("shell.language_label")])
        page.open("ul")
        for lang in Language.allCases {
            page.open("li")
            page.element("a", ["href": ctx.link(to: lang), "lang": lang.rawValue, "hreflang": lang.rawValue,
                               "aria-current": lang == ctx.language ? "true" : nil], text: lang.nativeName)
            page.close("li")
        }
        page.close("ul")
        page.close("nav")
        page.close("div")
        page.close("header")
    }

    /// An editors' menu as nested lists (sub-entries always shown: nothing to open by pointer only).
    static func menuList(_ page: inout HTMLText, _ links: [MenuLink], _ ctx: PageContext, top: Bool) {
        page.open("ul", ["class": top ? "nav" : "subnav"])
        for link in links {
            page.open("li")
            page.element("a", ["href": link.href, "aria-current": link.href == ctx.path ? "page" : nil], text: link.label)
            if !link.children.isEmpty { menuList(&page, link.children, ctx, top: false) }
            page.close("li")
        }
        page.close("ul")
    }

    /// "Log in / Register" or "My account / Log out" (a form: logging out changes state).
    static func account(_ page: inout HTMLText, _ ctx: PageContext) {
        page.open("div", ["class": "account-links"])
        if let email = ctx.signedInAs {
            page.open("a", ["href": SiteRoute.account.path])
            page.text(ctx.t("nav.account"))
            page.element("span", ["class": "visually-hidden"], text: " (\(email))")
            page.close("a")
            page.open("form", ["method": "post", "action": SiteRoute.logout.path, "class": "inline"])
            page.void("input", ["type": "hidden", "name": "_csrf", "value": ctx.csrfToken])
            page.element("button", ["type": "submit", "class": "link-button"], text: ctx.t("nav.logout"))
            page.close("form")
        } else {
            page.element("a", ["href": SiteRoute.login.path], text: ctx.t("nav.login"))
            page.element("a", ["href": SiteRoute.register.path], text: ctx.t("nav.register"))
        }
        page.close("div")
    }

    static func isCurrent(_ route: SiteRoute, _ path: String) -> Bool {
        route == .home ? path == SiteRoute.home.path : route.contains(path)
    }

    static func footer(_ page: inout HTMLText, _ ctx: PageContext) {
        page.open("footer", ["class": "site-footer"])
        page.open("div", ["class": "wrap"])
        page.element("p", text: ctx.t("shell.footer_about"))
        page.open("ul", ["class": "footer-links"])
        for (route, key) in [(SiteRoute.accessibility, "nav.accessibility"), (.privacy, "privacy.footer_link"), (.complaints, "complaints.title"),
                             (.contact, "nav.contact"), (.newsletter, "newsletter.title"), (.cvFactory, "cvf.title"), (.foreigners, "fg.title"), (.returns, "returns.title"),
                             (.polls, "polls.title"), (.forum, "forum.title"), (.partners, "partners.title")] {
            page.open("li")
            page.element("a", ["href": route.path], text: ctx.t(key))
            page.close("li")
        }
        page.close("ul")
        page.element("p", ["class": "small"], text: ctx.t("shell.footer_licence"))
        page.close("div")
        page.close("footer")
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
