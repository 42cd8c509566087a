import Plot

/// The staff start page: who is signed in, in which offices, and the areas they may open.
public enum StaffHomePage {
    public struct Model: Sendable {
        public let name: String
        public let email: String
        public let roles: [String]
        public let offices: [String]
        public let links: [(path: String, label: String)]
        /// Requests and complaints whose answer is due soon or overdue (data protection officers).
        public var dueRequests: [(path: String, label: String)] = []
        public init(name: String, email: String, roles: [String], offices: [String], links: [(path: String, label: String)]) {
            self.name = name; self.email = email; self.roles = roles; self.offices = offices; self.links = links
        }
    }

    /// How near its deadline a request is put on the officer's start page.
    public static let dueWithinDays = 7

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let unknown = ctx.t("offices.unknown")
        return Layout.render(ctx, title: ctx.t("staff.home_title"), main: .group(
            .h1(.text(ctx.t("staff.home_title"))),
            .dl(.class("facts"),
                Components.fact(ctx.t("staff.display_name"), model.name, unknown: unknown),
                Components.fact(ctx.t("form.email"), model.email, unknown: unknown),
                Components.fact(ctx.t("staff.roles"), model.roles.joined(separator: ", "), unknown: unknown),
                Components.fact(ctx.t("staff.offices"), model.offices.joined(separator: ", "), unknown: unknown)),
            .if(!model.dueRequests.isEmpty, .group(
                .h2(.text(ctx.t("staff.due_requests", ["days": "\(StaffHomePage.dueWithinDays)"]))),
                .ul(.class("link-list"), .forEach(model.dueRequests) { .li(.a(.href($0.path), .text($0.label))) }))),
            .h2(.text(ctx.t("staff.areas"))),
            .ul(.class("link-list"),
                .forEach(model.links) { .li(.a(.href($0.path), .text($0.label))) },
                .li(.a(.href(SiteRoute.staffSecurity.path), .text(ctx.t("staff.security_title")))))
        ))
    }
}

/// A staff member's own second factor: codes left, and new recovery codes for a current code.
public enum StaffSecurityPage {
    public struct Token: Sendable {
        public let id: String
        public let name: String
        public let created: String
        public let expires: String
        public let lastUsed: String?
        public init(id: String, name: String, created: String, expires: String, lastUsed: String?) {
            self.id = id; self.name = name; self.created = created; self.expires = expires; self.lastUsed = lastUsed
        }
    }

    public struct Model: Sendable {
        public let remainingCodes: Int
        public let form: FormState
        public let newCodes: [String]?
        public var tokens: [Token] = []
        public var tokenForm = FormState()
        /// A token just made: shown this once.
        public var newToken: String? = nil
        public init(remainingCodes: Int, form: FormState, newCodes: [String]?) {
            self.remainingCodes = remainingCodes; self.form = form; self.newCodes = newCodes
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("staff.security_title"), main: .group(
            .h1(.text(ctx.t("staff.security_title"))),
            .p(.text(ctx.t("twofactor.active"))),
            .p(.text(ctx.plural("twofactor.codes_left", model.remainingCodes, ["count": "\(model.remainingCodes)"]))),
            model.newCodes.map { RecoveryCodesList.node($0, ctx) } ?? .empty,
            .h2(.id("codes-heading"), .text(ctx.t("twofactor.new_codes"))),
            Forms.errorSummary(model.form, ctx),
            .form(.method(.post), .action(SiteRoute.staffRecoveryCodes.path), .attribute(named: "aria-labelledby", value: "codes-heading"),
                  .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.field("code", label: ctx.t("twofactor.code"), state: model.form, autocomplete: "one-time-code", ctx: ctx),
                .button(.type(.submit), .text(ctx.t("twofactor.new_codes")))),
            tokens(model, ctx)
        ))
    }

    /// Personal API tokens: read-only access to the API (e.g. `GET /api/v1/queues`) for a
    /// wallboard screen or a script.
    static func tokens(_ model: Model, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .h2(.id("tokens-heading"), .text(ctx.t("tokens.heading"))),
            .p(.text(ctx.t("tokens.intro"))),
            model.newToken.map { token in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.text(ctx.t("tokens.shown_once"))), .p(.code(.id("new-token"), .text(token))))
            } ?? .empty,
            Tables.table(caption: ctx.t("tokens.heading"),
                         headers: [ctx.t("tokens.name"), ctx.t("tokens.created"), ctx.t("tokens.expires"), ctx.t("tokens.last_used"), ctx.t("wallboard.actions")],
                         rows: model.tokens.map { t in
                             [.text(t.name), .text(t.created), .text(t.expires), .text(t.lastUsed ?? "–"),
                              Forms.button(SiteRoute.staffTokenRevoke(t.id).path, label: ctx.t("tokens.revoke"),
                                           accessibleLabel: ctx.t("tokens.revoke_named", ["name": t.name]), ctx: ctx)]
                         }, empty: ctx.t("tokens.none")),
            Forms.errorSummary(model.tokenForm, ctx),
            .form(.method(.post), .action(SiteRoute.staffTokens.path), .attribute(named: "aria-labelledby", value: "tokens-heading"),
                  .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.field("token_name", label: ctx.t("tokens.name"), state: model.tokenForm, hint: ctx.t("tokens.name_hint"), ctx: ctx),
                .button(.type(.submit), .text(ctx.t("tokens.create"))))
        )
    }
}
