import Foundation

public enum HomePage {
    public struct Model: Sendable {
        public let isOpenNow: Bool
        /// Formatted in the visitor's language, e.g. "poniedziałek, 24 listopada 2026 08:00".
        public let nextOpening: String?
        public let closesAt: String?
        /// The latest national news.
        public let news: [NewsCard]

        public init(isOpenNow: Bool, nextOpening: String?, closesAt: String?, news: [NewsCard] = []) {
            self.isOpenNow = isOpenNow; self.nextOpening = nextOpening; self.closesAt = closesAt; self.news = news
        }
    }
}
