import Vapor
import Views
import Content
import Directory
import Storage
import Localization
import Knowledge
import Portal
import Access

/// The portal's news: `/news` (filtered by region), one item, its picture, the national and
/// each office's Atom feed, and each office's news page.
struct NewsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.news.pathComponents, use: list)
        routes.get(SiteRoute.newsFeed.pathComponents, use: nationalFeed)
        routes.get("news", ":id", use: item)
        routes.get("news", ":id", "image", use: image)
        routes.get("offices", ":id", "news", use: officeList)
        routes.get("offices", ":id", "news", "feed.atom", use: officeFeed)
    }

    static let perPage = 20

    struct Query: Content { var voivodeship: String?; var powiat: String?; var page: Int? }

    /// The filter a query asks for, or the field it got wrong.
    static func filter(_ q: Query, _ req: Request, register: TerritorialRegister) async throws -> Result<NewsFilter, FieldValidationError> {
        let t = req.catalogue
        let v = (q.voivodeship ?? "").trimmingCharacters(in: .whitespaces), p = (q.powiat ?? "").trimmingCharacters(in: .whitespaces)
        if !p.isEmpty {
            guard let powiat = register.powiat(p), v.isEmpty || powiat.voivodeshipCode == v else {
                return .failure(FieldValidationError(field: "powiat", reason: t.text("news.error.powiat")))
            }
            let office = try await req.directory.servingOffice(powiat: p)
            return .success(.local(voivodeship: powiat.voivodeshipCode, offices: office.map { [$0.id] } ?? []))
        }
        if !v.isEmpty {
            guard register.voivodeship(v) != nil else { return .failure(FieldValidationError(field: "voivodeship", reason: t.text("validation.unknown_voivodeship"))) }
            return .success(.voivodeship(v))
        }
        return .success(.everything)
    }

    func list(req: Request) async throws -> Response {
        let q = try req.query.decode(Query.self)
        let text = try await NewsText(req)
        let page = max(1, min(q.page ?? 1, 10_000))
        let filter: NewsFilter
        switch try await Self.filter(q, req, register: text.register) {
        case .success(let f): filter = f
        case .failure(let error):
            let model = NewsListPage.Model(heading: req.catalogue.text("news.title"), cards: [], total: 0, page: 1, perPage: Self.perPage,
                                           voivodeships: text.register.voivodeships.map { ($0.code, $0.name) }, showsFilter: true,
                                           feedPath: SiteRoute.newsFeed.path, offersAlert: false,
                                           errors: FormState(errors: [(error.field, error.reason)]))
            return .html(NewsListPage.render(model, req.pageContext), status: .badRequest)
        }
        let viewer = try await NewsText.viewer(req)
        let found = try await NewsStore(db: req.db).live(filter, audiences: ContentAudience.visible(to: viewer), language: req.language.rawValue,
                                                         page: page, perPage: Self.perPage)
        let v = q.voivodeship.flatMap { $0.isEmpty ? nil : $0 } ?? q.powiat.flatMap { text.register.powiat($0)?.voivodeshipCode }
        let model = NewsListPage.Model(
            heading: req.catalogue.text("news.title"), cards: try await text.cards(found.items), total: found.total, page: page, perPage: Self.perPage,
            voivodeships: text.register.voivodeships.map { ($0.code, $0.name) },
            powiats: v.map { code in text.register.powiats.filter { $0.voivodeshipCode == code }.map { ($0.code, $0.displayName) } } ?? [],
            voivodeship: v, powiat: q.powiat.flatMap { $0.isEmpty ? nil : $0 }, showsFilter: true,
            feedPath: v == nil ? SiteRoute.newsFeed.path : SiteRoute.newsFeed.with(["voivodeship": v!]),
            offersAlert: filter != .everything && (viewer == .seeker || viewer == .employer || viewer == .anonymous))
        return .html(NewsListPage.render(model, req.pageContext))
    }

    func officeList(req: Request) async throws -> Response {
        let office = try await Self.office(req)
        let text = try await NewsText(req)
        let page = max(1, min((try? req.query.get(Int.self, at: "page")) ?? 1, 10_000))
        let viewer = try await NewsText.viewer(req)
        let found = try await NewsStore(db: req.db).live(NewsText.filter(office: office), audiences: ContentAudience.visible(to: viewer),
                                                         language: req.language.rawValue, page: page, perPage: Self.perPage)
        let model = NewsListPage.Model(heading: req.catalogue.text("news.office_title", ["office": office.name]), cards: try await text.cards(found.items),
                                       total: found.total, page: page, perPage: Self.perPage, showsFilter: false,
                                       feedPath: SiteRoute.officeNewsFeed(office.id).path, offersAlert: false)
        return .html(NewsListPage.render(model, req.pageContext))
    }

    static func office(_ req: Request) async throws -> Office {
        let id = req.parameters.get("id") ?? ""
        guard let office = try await req.directory.office(id: id) else { throw NotFoundError(detail: req.catalogue.text("offices.not_found", ["id": id])) }
        return office
    }

    /// The story `:id` as this reader may read it: in their language when translated, only while
    /// live, and a closed zone's only for its people (a visitor not signed in is asked to).
    func readable(_ req: Request) async throws -> (NewsItem, NewsItem) {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let found = try await NewsStore(db: req.db).find(id) else {
            throw NotFoundError(detail: req.catalogue.text("news.not_found"))
        }
        let store = NewsStore(db: req.db)
        var source = found
        if let sourceID = found.sourceID { source = try await store.find(sourceID) ?? found }
        let now = Date()
        guard source.isLive(at: now) else { throw NotFoundError(detail: req.catalogue.text("news.not_found")) }
        let viewer = try await NewsText.viewer(req)
        guard source.draft.audience.admits(viewer) else {
            if viewer == .anonymous { throw SignInFirst() }
            throw NotFoundError(detail: req.catalogue.text("news.not_found"))
        }
        let shown = NewsSelection.inLanguage([source] + (try await store.translations(of: source.id)), req.language.rawValue, now: now).first ?? source
        return (source, shown)
    }

    /// A closed zone's item asked for by a visitor who is not signed in: the sign-in page.
    struct SignInFirst: Error {}

    func item(req: Request) async throws -> Response {
        let shown: NewsItem
        do { shown = try await readable(req).1 } catch is SignInFirst { return req.redirect(to: SiteRoute.login.path) }
        let text = try await NewsText(req)
        let model = NewsItemPage.Model(title: shown.draft.title, lead: shown.draft.lead, blocks: KBMarkup.parse(shown.draft.body),
                                       date: DateText.date(shown.draft.publishAt, req.language), isoDate: DayFormat().string(from: shown.draft.publishAt),
                                       language: shown.draft.language == req.language.rawValue ? nil : shown.draft.language,
                                       scope: try await text.scopeName(shown), scopePath: text.scopePath(shown), zone: text.zone(shown),
                                       picture: text.picture(shown))
        return .html(NewsItemPage.render(model, req.pageContext))
    }

    func image(req: Request) async throws -> Response {
        let source: NewsItem
        // Editors see the picture of a draft in its form.
        if let member = try await req.signedInStaff(), AuthorizationMatrix.allows(member.roles, .editOfficeContent),
           let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let found = try await NewsStore(db: req.db).find(id) {
            source = found
        } else {
            do { source = try await readable(req).0 } catch is SignInFirst { throw NotFoundError(detail: req.catalogue.text("news.not_found")) }
        }
        guard let info = source.image, let stored = try await ContentImageStore(db: req.db).data(info.id) else {
            throw NotFoundError(detail: req.catalogue.text("news.not_found"))
        }
        return Self.picture(stored.format, stored.data, public: source.draft.audience == .everyone, req)
    }

    /// A stored picture: cached by browsers (its address changes with the item's version), and
    /// only privately when it belongs to a closed zone.
    static func picture(_ format: ContentImage.Format, _ data: Data, public: Bool, _ req: Request) -> Response {
        let res = Response(status: .ok, body: .init(data: data))
        res.headers.contentType = format == .jpeg ? .jpeg : .png
        res.headers.replaceOrAdd(name: .cacheControl, value: (`public` ? "public" : "private") + ", max-age=86400")
        return res
    }

    // MARK: feeds

    func nationalFeed(req: Request) async throws -> Response {
        let v = (try? req.query.get(String.self, at: "voivodeship")).flatMap { $0.isEmpty ? nil : $0 }
        let register = try await req.services.directoryCache.register(req.db)
        if let v, register.voivodeship(v) == nil {
            throw FieldValidationError(field: "voivodeship", reason: req.catalogue.text("validation.unknown_voivodeship"))
        }
        let title = v.flatMap { register.voivodeship($0)?.name }.map { req.catalogue.text("news.feed_title_region", ["region": $0]) }
            ?? req.catalogue.text("news.feed_title")
        let page = v.map { SiteRoute.news.with(["voivodeship": $0]) } ?? SiteRoute.news.path
        return try await feed(v.map { NewsFilter.voivodeship($0) } ?? .national, title: title, selfPath: v.map { SiteRoute.newsFeed.with(["voivodeship": $0]) } ?? SiteRoute.newsFeed.path,
                              pagePath: page, author: req.pageContext.siteName, req)
    }

    func officeFeed(req: Request) async throws -> Response {
        let office = try await Self.office(req)
        return try await feed(NewsText.filter(office: office), title: req.catalogue.text("news.office_title", ["office": office.name]),
                              selfPath: SiteRoute.officeNewsFeed(office.id).path, pagePath: SiteRoute.officeNews(office.id).path, author: office.name, req)
    }

    /// Feeds carry only what everyone may read, in the language asked for (`?lang=`).
    func feed(_ filter: NewsFilter, title: String, selfPath: String, pagePath: String, author: String, _ req: Request) async throws -> Response {
        let base = req.services.config.publicURL
        let items = try await NewsStore(db: req.db).live(filter, audiences: [.everyone], language: req.language.rawValue, perPage: 30).items
        let entries = items.map { item in
            AtomFeed.Entry(id: "urn:uuid:" + item.groupID.uuidString.lowercased(), title: item.draft.title, summary: item.draft.lead,
                           link: base + SiteRoute.newsItem(item.groupID.uuidString.lowercased()).path, language: item.draft.language,
                           published: item.draft.publishAt, updated: max(item.updatedAt, item.draft.publishAt))
        }
        let feed = AtomFeed(id: base + selfPath, title: title, selfLink: base + selfPath, pageLink: base + pagePath, author: author, entries: entries)
        let res = Response(status: .ok, body: .init(string: feed.xml))
        res.headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        res.headers.cacheControl = .init(isPublic: true, maxAge: 300)
        return res
    }
}
