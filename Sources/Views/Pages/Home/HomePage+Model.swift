import Foundation

public enum HomePage {
    public struct Model: Sendable {
        public let isOpenNow: Bool
        /// Formatted in the visitor's language, e.g. "poniedziałek, 24 listopada 2026 08:00".
        public let nextOpening: String?
        public let closesAt: String?

        public init(isOpenNow: Bool, nextOpening: String?, closesAt: String?) {
            self.isOpenNow = isOpenNow; self.nextOpening = nextOpening; self.closesAt = closesAt
        }
    }
}
