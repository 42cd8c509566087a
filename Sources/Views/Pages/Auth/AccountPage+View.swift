import Plot

public enum AccountPage {
    public struct CompanyInfo: Sendable {
        public let name: String
        public let verified: Bool
        public let users: [String]
        public init(name: String, verified: Bool, users: [String]) { self.name = name; self.verified = verified; self.users = users }
    }

    public struct Model: Sendable {
        public enum Kind: Sendable { case seeker, employer, staff }
        public let kind: Kind
        public let email: String
        public let emailVerified: Bool
        public let name: String?
        public let address: String?
        /// The state of the link to a client record, in words; nil when never asked for.
        public let linkStatus: String?
        public let mayRequestLink: Bool
        public let hasPhoto: Bool
        public let company: CompanyInfo?
        /// One state for every form of the page (their field names differ).
        public let form: FormState
        public let notice: String?
        /// Devices signed in to the Moja Praca app (job seekers).
        public var devices: [Device] = []
        public init(kind: Kind, email: String, emailVerified: Bool, name: String?, address: String?, linkStatus: String?,
                    mayRequestLink: Bool, hasPhoto: Bool, company: CompanyInfo?, form: FormState, notice: String?) {
            self.kind = kind; self.email = email; self.emailVerified = emailVerified; self.name = name; self.address = address
            self.linkStatus = linkStatus; self.mayRequestLink = mayRequestLink; self.hasPhoto = hasPhoto; self.company = company
            self.form = form; self.notice = notice
        }
    }

    /// A device signed in to the app, in words.
    public struct Device: Sendable {
        public let id: String, name: String, scopes: String, created: String, lastUsed: String, expires: String
        public init(id: String, name: String, scopes: String, created: String, lastUsed: String, expires: String) {
            self.id = id; self.name = name; self.scopes = scopes; self.created = created; self.lastUsed = lastUsed; self.expires = expires
        }
    }

    static func section(_ id: String, _ title: String, _ content: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .section(.attribute(named: "aria-labelledby", value: id), .h2(.id(id), .text(title)), content)
    }

    static func form(_ action: String, _ ctx: PageContext, multipart: Bool = false, _ fields: Node<HTML.FormContext>...) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(action), .attribute(named: "novalidate", value: "novalidate"),
              .if(multipart, .attribute(named: "enctype", value: "multipart/form-data")),
              Forms.csrf(ctx), .group(fields))
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let unknown = ctx.t("offices.unknown")
        let f = model.form
        let facts: Node<HTML.BodyContext> = .dl(.class("facts"),
            Components.fact(ctx.t("form.email"), model.email, unknown: unknown),
            Components.fact(ctx.t("account.email_status"),
                            ctx.t(model.emailVerified ? "account.email_verified" : "account.email_unverified"), unknown: unknown),
            .if(model.kind == .seeker, .group(
                Components.fact(ctx.t("account.name"), model.name, unknown: unknown),
                Components.fact(ctx.t("offices.address"), model.address, unknown: unknown)))
        )
        let staffLink: Node<HTML.BodyContext> = .if(model.kind == .staff, .p(.a(.href(SiteRoute.staffHome.path), .text(ctx.t("staff.home_title")))))
        let password = section("password-heading", ctx.t("account.change_password"), form(SiteRoute.accountPassword.path, ctx,
            Forms.field("current_password", label: ctx.t("form.current_password"), type: .password, state: f,
                        autocomplete: "current-password", ctx: ctx),
            Forms.field("password", label: ctx.t("form.new_password"), type: .password, state: f,
                        autocomplete: "new-password", hint: ctx.t("form.password_hint", ["min": "10"]), ctx: ctx),
            .button(.type(.submit), .text(ctx.t("account.change_password")))))
        let sessions = section("sessions-heading", ctx.t("account.sessions_heading"), .group(
            .p(.text(ctx.t("account.sessions_text"))),
            form(SiteRoute.accountSignOutEverywhere.path, ctx, .button(.type(.submit), .text(ctx.t("account.sign_out_everywhere")))),
            .if(model.kind == .seeker, .group(
                .h3(.text(ctx.t("app.devices_heading"))),
                .p(.text(ctx.t("app.devices_intro"))),
                Tables.table(caption: ctx.t("app.devices_heading"),
                             headers: [ctx.t("app.device"), ctx.t("app.scopes_heading"), ctx.t("app.signed_in"), ctx.t("app.last_used"), ctx.t("app.expires"), ""],
                             rows: model.devices.map { d in
                                 [.text(d.name), .text(d.scopes), .text(d.created), .text(d.lastUsed), .text(d.expires),
                                  Forms.button(SiteRoute.accountDeviceRevoke(d.id).path, label: ctx.t("app.revoke"),
                                               accessibleLabel: ctx.t("app.revoke") + ": " + d.name, style: .danger, ctx: ctx)]
                             }, empty: ctx.t("app.no_devices"))))))
        let email = section("email-heading", ctx.t("account.change_email"), .group(
            .p(.text(ctx.t("account.change_email_intro"))),
            form(SiteRoute.accountEmail.path, ctx,
                Forms.field("new_email", label: ctx.t("account.new_email"), type: .email, state: f, autocomplete: "email", ctx: ctx),
                Forms.field("email_password", label: ctx.t("form.current_password"), type: .password, state: f,
                            autocomplete: "current-password", ctx: ctx),
                .button(.type(.submit), .text(ctx.t("account.change_email"))))))
        let cvs: Node<HTML.BodyContext> = .group(
            .if(model.kind == .seeker, .p(.a(.href(SiteRoute.accountCVs.path), .text(ctx.t("cv.list_title"))))),
            .if(model.kind == .seeker, .p(.a(.href(SiteRoute.accountMatches.path), .text(ctx.t("matches.title"))))),
            .if(model.kind == .seeker, .p(.a(.href(SiteRoute.accountRecruitments.path), .text(ctx.t("recruitment.seeker_title"))))),
            .if(model.kind == .seeker, .p(.a(.href(SiteRoute.accountNotifications.path), .text(ctx.t("app.notifications_title"))))),
            .if(model.kind != .staff, .p(.a(.href(SiteRoute.accountAlerts.path), .text(ctx.t("alerts.title"))))),
            .if(model.kind == .seeker, .p(.a(.href(SiteRoute.accountSMS.path), .text(ctx.t("sms.prefs_title"))))),
            .if(model.kind != .staff, .p(.a(.href(SiteRoute.accountPrivacy.path), .text(ctx.t("account_privacy.link"))))))
        let link: Node<HTML.BodyContext> = .if(model.kind == .seeker, section("link-heading", ctx.t("account.link_title"), .group(
            .p(.text(ctx.t("account.link_intro"))),
            model.linkStatus.map { .p(.class("status"), .text($0)) } ?? .empty,
            .if(model.mayRequestLink, form(SiteRoute.accountClientLink.path, ctx,
                Forms.field("pesel", label: "PESEL", state: f, autocomplete: "off", hint: ctx.t("account.link_hint"), ctx: ctx),
                .button(.type(.submit), .text(ctx.t("account.link_submit"))))))))
        let photo: Node<HTML.BodyContext> = .if(model.kind != .staff, section("photo-heading", ctx.t("account.photo_title"), .group(
            .if(model.hasPhoto, .group(
                .img(.src(SiteRoute.accountPhoto.path), .alt(ctx.t("account.photo_alt")), .class("account-photo")),
                .form(.method(.post), .action(SiteRoute.accountPhotoDelete.path), Forms.csrf(ctx),
                      .button(.type(.submit), .class("secondary"), .text(ctx.t("account.photo_delete")))))),
            form(SiteRoute.accountPhoto.path, ctx, multipart: true,
                Forms.field("photo", label: ctx.t("account.photo_file"), type: .file, state: f, required: false,
                            hint: ctx.t("account.photo_hint", ["max": "2"]), ctx: ctx),
                .button(.type(.submit), .text(ctx.t("account.photo_upload")))))))
        let company: Node<HTML.BodyContext> = model.company.map { c in
            section("company-heading", c.name, .group(
                .p(.text(ctx.t(c.verified ? "company.verified" : "company.unverified"))),
                .p(.a(.href(SiteRoute.employerOffers.path), .text(ctx.t("offers.mine_title")))),
                .p(.a(.href(SiteRoute.employerCandidates.path), .text(ctx.t("candidates.title")))),
                .h3(.text(ctx.t("company.users"))),
                .ul(.forEach(c.users) { .li(.text($0)) }),
                form(SiteRoute.accountCompanyInvite.path, ctx,
                    Forms.field("invite_email", label: ctx.t("company.invite_email"), type: .email, state: f, autocomplete: "off",
                                hint: ctx.t("company.invite_hint"), ctx: ctx),
                    .button(.type(.submit), .text(ctx.t("company.invite"))))))
        } ?? .empty
        return Layout.render(ctx, title: ctx.t("account.title"), main: .group(
            .h1(.text(ctx.t("account.title"))),
            .if(model.notice != nil, Components.notice(model.notice ?? "")),
            Forms.errorSummary(f, ctx),
            facts, staffLink, cvs, company, link, password, sessions, email, photo
        ))
    }
}

/// Joining a company's account on the portal through an invitation.
public enum JoinCompanyPage {
    public struct Model: Sendable {
        public let token: String, email: String, company: String
        public let form: FormState
        public let consent: ConsentPrompt
        public init(token: String, email: String, company: String, form: FormState, consent: ConsentPrompt) {
            self.token = token; self.email = email; self.company = company; self.form = form; self.consent = consent
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("company.join_title"), main: .group(
            .h1(.text(ctx.t("company.join_title"))),
            .p(.text(ctx.t("company.join_intro", ["company": model.company, "email": model.email]))),
            Forms.errorSummary(model.form, ctx),
            .form(.method(.post), .action(SiteRoute.registerEmployerJoin.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                .input(.type(.hidden), .name("token"), .value(model.token)),
                Forms.field("contact_person", label: ctx.t("employer.contact_person"), state: model.form, autocomplete: "name", ctx: ctx),
                Forms.field("password", label: ctx.t("form.password"), type: .password, state: model.form, autocomplete: "new-password",
                            hint: ctx.t("form.password_hint", ["min": "10"]), ctx: ctx),
                Forms.consent("consent", model.consent, required: true, state: model.form, ctx: ctx),
                .button(.type(.submit), .text(ctx.t("company.join_submit")))))
        )
    }
}
