import Vapor
import Views
import Content
import Directory
import Storage
import Localization
import Knowledge

/// How news reads on pages: cards, scope names, the reader's closed zones.
struct NewsText {
    let req: Request
    let register: TerritorialRegister

    init(_ req: Request) async throws {
        self.req = req
        register = try await req.services.directoryCache.register(req.db)
    }

    /// Who is reading: staff (signed in with their second factor), a seeker, an employer, or nobody.
    static func viewer(_ req: Request) async throws -> ContentViewer {
        if try await req.signedInStaff() != nil { return .staff }
        switch try await req.signedInAccount()?.kind {
        case .seeker: return .seeker
        case .employer: return .employer
        case .staff: return .staff
        case nil: return .anonymous
        }
    }

    func scopeName(_ item: NewsItem) async throws -> String {
        switch item.draft.scope {
        case .national: req.catalogue.text("news.scope.national")
        case .voivodeship(let code): register.voivodeship(code)?.name ?? code
        case .office(let id): try await req.directory.office(id: id)?.name ?? id
        }
    }

    func scopePath(_ item: NewsItem) -> String? {
        switch item.draft.scope {
        case .national: SiteRoute.news.path
        case .voivodeship(let code): SiteRoute.news.with(["voivodeship": code])
        case .office(let id): SiteRoute.officeNews(id).path
        }
    }

    func zone(_ item: NewsItem) -> String? {
        item.draft.audience == .everyone ? nil : req.catalogue.text("news.zone." + item.draft.audience.rawValue)
    }

    func picture(_ item: NewsItem) -> NewsCard.Picture? {
        item.image.map { NewsCard.Picture(src: SiteRoute.newsImage(item.groupID.uuidString.lowercased()).with(["v": "\(item.version)"]),
                                          alt: item.draft.imageAlt, width: $0.width, height: $0.height) }
    }

    func card(_ item: NewsItem) async throws -> NewsCard {
        NewsCard(path: SiteRoute.newsItem(item.groupID.uuidString.lowercased()).path, title: item.draft.title, lead: item.draft.lead,
                 date: DateText.date(item.draft.publishAt, req.language), isoDate: DayFormat().string(from: item.draft.publishAt),
                 language: item.draft.language == req.language.rawValue ? nil : item.draft.language,
                 scope: try await scopeName(item), zone: zone(item), picture: picture(item))
    }

    func cards(_ items: [NewsItem]) async throws -> [NewsCard] {
        var out: [NewsCard] = []
        for item in items { out.append(try await card(item)) }
        return out
    }

    /// The latest few of a list, for the home page and an office's page.
    static func latest(_ filter: NewsFilter, _ req: Request, count: Int = 4) async throws -> [NewsCard] {
        let viewer = try await viewer(req)
        let items = try await NewsStore(db: req.db).live(filter, audiences: ContentAudience.visible(to: viewer), language: req.language.rawValue,
                                                         perPage: count).items
        return try await NewsText(req).cards(items)
    }

    /// An office's own news and its voivodeship's.
    static func filter(office: Office) -> NewsFilter { .local(voivodeship: office.voivodeshipCode, offices: [office.id]) }
}
