import Plot

extension AppPages {
    public static func renderOffline(_ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("app.offline_title"), main: .group(
            .h1(.text(ctx.t("app.offline_title"))),
            .p(.text(ctx.t("app.offline_intro"))),
            .ul(.li(.a(.href(SiteRoute.accountAlerts.path), .text(ctx.t("alerts.title")))),
                .li(.a(.href(SiteRoute.accountMatches.path), .text(ctx.t("matches.title"))))),
            .p(.text(ctx.t("app.offline_call")))
        ))
    }

    public static func renderNotifications(_ model: NotificationsModel, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("app.notifications_title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.account.path), .text("← " + ctx.t("account.title")))),
            .h1(.text(ctx.t("app.notifications_title"))),
            model.notice.map { Components.notice($0) } ?? .empty,
            .p(.text(ctx.t("app.notifications_intro"))),
            .section(.attribute(named: "aria-labelledby", value: "kinds-heading"),
                .h2(.id("kinds-heading"), .text(ctx.t("app.kinds_heading"))),
                .form(.method(.post), .action(SiteRoute.accountNotifications.path),
                    Forms.csrf(ctx),
                    .fieldset(.element(named: "legend", text: ctx.t("app.kinds_legend")),
                        .forEach(model.kinds) { k in
                            Forms.checkbox("kind_" + k.value, label: k.label, state: FormState(values: k.on ? ["kind_" + k.value: "on"] : [:]))
                        }),
                    .button(.type(.submit), .text(ctx.t("app.kinds_save"))))),
            .section(.attribute(named: "aria-labelledby", value: "device-heading"),
                .h2(.id("device-heading"), .text(ctx.t("app.device_heading"))),
                .p(.text(ctx.t("app.devices", ["count": "\(model.devices)"]))),
                .div(.id("push-device"), .attribute(named: "data-key", value: model.key),
                     .attribute(named: "data-action", value: SiteRoute.accountPushSubscriptions.path),
                     .attribute(named: "data-csrf", value: ctx.csrfToken),
                     .attribute(named: "data-done", value: ctx.t("app.device_done")),
                     .attribute(named: "data-failed", value: ctx.t("app.device_failed")),
                     .attribute(named: "data-denied", value: ctx.t("app.device_denied")),
                     .attribute(named: "data-unsupported", value: ctx.t("app.device_unsupported")),
                     .p(.class("hint"), .text(ctx.t("app.device_hint"))),
                     .button(.type(.button), .id("push-subscribe"), .attribute(named: "hidden", value: "hidden"), .text(ctx.t("app.device_subscribe"))),
                     .p(.id("push-status"), .attribute(named: "role", value: "status"))),
                .if(model.devices > 0, .p(Forms.button(SiteRoute.accountPushTest.path, label: ctx.t("app.test"), style: .secondary, ctx: ctx))))
        ))
    }
}
