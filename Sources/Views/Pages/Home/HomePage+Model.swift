import Foundation
import Knowledge

public enum HomePage {
    /// A part of the home page, in the order the portal's editors chose.
    public enum Block: Sendable {
        case hotline, findOffice, news, who
        case partners([PartnersPage.Row])
        /// A portal page's text shown on the home page, with a link to the page.
        case page(title: String, blocks: [KBMarkup.Block], path: String)
    }

    /// The built-in blocks and their order when editors chose none.
    public static let standardBlocks = ["hotline", "find_office", "news", "who"]
    public static let builtInBlocks = ["hotline", "find_office", "news", "who", "partners"]

    public struct Model: Sendable {
        public let isOpenNow: Bool
        /// Formatted in the visitor's language, e.g. "poniedziałek, 24 listopada 2026 08:00".
        public let nextOpening: String?
        public let closesAt: String?
        /// The latest national news.
        public let news: [NewsCard]
        public let blocks: [Block]

        public init(isOpenNow: Bool, nextOpening: String?, closesAt: String?, news: [NewsCard] = [], blocks: [Block] = [.hotline, .findOffice, .news, .who]) {
            self.isOpenNow = isOpenNow; self.nextOpening = nextOpening; self.closesAt = closesAt; self.news = news; self.blocks = blocks
        }
    }
}
