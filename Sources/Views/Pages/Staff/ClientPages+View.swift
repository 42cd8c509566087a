import Plot

/// Looking a client up by client number, phone, e-mail or PESEL, with the reason of the read.
public enum ClientSearchPage {
    public struct Row: Sendable {
        public let id: String, number: String, name: String, office: String, reason: String
        public init(id: String, number: String, name: String, office: String, reason: String) {
            self.id = id; self.number = number; self.name = name; self.office = office; self.reason = reason
        }
    }
    public struct Model: Sendable {
        public let form: FormState
        public let kinds: [(value: String, label: String)]
        public let reasons: [(value: String, label: String)]
        /// nil before a search.
        public let rows: [Row]?
        public init(form: FormState, kinds: [(value: String, label: String)], reasons: [(value: String, label: String)], rows: [Row]?) {
            self.form = form; self.kinds = kinds; self.reasons = reasons; self.rows = rows
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let results: Node<HTML.BodyContext> = model.rows.map { rows in
            Tables.table(caption: ctx.t("clients.results"),
                         headers: [ctx.t("clients.number"), ctx.t("account.name"), ctx.t("clients.office")],
                         rows: rows.map { r in
                             [.a(.href(SiteRoute.staffClient(r.id).with(["reason": r.reason])), .text(r.number)), .text(r.name), .text(r.office)]
                         },
                         empty: ctx.t("clients.none"))
        } ?? .empty
        return Layout.render(ctx, title: ctx.t("clients.title"), main: .group(
            .h1(.text(ctx.t("clients.title"))),
            Forms.errorSummary(model.form, ctx),
            .form(.method(.get), .action(SiteRoute.staffClients.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.select("by", label: ctx.t("clients.search_by"), options: model.kinds, state: model.form, ctx: ctx),
                Forms.field("q", label: ctx.t("clients.query"), type: .search, state: model.form, autocomplete: "off", ctx: ctx),
                Forms.select("reason", label: ctx.t("clients.reason"), options: model.reasons, state: model.form,
                             blank: ctx.t("clients.reason_choose"), ctx: ctx),
                .button(.type(.submit), .text(ctx.t("clients.search")))),
            results
        ))
    }
}

/// Before a client card shows personal data, the staff member says why they open it.
public enum ClientReasonPage {
    public struct Model: Sendable {
        public let clientID: String
        public let reasons: [(value: String, label: String)]
        public init(clientID: String, reasons: [(value: String, label: String)]) { self.clientID = clientID; self.reasons = reasons }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("clients.card_title"), main: .group(
            .h1(.text(ctx.t("clients.card_title"))),
            .p(.text(ctx.t("clients.reason_intro"))),
            .form(.method(.get), .action(SiteRoute.staffClient(model.clientID).path),
                Forms.select("reason", label: ctx.t("clients.reason"), options: model.reasons, state: FormState(), ctx: ctx),
                .button(.type(.submit), .text(ctx.t("clients.open"))))
        ))
    }
}

/// The client card: identity, contacts, the linked account, the phone PIN, and whether the
/// client is registered as unemployed (the free line 9510 checks it).
public enum ClientCardPage {
    public struct Model: Sendable {
        public let id: String, number: String, kind: String, name: String
        public let pesel: String?, office: String?
        public let phones: [String], emails: [String]
        public let accountEmail: String?
        public let hasPIN: Bool
        public let reason: String
        public let pinForm: FormState
        public let notice: String?
        /// "since 1 September 2026", or nil when not registered as unemployed.
        public let unemployedSince: String?
        public let registrationForm: FormState
        public init(id: String, number: String, kind: String, name: String, pesel: String?, office: String?, phones: [String],
                    emails: [String], accountEmail: String?, hasPIN: Bool, reason: String, pinForm: FormState, notice: String?,
                    unemployedSince: String?, registrationForm: FormState) {
            self.id = id; self.number = number; self.kind = kind; self.name = name; self.pesel = pesel; self.office = office
            self.phones = phones; self.emails = emails; self.accountEmail = accountEmail; self.hasPIN = hasPIN
            self.reason = reason; self.pinForm = pinForm; self.notice = notice
            self.unemployedSince = unemployedSince; self.registrationForm = registrationForm
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let unknown = ctx.t("offices.unknown")
        let facts: Node<HTML.BodyContext> = .dl(.class("facts"),
            Components.fact(ctx.t("clients.number"), model.number, unknown: unknown),
            Components.fact(ctx.t("clients.kind"), model.kind, unknown: unknown),
            Components.fact(ctx.t("account.name"), model.name.isEmpty ? nil : model.name, unknown: unknown),
            Components.fact("PESEL", model.pesel, unknown: unknown),
            Components.fact(ctx.t("clients.office"), model.office, unknown: unknown),
            Components.fact(ctx.t("form.phone"), model.phones.isEmpty ? nil : model.phones.joined(separator: ", "), unknown: unknown),
            Components.fact(ctx.t("form.email"), model.emails.isEmpty ? nil : model.emails.joined(separator: ", "), unknown: unknown),
            Components.fact(ctx.t("clients.account"), model.accountEmail, unknown: ctx.t("clients.no_account")),
            Components.fact(ctx.t("clients.pin"), ctx.t(model.hasPIN ? "clients.pin_yes" : "clients.pin_no"), unknown: unknown),
            Components.fact(ctx.t("clients.unemployed"), model.unemployedSince, unknown: ctx.t("clients.unemployed_no")))
        let registration: Node<HTML.BodyContext> = .form(.method(.post), .action(SiteRoute.staffClientRegistration(model.id).path),
            .attribute(named: "aria-labelledby", value: "registration-heading"), .attribute(named: "novalidate", value: "novalidate"),
            Forms.csrf(ctx),
            .input(.type(.hidden), .name("reason"), .value(model.reason)),
            Forms.field("since", label: ctx.t("clients.unemployed_since"), type: .date, state: model.registrationForm, required: false,
                        hint: ctx.t("clients.unemployed_since_hint"), ctx: ctx),
            .button(.type(.submit), .text(ctx.t("clients.unemployed_save"))))
        let pin: Node<HTML.BodyContext> = .form(.method(.post), .action(SiteRoute.staffClientPIN(model.id).path),
            .attribute(named: "aria-labelledby", value: "pin-heading"), .attribute(named: "novalidate", value: "novalidate"),
            Forms.csrf(ctx),
            .input(.type(.hidden), .name("reason"), .value(model.reason)),
            Forms.field("pin", label: ctx.t("clients.new_pin"), type: .password, state: model.pinForm, autocomplete: "off",
                        hint: ctx.t("clients.pin_hint"), ctx: ctx),
            .button(.type(.submit), .text(ctx.t("clients.set_pin"))))
        return Layout.render(ctx, title: ctx.t("clients.card_title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.staffClients.path), .text("← " + ctx.t("clients.title")))),
            .h1(.text(ctx.t("clients.card_title") + " " + model.number)),
            model.notice.map { Components.notice($0) } ?? .empty,
            facts,
            .h2(.id("pin-heading"), .text(ctx.t("clients.set_pin"))),
            Forms.errorSummary(model.pinForm, ctx),
            pin,
            .h2(.id("registration-heading"), .text(ctx.t("clients.unemployed_heading"))),
            Forms.errorSummary(model.registrationForm, ctx),
            registration
        ))
    }
}
