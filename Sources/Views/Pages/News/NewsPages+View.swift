import Plot

extension NewsCard {
    /// A list of cards with headings one level below `level`'s heading.
    static func list(_ cards: [NewsCard], headingLevel: Int = 2, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .ul(.class("news-list"), .forEach(cards) { c in
            .li(
                c.picture.map { p in .img(.src(p.src), .alt(p.alt), .attribute(named: "width", value: "\(min(p.width, 160))"),
                                          .attribute(named: "height", value: "\(p.width > 160 ? p.height * 160 / p.width : p.height)"),
                                          .attribute(named: "loading", value: "lazy")) } ?? .empty,
                .div(
                    headingLevel == 2
                        ? .h2(.if(c.language != nil, .attribute(named: "lang", value: c.language ?? "")), .a(.href(c.path), .text(c.title)))
                        : .h3(.if(c.language != nil, .attribute(named: "lang", value: c.language ?? "")), .a(.href(c.path), .text(c.title))),
                    .p(.class("meta"), .element(named: "time", nodes: [.attribute(named: "datetime", value: c.isoDate), .text(c.date)]),
                       .text(" · " + c.scope), .if(c.zone != nil, .text(" · " + (c.zone ?? "")))),
                    .p(.if(c.language != nil, .attribute(named: "lang", value: c.language ?? "")), .text(c.lead))))
        })
    }

    /// The latest news on the home page or an office's page, with the link to all of it.
    public static func section(_ cards: [NewsCard], morePath: String, feedPath: String, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .section(.attribute(named: "aria-labelledby", value: "news-heading"),
            .h2(.id("news-heading"), .text(ctx.t("news.latest"))),
            cards.isEmpty ? .p(.text(ctx.t("news.none"))) : list(cards, headingLevel: 3, ctx),
            .p(.a(.href(morePath), .text(ctx.t("news.all"))), .text(" · "),
               .a(.href(feedPath), .attribute(named: "type", value: "application/atom+xml"), .text(ctx.t("news.feed")))))
    }
}

extension NewsListPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: m.heading, main: .group(
            .h1(.text(m.heading)),
            Forms.errorSummary(m.errors, ctx),
            .if(m.showsFilter, .form(.method(.get), .action(SiteRoute.news.path), .class("inline-form"),
                .input(.type(.hidden), .name("lang"), .value(ctx.language.rawValue)),
                Forms.select("voivodeship", label: ctx.t("news.voivodeship"), options: m.voivodeships.map { ($0.code, $0.name) },
                             state: FormState(values: ["voivodeship": m.voivodeship ?? ""], errors: m.errors.errors), blank: ctx.t("news.all_regions"), ctx: ctx),
                .if(!m.powiats.isEmpty,
                    Forms.select("powiat", label: ctx.t("news.powiat"), options: m.powiats.map { ($0.code, $0.name) },
                                 state: FormState(values: ["powiat": m.powiat ?? ""], errors: m.errors.errors), blank: ctx.t("news.whole_voivodeship"), ctx: ctx)),
                .button(.type(.submit), .text(ctx.t("news.show"))))),
            m.cards.isEmpty ? .p(.text(ctx.t("news.none"))) : NewsCard.list(m.cards, ctx),
            Components.pagination(path: ctx.path, total: m.total, page: m.page, perPage: m.perPage, ctx),
            .p(.a(.href(m.feedPath), .attribute(named: "type", value: "application/atom+xml"), .text(ctx.t("news.feed")))),
            .if(m.offersAlert, SaveSearchForm.render(kind: "news", ctx: ctx))
        ))
    }
}

extension NewsItemPage {
    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        Layout.render(ctx, title: m.title, description: m.lead, main: .article(
            .if(m.language != nil, .attribute(named: "lang", value: m.language ?? "")),
            .p(.class("breadcrumb"), .a(.href(SiteRoute.news.path), .text("← " + ctx.t("news.title")))),
            .h1(.text(m.title)),
            .p(.class("meta"), .element(named: "time", nodes: [.attribute(named: "datetime", value: m.isoDate), .text(m.date)]), .text(" · "),
               m.scopePath.map { .a(.href($0), .text(m.scope)) } ?? .text(m.scope), .if(m.zone != nil, .text(" · " + (m.zone ?? "")))),
            .if(m.language != nil, .p(.class("hint"), .attribute(named: "lang", value: ctx.language.rawValue), .text(ctx.t("news.not_translated")))),
            .p(.class("lead"), .text(m.lead)),
            m.picture.map { p in .img(.class("news-image"), .src(p.src), .alt(p.alt), .attribute(named: "width", value: "\(p.width)"),
                                      .attribute(named: "height", value: "\(p.height)")) } ?? .empty,
            KBMarkupView.nodes(m.blocks)
        ))
    }
}
