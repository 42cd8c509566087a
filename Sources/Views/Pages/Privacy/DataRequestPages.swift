import Plot

/// The data protection officer's register of requests: the open ones by deadline, each with its
/// days left; one request with the person's text, the answer form and the extension form.
public enum DataRequestsPage {
    public struct Row: Sendable {
        public let id: String, reference: String, kind: String, received: String, due: String, daysLeft: Int?, office: String, status: String
        public init(id: String, reference: String, kind: String, received: String, due: String, daysLeft: Int?, office: String, status: String) {
            self.id = id; self.reference = reference; self.kind = kind; self.received = received; self.due = due; self.daysLeft = daysLeft
            self.office = office; self.status = status
        }
    }
    public typealias Model = WorkList<Row>

    /// The form registering a request that came by e-mail, phone or letter.
    public struct Register: Sendable {
        public let offices: [(value: String, label: String)]
        public let form: FormState
        public init(offices: [(value: String, label: String)], form: FormState) { self.offices = offices; self.form = form }
    }

    static func left(_ days: Int?, _ ctx: PageContext) -> String {
        guard let days else { return "–" }
        return days < 0 ? ctx.t("privacy_requests.overdue", ["days": "\(-days)"]) : ctx.t("privacy_requests.days_left", ["days": "\(days)"])
    }

    public static func render(_ model: Model, register: Register, _ ctx: PageContext) -> String {
        let rows: [[Node<HTML.BodyContext>]] = model.rows.map { r in
            [.a(.href(SiteRoute.staffPrivacyRequest(r.id).path), .text(r.reference)), .text(ctx.t("privacy_requests.kind." + r.kind)),
             .text(r.received), .text(r.due), .text(left(r.daysLeft, ctx)), .text(r.office), .text(ctx.t("privacy_requests.status." + r.status))]
        }
        return Layout.render(ctx, title: ctx.t("privacy_requests.title"), main: .group(
            .h1(.text(ctx.t("privacy_requests.title"))),
            model.notice.map { Components.notice($0) } ?? .empty,
            .p(.text(ctx.t("privacy_requests.intro"))),
            Tables.table(caption: ctx.t("privacy_requests.title"),
                         headers: ["reference", "kind", "received", "due", "left", "office", "status"].map { ctx.t("privacy_requests." + $0) },
                         rows: rows, empty: ctx.t("privacy_requests.none")),
            .h2(.id("register-heading"), .text(ctx.t("privacy_requests.register_heading"))),
            .p(.text(ctx.t("privacy_requests.register_intro"))),
            Forms.errorSummary(register.form, ctx),
            .form(.method(.post), .action(SiteRoute.staffPrivacy.path), .attribute(named: "novalidate", value: "novalidate"), Forms.csrf(ctx),
                  Forms.select("kind", label: ctx.t("privacy_requests.kind"),
                               options: ["access", "portability", "rectification", "erasure", "restriction", "objection", "complaint"]
                                   .map { ($0, ctx.t("privacy_requests.kind." + $0)) }, state: register.form, ctx: ctx),
                  Forms.select("channel", label: ctx.t("privacy_requests.channel"),
                               options: ["phone", "letter", "email"].map { ($0, ctx.t("privacy_requests.channel." + $0)) }, state: register.form, ctx: ctx),
                  Forms.select("office_id", label: ctx.t("privacy_requests.office"), options: register.offices, state: register.form, ctx: ctx),
                  Forms.field("name", label: ctx.t("privacy_requests.name"), state: register.form, ctx: ctx),
                  Forms.field("email", label: ctx.t("privacy_requests.email_label"), type: .email, state: register.form,
                              hint: ctx.t("privacy_requests.register_email_hint"), ctx: ctx),
                  Forms.textarea("text", label: ctx.t("privacy_requests.text_heading"), state: register.form, ctx: ctx),
                  .button(.type(.submit), .text(ctx.t("privacy_requests.register_submit"))))
        ))
    }
}

public enum DataRequestPage {
    public struct Model: Sendable {
        public let id: String, reference: String, kind: String, channel: String, name: String, email: String, office: String
        public let received: String, due: String, daysLeft: Int?, text: String
        public let extended: (months: Int, reason: String)?
        /// Whether the deadline may still be extended (first month, not yet extended).
        public let mayExtend: Bool
        public let answer: (text: String, at: String)?
        public let form: FormState
        public let notice: String?
        /// The identity check: the method's catalogue value and when (nil: not checked yet).
        public var identity: (check: String, at: String)? = nil
        public var needsIdentity = false
        /// The person's portal account, found by the request's address: what the officer can do for them.
        public var account: (email: String, restricted: Bool, export: String?)? = nil
        public init(id: String, reference: String, kind: String, channel: String, name: String, email: String, office: String, received: String,
                    due: String, daysLeft: Int?, text: String, extended: (months: Int, reason: String)?, mayExtend: Bool,
                    answer: (text: String, at: String)?, form: FormState, notice: String?) {
            self.id = id; self.reference = reference; self.kind = kind; self.channel = channel; self.name = name; self.email = email
            self.office = office; self.received = received; self.due = due; self.daysLeft = daysLeft; self.text = text
            self.extended = extended; self.mayExtend = mayExtend; self.answer = answer; self.form = form; self.notice = notice
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        func item(_ key: String, _ value: String) -> Node<HTML.DescriptionListContext> {
            .group(.dt(.text(ctx.t("privacy_requests." + key))), .dd(.text(value)))
        }
        return Layout.render(ctx, title: m.reference + " – " + ctx.t("privacy_requests.title"), main: .group(
            .p(.a(.href(SiteRoute.staffPrivacy.path), .text(ctx.t("privacy_requests.back")))),
            .h1(.text(m.reference + ": " + ctx.t("privacy_requests.kind." + m.kind))),
            m.notice.map { Components.notice($0) } ?? .empty,
            Forms.errorSummary(m.form, ctx),
            .dl(item("name", m.name), item("email_label", m.email), item("channel", ctx.t("privacy_requests.channel." + m.channel)),
                item("office", m.office), item("received", m.received), item("due", m.due + " (" + DataRequestsPage.left(m.daysLeft, ctx) + ")"),
                  .unwrap(m.extended) { e in item("extension", ctx.t("privacy_requests.extended", ["months": "\(e.months)", "reason": e.reason])) }),
            identity(m, ctx),
            person(m, ctx),
            .h2(.text(ctx.t("privacy_requests.text_heading"))),
            .div(.class("request-text"), .forEach(m.text.components(separatedBy: "\n").filter { !$0.isEmpty }) { .p(.text($0)) }),
            .unwrap(m.answer) { a in
                .group(.h2(.text(ctx.t("privacy_requests.answer_heading"))), .p(.class("hint"), .text(ctx.t("privacy_requests.answered_at", ["date": a.at]))),
                       .div(.class("request-text"), .forEach(a.text.components(separatedBy: "\n").filter { !$0.isEmpty }) { .p(.text($0)) }))
            },
            .if(m.answer == nil, .group(
                .h2(.id("answer-heading"), .text(ctx.t("privacy_requests.answer_heading"))),
                .form(.method(.post), .action(SiteRoute.staffPrivacyAnswer(m.id).path), .attribute(named: "novalidate", value: "novalidate"),
                      Forms.csrf(ctx),
                      Forms.textarea("answer", label: ctx.t("privacy_requests.answer"), state: m.form, hint: ctx.t("privacy_requests.answer_hint"), ctx: ctx),
                      .button(.type(.submit), .text(ctx.t("privacy_requests.answer_submit")))),
                .if(m.mayExtend, .group(
                    .h2(.id("extend-heading"), .text(ctx.t("privacy_requests.extend_heading"))),
                    .p(.text(ctx.t("privacy_requests.extend_intro"))),
                    .form(.method(.post), .action(SiteRoute.staffPrivacyExtend(m.id).path), .attribute(named: "novalidate", value: "novalidate"),
                          Forms.csrf(ctx),
                          Forms.select("months", label: ctx.t("privacy_requests.extend_months"),
                                       options: [("1", ctx.t("privacy_requests.months", ["months": "1"])), ("2", ctx.t("privacy_requests.months", ["months": "2"]))],
                                       state: m.form, ctx: ctx),
                          Forms.textarea("reason", label: ctx.t("privacy_requests.extend_reason"), state: m.form, ctx: ctx),
                          .button(.type(.submit), .text(ctx.t("privacy_requests.extend_submit"))))))
            ))
        ))
    }

    static func identity(_ m: Model, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        guard m.needsIdentity else { return .empty }
        return .section(.attribute(named: "aria-labelledby", value: "identity-heading"),
            .h2(.id("identity-heading"), .text(ctx.t("privacy_requests.identity_heading"))),
            .unwrap(m.identity) { i in .p(.text(ctx.t("privacy_requests.identity_checked", ["check": ctx.t("privacy_requests.identity." + i.check), "date": i.at]))) },
            .if(m.identity == nil, .group(
                .p(.strong(.text(ctx.t("privacy_requests.identity_needed")))),
                .form(.method(.post), .action(SiteRoute.staffPrivacyIdentity(m.id).path), Forms.csrf(ctx),
                      Forms.select("check", label: ctx.t("privacy_requests.identity_how"),
                                   options: ["account_email", "client_pin", "document", "trusted_signature"].map { ($0, ctx.t("privacy_requests.identity." + $0)) },
                                   state: m.form, ctx: ctx),
                      .button(.type(.submit), .text(ctx.t("privacy_requests.identity_submit"))))))
        )
    }

    static func person(_ m: Model, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        guard m.needsIdentity, m.answer == nil else { return .empty }
        guard let a = m.account else { return .p(.class("hint"), .text(ctx.t("privacy_requests.no_account"))) }
        func action(_ route: SiteRoute, _ label: String) -> Node<HTML.BodyContext> {
            .form(.method(.post), .action(route.path), Forms.csrf(ctx), .button(.type(.submit), .text(ctx.t(label))))
        }
        return .section(.attribute(named: "aria-labelledby", value: "person-heading"),
            .h2(.id("person-heading"), .text(ctx.t("privacy_requests.person_heading", ["email": a.email]))),
            .p(.text(ctx.t("privacy_requests.person_intro"))),
            .unwrap(a.export) { .p(.text($0)) },
            .if(m.identity != nil, .group(
                action(.staffPrivacyExport(m.id), "privacy_requests.run_export"),
                .if(!a.restricted, action(.staffPrivacyRestrict(m.id), "privacy_requests.run_restrict")),
                action(.staffPrivacyErase(m.id), "privacy_requests.run_erase")))
        )
    }
}
