public enum ContactPage {
    public struct Model: Sendable {
        public let operatorInfo: OperatorInfo
        public let hours: String
        public init(operatorInfo: OperatorInfo, hours: String) { self.operatorInfo = operatorInfo; self.hours = hours }
    }
}
