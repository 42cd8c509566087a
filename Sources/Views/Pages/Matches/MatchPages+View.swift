import Plot

/// One offer or candidate that fits, with how well (of 100) and why in words.
public struct MatchItem: Sendable {
    public let heading: String
    public let path: String
    public let detail: String
    public let score: Int
    public let reasons: [String]
    /// Which CV it fits (the seeker's own title), or a note such as "interest sent".
    public let note: String?
    public init(heading: String, path: String, detail: String, score: Int, reasons: [String], note: String?) {
        self.heading = heading; self.path = path; self.detail = detail; self.score = score; self.reasons = reasons; self.note = note
    }
}

enum MatchList {
    static func render(_ items: [MatchItem], empty: String, ctx: PageContext) -> Node<HTML.BodyContext> {
        guard !items.isEmpty else { return .p(.text(empty)) }
        return .ol(.class("results matches"), .forEach(items) { i in
            .li(.h2(.class("h3"), .a(.href(i.path), .text(i.heading))),
                .p(.text(i.detail)),
                .p(.strong(.text(ctx.t("matches.score", ["score": "\(i.score)"])))),
                .p(.text(ctx.t("matches.why") + " " + i.reasons.joined(separator: "; "))),
                i.note.map { .p(.class("small"), .text($0)) } ?? .empty)
        })
    }
}

/// "Offers for you": offers that fit the seeker's CVs, explained, and the alert for new ones.
public enum MatchesPage {
    public struct Model: Sendable {
        public let items: [MatchItem]
        /// Why nothing can be matched (no CV with an occupation, objection to matching), if so.
        public let blocked: String?
        /// "off", "daily" or "weekly".
        public let alert: String
        public let notice: String?
        public init(items: [MatchItem], blocked: String?, alert: String, notice: String?) {
            self.items = items; self.blocked = blocked; self.alert = alert; self.notice = notice
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let state = FormState(values: ["frequency": model.alert])
        return Layout.render(ctx, title: ctx.t("matches.title"), main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.account.path), .text("← " + ctx.t("account.title")))),
            .h1(.text(ctx.t("matches.title"))),
            model.notice.map { Components.notice($0) } ?? .empty,
            .p(.text(ctx.t("matches.intro"))),
            .p(.a(.href(SiteRoute.accountPrivacy.path), .text(ctx.t("matches.privacy_link")))),
            model.blocked.map { .p(.class("status"), .text($0)) } ?? MatchList.render(model.items, empty: ctx.t("matches.none"), ctx: ctx),
            .h2(.id("alert-heading"), .text(ctx.t("matches.alert_heading"))),
            .p(.text(ctx.t("matches.alert_intro"))),
            .form(.method(.post), .action(SiteRoute.accountMatchesAlert.path),
                  Forms.csrf(ctx),
                  Forms.select("frequency", label: ctx.t("matches.alert_frequency"),
                               options: [("off", ctx.t("matches.alert_off")), ("daily", ctx.t("alerts.frequency.daily")),
                                         ("weekly", ctx.t("alerts.frequency.weekly"))], state: state, ctx: ctx),
                  .button(.type(.submit), .text(ctx.t("matches.alert_save"))))
        ))
    }
}

/// "Candidates for this offer": the CVs that fit it best, shared sections only, numbered.
public enum OfferCandidatesPage {
    public struct Model: Sendable {
        public let offerTitle: String
        public let items: [MatchItem]
        public init(offerTitle: String, items: [MatchItem]) { self.offerTitle = offerTitle; self.items = items }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let title = ctx.t("matches.candidates_title", ["title": model.offerTitle])
        return Layout.render(ctx, title: title, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.employerOffers.path), .text("← " + ctx.t("offers.mine_title")))),
            .h1(.text(title)),
            .p(.text(ctx.t("matches.candidates_intro"))),
            MatchList.render(model.items, empty: ctx.t("matches.candidates_none"), ctx: ctx),
            .p(.a(.href(SiteRoute.employerCandidates.path), .text(ctx.t("matches.search_instead"))))
        ))
    }
}
