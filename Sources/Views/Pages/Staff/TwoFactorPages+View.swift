import Plot
import QRCode

/// The code step of a staff sign-in.
public enum TwoFactorPage {
    public static func render(_ form: FormState, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("twofactor.title"), main: .group(
            .h1(.text(ctx.t("twofactor.title"))),
            Forms.errorSummary(form, ctx),
            .p(.text(ctx.t("twofactor.intro"))),
            .form(.method(.post), .action(SiteRoute.loginTwoFactor.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.field("code", label: ctx.t("twofactor.code"), state: form, autocomplete: "one-time-code",
                            hint: ctx.t("twofactor.code_hint"), ctx: ctx),
                .button(.type(.submit), .text(ctx.t("twofactor.submit"))))
        ))
    }
}

/// Enrolment at the first staff sign-in: the secret as text and as an otpauth link, confirmed
/// with a first code.
public enum TwoFactorSetupPage {
    public struct Model: Sendable {
        public let secret: String
        public let uri: String
        public let form: FormState
        public init(secret: String, uri: String, form: FormState) { self.secret = secret; self.uri = uri; self.form = form }
        /// The URI as a QR code to scan; nil only if it could not be encoded (it always fits).
        var qr: QRCode? { try? QRCode(uri) }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("twofactor.setup_title"), main: .group(
            .h1(.text(ctx.t("twofactor.setup_title"))),
            Forms.errorSummary(model.form, ctx),
            .p(.text(ctx.t("twofactor.setup_intro"))),
            .ol(
                .li(.text(ctx.t("twofactor.setup_step_app"))),
                .li(.text(ctx.t("twofactor.setup_step_scan")),
                    model.qr.map { QRCodeSVG.node($0, label: ctx.t("twofactor.qr_label")) } ?? .empty),
                .li(.text(ctx.t("twofactor.setup_step_key") + " "), .code(.id("totp-secret"), .text(model.secret)),
                    .text(" "), .a(.href(model.uri), .text(ctx.t("twofactor.setup_link")))),
                .li(.text(ctx.t("twofactor.setup_step_code")))),
            .form(.method(.post), .action(SiteRoute.loginTwoFactorSetup.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.field("code", label: ctx.t("twofactor.code"), state: model.form, autocomplete: "one-time-code", ctx: ctx),
                .button(.type(.submit), .text(ctx.t("twofactor.setup_submit"))))
        ))
    }
}

/// Recovery codes, shown once after enrolment or renewal.
public enum RecoveryCodesPage {
    public static func render(_ codes: [String], _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("twofactor.codes_title"), main: .group(
            .h1(.text(ctx.t("twofactor.codes_title"))),
            Components.notice(ctx.t("twofactor.enrolled")),
            RecoveryCodesList.node(codes, ctx),
            .p(.a(.href(SiteRoute.staffHome.path), .text(ctx.t("staff.home_title"))))
        ))
    }
}

enum RecoveryCodesList {
    static func node(_ codes: [String], _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .group(.p(.text(ctx.t("twofactor.codes_intro"))),
               .ul(.class("recovery-codes"), .forEach(codes) { .li(.code(.text($0))) }))
    }
}
