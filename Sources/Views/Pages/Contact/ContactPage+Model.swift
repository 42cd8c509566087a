public enum ContactPage {
    public struct Model: Sendable {
        public let operatorInfo: OperatorInfo
        /// The contact form: its values and errors, the powiats and topics to choose from.
        public var form = FormState()
        public var powiats: [(value: String, label: String)] = []
        public var topics: [(value: String, label: String)] = []
        /// After sending: the case number and the office that answers.
        public var sent: (caseNumber: String, office: String)? = nil
        /// Why the visitor is here (e.g. a chat nobody could take: leave a message instead).
        public var notice: String? = nil
        public init(operatorInfo: OperatorInfo) { self.operatorInfo = operatorInfo }
    }
}
