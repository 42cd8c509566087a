public enum ErrorPage {
    public struct Model: Sendable {
        public let status: Int
        /// A message safe to show (never an internal error's text for a 5xx).
        public let message: String?
        public let suggestions: [String]
        public init(status: Int, message: String? = nil, suggestions: [String] = []) {
            self.status = status; self.message = message; self.suggestions = suggestions
        }
    }
}
