import Directory

public enum RegisterPage {
    public struct Model: Sendable {
        public let form: FormState
        public let voivodeships: [Voivodeship]
        /// The consent to the account's services, which the account rests on.
        public let consent: ConsentPrompt
        public init(form: FormState, voivodeships: [Voivodeship], consent: ConsentPrompt) {
            self.form = form; self.voivodeships = voivodeships; self.consent = consent
        }
    }
}
