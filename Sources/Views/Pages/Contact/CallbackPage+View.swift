import Plot

/// "Zamów rozmowę": leave a phone number and choose an hour within the contact centre's
/// opening hours; a consultant of the office of your powiat calls back then.
public enum CallbackPage {
    public struct Model: Sendable {
        public let form: FormState
        public let powiats: [(value: String, label: String)]
        public let topics: [(value: String, label: String)]
        /// The hours one may choose (opening hours, holidays left out).
        public let slots: [(value: String, label: String)]
        public let booked: (caseNumber: String, when: String, office: String)?
        public init(form: FormState, powiats: [(value: String, label: String)], topics: [(value: String, label: String)],
                    slots: [(value: String, label: String)], booked: (caseNumber: String, when: String, office: String)?) {
            self.form = form; self.powiats = powiats; self.topics = topics; self.slots = slots; self.booked = booked
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let f = m.form
        return Layout.render(ctx, title: ctx.t("callback.title"), main: .group(
            .h1(.text(ctx.t("callback.title"))),
            m.booked.map { b in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.strong(.text(ctx.t("callback.booked", ["case": b.caseNumber, "when": b.when])))),
                     .p(.text(ctx.t("callback.office", ["office": b.office]))))
            } ?? .empty,
            .p(.text(ctx.t("callback.intro", ["hours": ctx.hoursLongText]))),
            Forms.errorSummary(f, ctx),
            .form(.method(.post), .action(SiteRoute.callback.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrf(ctx),
                Forms.field("phone", label: ctx.t("callback.phone"), type: .tel, state: f, autocomplete: "tel", hint: ctx.t("callback.phone_hint"), ctx: ctx),
                Forms.select("slot", label: ctx.t("callback.slot"), options: m.slots, state: f, blank: ctx.t("form.choose"), ctx: ctx),
                Forms.select("powiat", label: ctx.t("contact.powiat"), options: m.powiats, state: f, blank: ctx.t("form.choose"), ctx: ctx),
                Forms.field("locality", label: ctx.t("callback.locality"), state: f, autocomplete: "address-level2", ctx: ctx),
                Forms.field("postal_code", label: ctx.t("faq.search.postal_code"), state: f, autocomplete: "postal-code", ctx: ctx),
                Forms.select("who", label: ctx.t("callback.who"), options: [("seeker", ctx.t("callback.who_seeker")), ("employer", ctx.t("callback.who_employer"))],
                             state: f, ctx: ctx),
                Forms.select("topic", label: ctx.t("desktop.topic"), options: m.topics, state: f, ctx: ctx),
                Forms.field("name", label: ctx.t("contact.name"), state: f, required: false, autocomplete: "name", ctx: ctx),
                Forms.trap(ctx),
                .button(.type(.submit), .text(ctx.t("callback.send"))))
        ))
    }
}
