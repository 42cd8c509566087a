/// After an account's erasure: what went, and what a legal obligation keeps, why and until when.
public enum AccountErasedPage {
    public struct Model: Sendable {
        /// `erasure.erased.<name>` with its count.
        public let erased: [AccountPrivacyPage.Line]
        public let kept: [AccountPrivacyPage.Line]
        public let dpoEmail: String
        public init(erased: [AccountPrivacyPage.Line], kept: [AccountPrivacyPage.Line], dpoEmail: String) {
            self.erased = erased; self.kept = kept; self.dpoEmail = dpoEmail
        }
    }
}
