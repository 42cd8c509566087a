import Plot

/// Job offers: the search form, the count, the results and the pages.
public enum OfferSearchPage {
    public struct Item: Sendable {
        public let id: String, title: String
        /// nil when the employer chose to stay hidden.
        public let employer: String?
        public let verified: Bool
        public let place: String, wage: String?, contract: String, workingTime: String, validUntil: String
        public init(id: String, title: String, employer: String?, verified: Bool, place: String, wage: String?, contract: String,
                    workingTime: String, validUntil: String) {
            self.id = id; self.title = title; self.employer = employer; self.verified = verified; self.place = place; self.wage = wage
            self.contract = contract; self.workingTime = workingTime; self.validUntil = validUntil
        }
    }

    public struct Model: Sendable {
        public let form: FormState
        public let voivodeships: [(value: String, label: String)]
        /// nil when the form has errors and nothing was searched.
        public let total: Int?
        public let page: Int, perPage: Int
        public let items: [Item]
        public init(form: FormState, voivodeships: [(value: String, label: String)], total: Int?, page: Int, perPage: Int, items: [Item]) {
            self.form = form; self.voivodeships = voivodeships; self.total = total; self.page = page; self.perPage = perPage; self.items = items
        }
    }

    static let contracts = ["employment", "replacement", "mandate", "specific_work", "temporary_work", "b2b", "seasonal", "internship"]

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let f = model.form
        let filters: Node<HTML.BodyContext> = .form(.method(.get), .action(SiteRoute.offers.path), .class("search-form"),
            .attribute(named: "role", value: "search"), .attribute(named: "novalidate", value: "novalidate"),
            Forms.field("q", label: ctx.t("search.field.q"), type: .search, state: f, required: false, hint: ctx.t("offers.q_hint"), ctx: ctx),
            Forms.select("voivodeship", label: ctx.t("search.field.voivodeship"), options: model.voivodeships, state: f,
                         blank: ctx.t("offers.any"), ctx: ctx),
            Forms.field("postal_code", label: ctx.t("search.field.postal_code"), state: f, required: false, autocomplete: "postal-code", ctx: ctx),
            Forms.field("radius_km", label: ctx.t("search.field.radius_km"), type: .number, state: f, required: false, ctx: ctx),
            Forms.select("contract", label: ctx.t("search.field.contract"),
                         options: contracts.map { ($0, ctx.t("offer.contract." + $0)) }, state: f, blank: ctx.t("offers.any"), ctx: ctx),
            Forms.select("working_time", label: ctx.t("search.field.working_time"),
                         options: [("full", ctx.t("offer.full_time")), ("part", ctx.t("offers.part_time_any"))], state: f,
                         blank: ctx.t("offers.any"), ctx: ctx),
            Forms.field("min_wage", label: ctx.t("search.field.min_wage"), type: .number, state: f, required: false, ctx: ctx),
            Forms.select("abroad", label: ctx.t("search.field.abroad"),
                         options: [("no", ctx.t("offers.poland_only")), ("only", ctx.t("offers.abroad_only"))], state: f,
                         blank: ctx.t("offers.poland_and_abroad"), ctx: ctx),
            Forms.checkbox("verified", label: ctx.t("offers.verified_only"), state: f),
            Forms.select("sort", label: ctx.t("search.field.sort"),
                         options: ["relevance", "date", "wage"].map { ($0, ctx.t("offers.sort_" + $0)) }, state: f, ctx: ctx),
            .button(.type(.submit), .text(ctx.t("offers.search"))))
        let count: Node<HTML.BodyContext> = model.total.map { total in
            .p(.class("result-count"), .attribute(named: "role", value: "status"), .text(ctx.plural("offers.count", total, ["count": "\(total)"])))
        } ?? .empty
        let list: Node<HTML.BodyContext> = .raw(items(model.items, ctx))
        return Layout.render(ctx, title: ctx.t("offers.title"), main: .group(
            .h1(.text(ctx.t("offers.title"))),
            Forms.errorSummary(f, ctx),
            filters, count, list, pagination(model, ctx),
            .if(model.total != nil, SaveSearchForm.render(kind: "offers", ctx: ctx))
        ))
    }

    /// The offers found, written as text: a page lists up to a hundred, and each costs no more
    /// than its JSON does.
    static func items(_ items: [Item], _ ctx: PageContext) -> String {
        var list = HTMLText(capacity: 160 + items.count * 600)
        list.open("ol", ["class": "offer-list"])
        let hidden = ctx.t("offer.employer_hidden"), verified = ctx.t("offer.verified"), unverified = ctx.t("offer.unverified")
        for item in items {
            list.raw("<li><article><h2>")
            list.element("a", ["href": SiteRoute.offer(item.id).path], text: item.title)
            list.raw("</h2><p>")
            list.text((item.employer ?? hidden) + " ")
            list.element("span", ["class": item.verified ? "badge verified" : "badge unverified"], text: item.verified ? verified : unverified)
            list.raw("</p>")
            list.element("p", text: item.place)
            list.element("p", text: [item.wage, item.contract, item.workingTime].compactMap { $0 }.joined(separator: " · "))
            list.element("p", ["class": "small"], text: ctx.t("offer.valid_until", ["date": item.validUntil]))
            list.raw("</article></li>")
        }
        list.close("ol")
        return list.html
    }

    static func pagination(_ model: Model, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        Components.pagination(path: SiteRoute.offers.path, total: model.total, page: model.page, perPage: model.perPage, ctx)
    }
}

/// One offer, with its schema.org JobPosting data for search engines.
public enum OfferDetailPage {
    public struct Model: Sendable {
        public let summary: OfferSearchPage.Item
        public let occupation: String, duties: String, shifts: String, positions: String, education: String
        public let languages: [String]
        public let experience: String
        public let licences: String?, startDate: String?
        public let howToApply: String
        public let jsonLD: String
        /// The centre runs a recruitment for this offer: seekers may apply through it.
        public var recruiting = false
        public init(summary: OfferSearchPage.Item, occupation: String, duties: String, shifts: String, positions: String, education: String,
                    languages: [String], experience: String, licences: String?, startDate: String?, howToApply: String, jsonLD: String) {
            self.summary = summary; self.occupation = occupation; self.duties = duties; self.shifts = shifts; self.positions = positions
            self.education = education; self.languages = languages; self.experience = experience; self.licences = licences
            self.startDate = startDate; self.howToApply = howToApply; self.jsonLD = jsonLD
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let s = model.summary
        let none = ctx.t("offers.not_required")
        let facts: Node<HTML.BodyContext> = .dl(.class("facts"),
            Components.fact(ctx.t("offer.employer"), s.employer ?? ctx.t("offer.employer_hidden"), unknown: none),
            Components.fact(ctx.t("offer.status"), ctx.t(s.verified ? "offer.verified" : "offer.unverified"), unknown: none),
            Components.fact(ctx.t("offer.occupation"), model.occupation, unknown: none),
            Components.fact(ctx.t("offer.place"), s.place, unknown: none),
            Components.fact(ctx.t("offer.wage"), s.wage, unknown: ctx.t("offer.wage_unknown")),
            Components.fact(ctx.t("search.field.contract"), s.contract, unknown: none),
            Components.fact(ctx.t("search.field.working_time"), s.workingTime, unknown: none),
            Components.fact(ctx.t("offer.shifts"), model.shifts, unknown: none),
            Components.fact(ctx.t("offer.positions"), model.positions, unknown: none),
            Components.fact(ctx.t("offer.start_date"), model.startDate, unknown: ctx.t("offer.start_asap")),
            Components.fact(ctx.t("offer.valid_until_label"), s.validUntil, unknown: none))
        let requirements: Node<HTML.BodyContext> = .dl(.class("facts"),
            Components.fact(ctx.t("offer.education"), model.education, unknown: none),
            Components.fact(ctx.t("offer.languages"), model.languages.isEmpty ? nil : model.languages.joined(separator: ", "), unknown: none),
            Components.fact(ctx.t("offer.experience"), model.experience, unknown: none),
            Components.fact(ctx.t("offer.licences"), model.licences, unknown: none))
        return Layout.render(ctx, title: s.title, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.offers.path), .text("← " + ctx.t("offers.title")))),
            .h1(.text(s.title)),
            facts,
            .h2(.text(ctx.t("offer.duties"))), .p(.class("prewrap"), .text(model.duties)),
            .h2(.text(ctx.t("offer.requirements"))), requirements,
            .h2(.text(ctx.t("offer.how_to_apply"))), .p(.class("prewrap"), .text(model.howToApply)),
            .if(model.recruiting, .p(.class("notice"), .text(ctx.t("recruitment.offer_notice") + " "),
                                     .a(.href(SiteRoute.offerRecruitmentApply(s.id).path), .text(ctx.t("recruitment.apply_heading"))))),
            .raw("<script type=\"application/ld+json\">\(Markup.scriptJSON(model.jsonLD))</script>")
        ))
    }
}
