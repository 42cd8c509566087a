import Foundation
import Knowledge

/// One news item in a list: the home page, an office's page, `/news`.
public struct NewsCard: Sendable {
    public struct Picture: Sendable {
        public let src: String, alt: String, width: Int, height: Int
        public init(src: String, alt: String, width: Int, height: Int) { self.src = src; self.alt = alt; self.width = width; self.height = height }
    }

    public let path: String
    public let title: String
    public let lead: String
    public let date: String
    /// `YYYY-MM-DD`, for `<time datetime>`.
    public let isoDate: String
    /// The item's language when it is not the page's (a story not yet translated).
    public let language: String?
    /// "Mazowieckie", "PUP w Łodzi", "national".
    public let scope: String
    /// Set for a closed zone's item: who it is for.
    public let zone: String?
    public let picture: Picture?

    public init(path: String, title: String, lead: String, date: String, isoDate: String, language: String?, scope: String, zone: String?,
                picture: Picture?) {
        self.path = path; self.title = title; self.lead = lead; self.date = date; self.isoDate = isoDate; self.language = language
        self.scope = scope; self.zone = zone; self.picture = picture
    }
}

public enum NewsListPage {
    public struct Model: Sendable {
        public let heading: String
        public let cards: [NewsCard]
        public let total: Int
        public let page: Int
        public let perPage: Int
        /// The voivodeships and, once one is chosen, its powiats, for the region filter (`/news` only).
        public let voivodeships: [(code: String, name: String)]
        public let powiats: [(code: String, name: String)]
        public let voivodeship: String?
        public let powiat: String?
        public let showsFilter: Bool
        public let feedPath: String
        /// Offered when a region is chosen: alerts of its news by e-mail.
        public let offersAlert: Bool
        public let errors: FormState

        public init(heading: String, cards: [NewsCard], total: Int, page: Int, perPage: Int, voivodeships: [(code: String, name: String)] = [],
                    powiats: [(code: String, name: String)] = [], voivodeship: String? = nil, powiat: String? = nil, showsFilter: Bool,
                    feedPath: String, offersAlert: Bool, errors: FormState = FormState()) {
            self.heading = heading; self.cards = cards; self.total = total; self.page = page; self.perPage = perPage
            self.voivodeships = voivodeships; self.powiats = powiats; self.voivodeship = voivodeship; self.powiat = powiat
            self.showsFilter = showsFilter; self.feedPath = feedPath; self.offersAlert = offersAlert; self.errors = errors
        }
    }
}

public enum NewsItemPage {
    public struct Model: Sendable {
        public let title: String
        public let lead: String
        public let blocks: [KBMarkup.Block]
        public let date: String
        public let isoDate: String
        public let language: String?
        public let scope: String
        public let scopePath: String?
        public let zone: String?
        public let picture: NewsCard.Picture?
        public init(title: String, lead: String, blocks: [KBMarkup.Block], date: String, isoDate: String, language: String?, scope: String,
                    scopePath: String?, zone: String?, picture: NewsCard.Picture?) {
            self.title = title; self.lead = lead; self.blocks = blocks; self.date = date; self.isoDate = isoDate; self.language = language
            self.scope = scope; self.scopePath = scopePath; self.zone = zone; self.picture = picture
        }
    }
}
