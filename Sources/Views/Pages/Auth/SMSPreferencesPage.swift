import Plot

/// What comes by SMS to the phone of a job seeker's profile.
public enum SMSPreferencesPage {
    public struct Model: Sendable {
        public let phone: String?
        public let notice: String?
        public var offerAlerts = false
        public var reminders = true
        public var surveys = true
        public var optedOut = false
        public init(phone: String?, notice: String?) { self.phone = phone; self.notice = notice }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("sms.prefs_title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.account.path), .text("← " + ctx.t("nav.account")))),
            .h1(.text(ctx.t("sms.prefs_title"))),
            m.notice.map { Components.notice($0) } ?? .empty,
            m.phone.map { phone in
                .group(
                    .p(.text(ctx.t("sms.prefs_intro", ["phone": phone]))),
                    .if(m.optedOut, Components.notice(ctx.t("sms.prefs_opted_out"), role: "status")),
                    .form(.method(.post), .action(SiteRoute.accountSMS.path),
                        Forms.csrf(ctx),
                        .fieldset(.element(named: "legend", text: ctx.t("sms.prefs_legend")),
                            Forms.checkbox("offer_alerts", label: ctx.t("sms.prefs_offer_alerts"), state: FormState(values: ["offer_alerts": m.offerAlerts ? "on" : ""])),
                            Forms.checkbox("reminders", label: ctx.t("sms.prefs_reminders"), state: FormState(values: ["reminders": m.reminders ? "on" : ""])),
                            Forms.checkbox("surveys", label: ctx.t("sms.prefs_surveys"), state: FormState(values: ["surveys": m.surveys ? "on" : ""])),
                            .if(m.optedOut, Forms.checkbox("allow_again", label: ctx.t("sms.prefs_allow_again"), state: FormState()))),
                        .button(.type(.submit), .text(ctx.t("sms.prefs_save")))))
            } ?? .p(.text(ctx.t("sms.prefs_no_phone")))
        ))
    }
}
