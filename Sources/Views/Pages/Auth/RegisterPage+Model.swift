import Directory

public enum RegisterPage {
    public struct Model: Sendable {
        public let form: FormState
        public let voivodeships: [Voivodeship]
        public init(form: FormState, voivodeships: [Voivodeship]) { self.form = form; self.voivodeships = voivodeships }
    }
}
