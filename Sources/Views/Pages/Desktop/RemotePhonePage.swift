import Plot

/// Working remotely: the consultant's own phone, proved theirs by a call that reads a code,
/// and whether calls go to it now or to the desk's phone.
public enum RemotePhonePage {
    public struct Model: Sendable {
        /// The number saved, if any.
        public let phone: String?
        public let verified: Bool
        /// Calls go to the consultant's phone now.
        public let remote: Bool
        /// A code was read to the number and may be typed now.
        public let awaitingCode: Bool
        /// The carrier's API is configured (without it no number can be proved).
        public let canCall: Bool
        public let phoneForm: FormState
        public let codeForm: FormState
        public let notice: String?
        public init(phone: String?, verified: Bool, remote: Bool, awaitingCode: Bool, canCall: Bool, phoneForm: FormState, codeForm: FormState,
                    notice: String?) {
            self.phone = phone; self.verified = verified; self.remote = remote; self.awaitingCode = awaitingCode; self.canCall = canCall
            self.phoneForm = phoneForm; self.codeForm = codeForm; self.notice = notice
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let status: String
        if m.phone == nil { status = ctx.t("remote.status_none") }
        else if !m.verified { status = ctx.t("remote.status_unverified", ["phone": m.phone!]) }
        else { status = ctx.t(m.remote ? "remote.status_on" : "remote.status_off", ["phone": m.phone!]) }
        return Layout.render(ctx, title: ctx.t("remote.title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.desktop.path), .text("← " + ctx.t("desktop.title")))),
            .h1(.text(ctx.t("remote.title"))),
            .p(.text(ctx.t("remote.intro"))),
            m.notice.map { Components.notice($0) } ?? .empty,
            .p(.id("remote-status"), .strong(.text(status))),
            .if(m.verified, Forms.button(SiteRoute.desktopPhoneRemote.path, label: ctx.t(m.remote ? "remote.turn_off" : "remote.turn_on"),
                                         hidden: [("remote", m.remote ? "off" : "on")], style: m.remote ? .secondary : .primary, ctx: ctx)),
            .if(m.awaitingCode, .section(.attribute(named: "aria-labelledby", value: "code-heading"),
                .h2(.id("code-heading"), .text(ctx.t("remote.code_heading"))),
                Forms.errorSummary(m.codeForm, ctx),
                .form(.method(.post), .action(SiteRoute.desktopPhoneVerify.path), .attribute(named: "novalidate", value: "novalidate"),
                    Forms.csrf(ctx),
                    Forms.field("code", label: ctx.t("remote.code"), state: m.codeForm, autocomplete: "one-time-code", hint: ctx.t("remote.code_hint"),
                                attributes: [("inputmode", "numeric"), ("maxlength", "6")], ctx: ctx),
                    .button(.type(.submit), .text(ctx.t("remote.verify")))))),
            .section(.attribute(named: "aria-labelledby", value: "number-heading"),
                .h2(.id("number-heading"), .text(ctx.t(m.phone == nil ? "remote.number_heading" : "remote.number_change"))),
                m.canCall ? .group(
                    Forms.errorSummary(m.phoneForm, ctx),
                    .form(.method(.post), .action(SiteRoute.desktopPhone.path), .attribute(named: "novalidate", value: "novalidate"),
                        Forms.csrf(ctx),
                        Forms.field("phone", label: ctx.t("remote.number"), type: .tel, state: m.phoneForm, autocomplete: "tel", hint: ctx.t("remote.number_hint"), ctx: ctx),
                        .button(.type(.submit), .text(ctx.t("remote.call_me")))))
                : .p(.class("notice"), .text(ctx.t("remote.no_carrier")))),
            .if(m.phone != nil, Forms.button(SiteRoute.desktopPhoneForget.path, label: ctx.t("remote.forget"), style: .danger, ctx: ctx))
        ))
    }
}
