import Plot

/// Candidates for a verified employer: only what seekers shared, under an opaque number.
public enum CandidateSearchPage {
    public struct Item: Sendable {
        public let id: String, heading: String
        public let place: String?, education: String?, experience: String?, languages: String?
        public let updated: String
        public init(id: String, heading: String, place: String?, education: String?, experience: String?, languages: String?, updated: String) {
            self.id = id; self.heading = heading; self.place = place; self.education = education; self.experience = experience
            self.languages = languages; self.updated = updated
        }
    }
    public struct Model: Sendable {
        public let form: FormState
        public let voivodeships: [(value: String, label: String)]
        public let total: Int?
        /// More match than were counted (`total` is then the limit).
        public var more = false
        public let page: Int, perPage: Int
        public let items: [Item]
        public init(form: FormState, voivodeships: [(value: String, label: String)], total: Int?, page: Int, perPage: Int, items: [Item]) {
            self.form = form; self.voivodeships = voivodeships; self.total = total; self.page = page; self.perPage = perPage; self.items = items
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let f = model.form
        func field(_ name: String, type: HTMLInputType = .text, hint: String? = nil) -> Node<HTML.FormContext> {
            Forms.field(name, label: ctx.t("candidates.field." + name), type: type, state: f, required: false, hint: hint, ctx: ctx)
        }
        let filters: Node<HTML.BodyContext> = .form(.method(.get), .action(SiteRoute.employerCandidates.path), .class("search-form"),
            .attribute(named: "role", value: "search"), .attribute(named: "novalidate", value: "novalidate"),
            field("q", type: .search, hint: ctx.t("candidates.q_hint")),
            field("occupation", hint: ctx.t("candidates.occupation_hint")),
            Forms.select("voivodeship", label: ctx.t("candidates.field.voivodeship"), options: model.voivodeships, state: f,
                         blank: ctx.t("offers.any"), ctx: ctx),
            field("experience_months", type: .number),
            field("language", hint: ctx.t("candidates.language_hint")),
            Forms.select("education", label: ctx.t("candidates.field.education"),
                         options: CVFormPage.educationLevels.map { ($0, ctx.t("offer.education." + $0)) }, state: f, blank: ctx.t("offers.any"), ctx: ctx),
            .button(.type(.submit), .text(ctx.t("candidates.search_button"))))
        let count: Node<HTML.BodyContext> = model.total.map { total in
            .p(.class("result-count"), .attribute(named: "role", value: "status"),
               .text(model.more ? ctx.t("candidates.count_more", ["count": "\(total)"]) : ctx.plural("candidates.count", total, ["count": "\(total)"])))
        } ?? .empty
        let list: Node<HTML.BodyContext> = .ol(.class("offer-list"), .forEach(model.items) { item in
            .li(.article(
                .h2(.a(.href(SiteRoute.employerCandidate(item.id).path), .text(item.heading))),
                .p(.text([item.place, item.education, item.experience, item.languages].compactMap { $0 }.joined(separator: " · "))),
                .p(.class("small"), .text(ctx.t("candidates.updated", ["date": item.updated])))))
        })
        return Layout.render(ctx, title: ctx.t("candidates.title"), main: .group(
            .h1(.text(ctx.t("candidates.title"))),
            .p(.text(ctx.t("candidates.intro"))),
            Forms.errorSummary(f, ctx),
            filters, count, list,
            .if(model.total != nil, SaveSearchForm.render(kind: "candidates", ctx: ctx)),
            Components.pagination(path: SiteRoute.employerCandidates.path, total: model.total, page: model.page, perPage: model.perPage, ctx)
        ))
    }

    public static func renderUnverified(_ ctx: PageContext) -> String {
        Layout.render(ctx, title: ctx.t("candidates.title"), main: .group(
            .h1(.text(ctx.t("candidates.title"))),
            .p(.text(ctx.t("candidates.unverified")))
        ))
    }
}

/// One candidate's shared sections and the "I am interested" form.
public enum CandidateDetailPage {
    public struct Model: Sendable {
        public let id: String, heading: String
        public let sections: [CVPrintPage.Section]
        public let offers: [(value: String, label: String)]
        public let notice: String?
        public init(id: String, heading: String, sections: [CVPrintPage.Section], offers: [(value: String, label: String)], notice: String?) {
            self.id = id; self.heading = heading; self.sections = sections; self.offers = offers; self.notice = notice
        }
    }

    public static func render(_ model: Model, _ ctx: PageContext) -> String {
        let interest: Node<HTML.BodyContext> = model.offers.isEmpty
            ? .p(.text(ctx.t("candidates.no_live_offers")))
            : .form(.method(.post), .action(SiteRoute.employerCandidateInterest(model.id).path),
                Forms.csrf(ctx),
                Forms.select("offer_id", label: ctx.t("candidates.field.offer"), options: model.offers, state: FormState(), ctx: ctx),
                .button(.type(.submit), .text(ctx.t("candidates.interested"))))
        return Layout.render(ctx, title: model.heading, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.employerCandidates.path), .text("← " + ctx.t("candidates.title")))),
            .h1(.text(model.heading)),
            model.notice.map { Components.notice($0) } ?? .empty,
            .p(.class("hint"), .text(ctx.t("candidates.privacy"))),
            .forEach(model.sections) { s in
                .section(.class("cv-section"), .h2(.text(s.heading)), .forEach(s.lines) { .p(.class("prewrap"), .text($0)) })
            },
            .h2(.text(ctx.t("candidates.interested"))),
            .p(.text(ctx.t("candidates.interest_explained"))),
            interest
        ))
    }
}
