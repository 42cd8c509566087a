/// "Ask about returning" (powroty.gov.pl's "Zadaj pytanie o powrót"): a question from abroad,
/// answered by e-mail from the national returns queue.
public enum ReturnsPage {
    public struct Model: Sendable {
        public var form = FormState()
        /// Every country, named and ordered in the visitor's language.
        public var countries: [(value: String, label: String)] = []
        /// After sending: the case number to quote.
        public var sentCase: String? = nil
        public init() {}
    }
}
