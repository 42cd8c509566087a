import Plot

/// Booking a video consultation in Polish Sign Language (PJM): an hour, e-mail and phone, the
/// powiat; the meeting link comes by e-mail and a consultant who signs joins at that hour.
public enum VideoPage {
    public struct Model: Sendable {
        public let form: FormState
        public let powiats: [(value: String, label: String)]
        public let slots: [(value: String, label: String)]
        public let booked: (caseNumber: String, when: String)?
        public init(form: FormState, powiats: [(value: String, label: String)], slots: [(value: String, label: String)],
                    booked: (caseNumber: String, when: String)?) {
            self.form = form; self.powiats = powiats; self.slots = slots; self.booked = booked
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let f = m.form
        return Layout.render(ctx, title: ctx.t("video.title"), main: .group(
            .h1(.text(ctx.t("video.title"))),
            m.booked.map { b in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.strong(.text(ctx.t("video.booked", ["case": b.caseNumber, "when": b.when])))))
            } ?? .empty,
            .p(.text(ctx.t("video.intro"))),
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(SiteRoute.video.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.select("slot", label: ctx.t("video.slot"), options: m.slots, state: f, blank: ctx.t("form.choose"), ctx: ctx),
                Forms.field("email", label: ctx.t("form.email"), type: .email, state: f, autocomplete: "email", hint: ctx.t("video.email_hint"), ctx: ctx),
                Forms.field("phone", label: ctx.t("callback.phone"), type: .tel, state: f, required: false, autocomplete: "tel",
                            hint: ctx.t("video.phone_hint"), ctx: ctx),
                Forms.select("powiat", label: ctx.t("contact.powiat"), options: m.powiats, state: f, blank: ctx.t("form.choose"), ctx: ctx),
                Forms.trap(ctx),
                .button(.type(.submit), .text(ctx.t("video.send"))))
        ))
    }
}
