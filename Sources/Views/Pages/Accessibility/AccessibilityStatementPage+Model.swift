public enum AccessibilityStatementPage {
    public struct Model: Sendable {
        public let operatorInfo: OperatorInfo
        public init(operatorInfo: OperatorInfo) { self.operatorInfo = operatorInfo }
    }
}
