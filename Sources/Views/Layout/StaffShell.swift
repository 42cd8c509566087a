import Plot
import Localization

/// Who is at the workstation and what they may open: the staff pages' shell draws its bar from
/// this (set for every page behind the staff guard).
public struct StaffShell: Sendable {
    public struct Area: Sendable {
        public let path: String
        public let label: String
        public init(path: String, label: String) { self.path = path; self.label = label }
    }

    public let name: String
    /// The staff areas this member's roles open, in the order of the start page.
    public let areas: [Area]
    /// A consultant: their state and the contacts ringing are shown at the top of every page.
    public let handlesContacts: Bool
    /// Their state and what rings as the page is made (kept current by the script after).
    public var agentPanel: DesktopPage.Panel? = nil

    public init(name: String, areas: [Area], handlesContacts: Bool) {
        self.name = name; self.areas = areas; self.handlesContacts = handlesContacts
    }
}

/// The workstation shell of the staff pages (desktop, screen pop, wallboard, contacts, IVR
/// editor, reports, administration): full width, no public menu or chat box; a bar with the
/// consultant's state and the contacts ringing (live), the areas, the language and signing out;
/// keyboard shortcuts documented at the foot of every page.
enum StaffLayout {
    static func render(_ ctx: PageContext, _ shell: StaffShell, title: String, scripts: [String], main: Node<HTML.BodyContext>) -> String {
        let fullTitle = "\(title) – \(ctx.t("staff.shell_name"))"
        let scripts = (shell.handlesContacts ? [LiveScript.path] : []) + scripts.filter { $0 != LiveScript.path } + [WorkstationScript.path]
        var page = HTMLText(capacity: 16_384)
        Layout.document(&page, ctx, title: fullTitle, scripts: scripts) { head in head.void("meta", ["name": "robots", "content": "noindex"]) }
        page.open("body", ["class": "workstation"])
        page.element("a", ["class": "skip-link", "href": "#main"], text: ctx.t("shell.skip_to_content"))
        page.raw(bar(ctx, shell).render())
        page.open("main", ["id": "main", "tabindex": "-1"])
        page.raw(main.render())
        page.close("main")
        page.raw(footer(ctx).render())
        page.raw("</body></html>")
        return page.html
    }

    static func bar(_ ctx: PageContext, _ shell: StaffShell) -> Node<HTML.BodyContext> {
        .header(.class("staff-bar"),
            .div(.class("staff-bar-row"),
                .a(.class("staff-brand"), .href(SiteRoute.staffHome.path), .text(ctx.siteName),
                   .span(.class("staff-brand-sub"), .text(" · " + ctx.t("staff.shell_name")))),
                .if(shell.handlesContacts, agentBar(ctx, shell.agentPanel)),
                .div(.class("staff-tools"),
                    .span(.class("staff-who"), .text(shell.name)),
                    .nav(.class("languages"), .attribute(named: "aria-label", value: ctx.t("shell.language_label")),
                        .ul(.forEach(Language.allCases) { lang in
                            .li(.a(.href(ctx.link(to: lang)), .attribute(named: "lang", value: lang.rawValue),
                                   .attribute(named: "hreflang", value: lang.rawValue),
                                   .if(lang == ctx.language, .attribute(named: "aria-current", value: "true")),
                                   .attribute(named: "aria-label", value: lang.nativeName),
                                   .text(lang.rawValue.uppercased())))
                        })),
                    .form(.method(.post), .action(SiteRoute.logout.path), .class("inline"),
                        Forms.csrf(ctx),
                        .button(.type(.submit), .class("secondary small-button"), .text(ctx.t("nav.logout")))))),
            .nav(.class("staff-nav"), .attribute(named: "aria-label", value: ctx.t("staff.areas")),
                .ul(.forEach(shell.areas) { area in
                    .li(.a(.href(area.path), .if(SiteRoute.home.path != area.path && (ctx.path == area.path || ctx.path.hasPrefix(area.path + "/")),
                                                   .attribute(named: "aria-current", value: "page")),
                           .text(area.label)))
                }))
        )
    }

    /// The consultant's state and what rings, kept current over the desktop's socket; the
    /// announcer says a new offer aloud; updates can be paused (WCAG 2.2.2).
    static func agentBar(_ ctx: PageContext, _ panel: DesktopPage.Panel?) -> Node<HTML.BodyContext> {
        .div(.class("agent-bar"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: ctx.t("desktop.bar_label")),
            .div(.id("agent-live"), .class("agent-live"), .attribute(named: "data-live-panel", value: SiteRoute.desktopPanel.path),
                 .attribute(named: "data-live-ws", value: SiteRoute.desktopSocket.path), .attribute(named: "data-live-every", value: "10"),
                 .attribute(named: "data-text-connected", value: ctx.t("desktop.live_on")),
                 .attribute(named: "data-text-reconnecting", value: ctx.t("desktop.live_reconnecting")),
                 .attribute(named: "data-text-paused", value: ctx.t("desktop.live_paused")),
                 panel.map { DesktopPage.barNodes($0, ctx) } ?? .p(.a(.href(SiteRoute.desktop.path), .text(ctx.t("desktop.open_to_start"))))),
            .div(.class("live-controls"),
                .p(.id("live-status"), .class("live-status"), .attribute(named: "role", value: "status"), .text(ctx.t("desktop.live_off"))),
                .button(.type(.button), .id("live-pause"), .class("secondary small-button"), .attribute(named: "aria-pressed", value: "false"),
                        .attribute(named: "hidden", value: "hidden"), .text(ctx.t("desktop.pause_updates")))),
            .div(.id("live-announcer"), .class("visually-hidden"), .attribute(named: "aria-live", value: "assertive")))
    }

    /// Keyboard shortcuts: Alt+Shift with a letter (never a single key, WCAG 2.1.4), each also
    /// reachable as a button on the page.
    static let shortcuts: [(keys: String, key: String)] = [
        ("Alt+Shift+A", "shortcuts.accept"), ("Alt+Shift+D", "shortcuts.decline"), ("Alt+Shift+E", "shortcuts.end"),
        ("Alt+Shift+C", "shortcuts.close"), ("Alt+Shift+K", "shortcuts.search"),
    ]

    static func footer(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .footer(.class("staff-footer"),
            .details(.class("shortcuts"), .id("shortcuts"),
                .summary(.text(ctx.t("shortcuts.title"))),
                .p(.text(ctx.t("shortcuts.intro"))),
                .dl(.class("facts"), .forEach(shortcuts) { s in .group(.dt(.element(named: "kbd", text: s.keys)), .dd(.text(ctx.t(s.key)))) })),
            .ul(.class("footer-links"),
                .li(.a(.href(SiteRoute.staffSecurity.path), .text(ctx.t("staff.security_title")))),
                .li(.a(.href(SiteRoute.accessibility.path), .text(ctx.t("nav.accessibility")))),
                .li(.a(.href(SiteRoute.home.path), .text(ctx.t("staff.public_site"))))))
    }
}
