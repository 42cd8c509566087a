import Plot

/// The staff start page: who is signed in, in which offices, and the areas they may open.
public enum StaffHomePage {
    public struct Model: Sendable {
        public let name: String
        public let email: String
        public let roles: [String]
        public let offices: [String]
        public let links: [(path: String, label: String)]
        public init(name: String, email: String, roles: [String], offices: [String], links: [(path: String, label: String)]) {
            self.name = name; self.email = email; self.roles = roles; self.offices = offices; self.links = links
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let unknown = ctx.t("offices.unknown")
        return Layout.render(ctx, title: ctx.t("staff.home_title"), main: .group(
            .h1(.text(ctx.t("staff.home_title"))),
            .dl(.class("facts"),
                Components.fact(ctx.t("staff.display_name"), model.name, unknown: unknown),
                Components.fact(ctx.t("form.email"), model.email, unknown: unknown),
                Components.fact(ctx.t("staff.roles"), model.roles.joined(separator: ", "), unknown: unknown),
                Components.fact(ctx.t("staff.offices"), model.offices.joined(separator: ", "), unknown: unknown)),
            .h2(.text(ctx.t("staff.areas"))),
            .ul(.class("link-list"),
                .forEach(model.links) { .li(.a(.href($0.path), .text($0.label))) },
                .li(.a(.href("/staff/security"), .text(ctx.t("staff.security_title")))))
        ))
    }
}

/// A staff member's own second factor: codes left, and new recovery codes for a current code.
public enum StaffSecurityPage {
    public struct Model: Sendable {
        public let remainingCodes: Int
        public let form: FormState
        public let newCodes: [String]?
        public init(remainingCodes: Int, form: FormState, newCodes: [String]?) {
            self.remainingCodes = remainingCodes; self.form = form; self.newCodes = newCodes
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("staff.security_title"), main: .group(
            StaffNav.back(ctx),
            .h1(.text(ctx.t("staff.security_title"))),
            .p(.text(ctx.t("twofactor.active"))),
            .p(.text(ctx.plural("twofactor.codes_left", model.remainingCodes, ["count": "\(model.remainingCodes)"]))),
            model.newCodes.map { RecoveryCodesList.node($0, ctx) } ?? .empty,
            .h2(.id("codes-heading"), .text(ctx.t("twofactor.new_codes"))),
            Forms.errorSummary(model.form, ctx),
            .form(.method(.post), .action("/staff/security/recovery-codes"), .attribute(named: "aria-labelledby", value: "codes-heading"),
                  .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.field("code", label: ctx.t("twofactor.code"), state: model.form, autocomplete: "one-time-code", ctx: ctx),
                .button(.type(.submit), .text(ctx.t("twofactor.new_codes"))))
        ))
    }
}

enum StaffNav {
    static func back(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .p(.class("breadcrumb"), .a(.href("/staff/home"), .text("← " + ctx.t("staff.home_title"))))
    }
}
