/// Where each step of a flow stands in its diagram: columns by distance from the start (the
/// first way a call can reach the step), rows in the order steps are met; unreachable steps in
/// a last column. Arrows carry what leads along them (a key, "next", "otherwise").
public struct IVRLayout: Sendable, Equatable {
    public struct Box: Sendable, Equatable {
        public let step: String
        public let kind: IVRStep.Kind
        public let column: Int
        public let row: Int
        public let reachable: Bool
    }

    public struct Arrow: Sendable, Equatable {
        public let from: String
        public let to: String
        /// "1"… a key; "next"; "otherwise".
        public let label: String
    }

    public let boxes: [Box]
    public let arrows: [Arrow]
    public var columns: Int { (boxes.map(\.column).max() ?? -1) + 1 }
    public var rows: Int { (boxes.map(\.row).max() ?? -1) + 1 }

    public init(_ flow: IVRFlow) {
        var depth: [String: Int] = [:]
        var order: [String] = []
        var queue = flow.steps[flow.start] == nil ? [] : [flow.start]
        if !queue.isEmpty { depth[flow.start] = 0 }
        while !queue.isEmpty {
            let id = queue.removeFirst()
            order.append(id)
            for next in Self.edges(flow.steps[id]!).map(\.to) where flow.steps[next] != nil && depth[next] == nil {
                depth[next] = depth[id]! + 1
                queue.append(next)
            }
        }
        let lost = flow.steps.keys.filter { depth[$0] == nil }.sorted()
        let lastColumn = (depth.values.max() ?? -1) + 1
        var rowsUsed: [Int: Int] = [:]
        var boxes: [Box] = []
        for id in order + lost {
            let column = depth[id] ?? lastColumn
            let row = rowsUsed[column, default: 0]
            rowsUsed[column] = row + 1
            boxes.append(Box(step: id, kind: flow.steps[id]!.kind, column: column, row: row, reachable: depth[id] != nil))
        }
        self.boxes = boxes
        self.arrows = (order + lost).flatMap { Self.edges(flow.steps[$0]!) }.filter { flow.steps[$0.to] != nil }
    }

    /// A step's ways on: keys first (in key order), then next and otherwise.
    public static func edges(_ s: IVRStep) -> [Arrow] {
        var out = s.choices.sorted { $0.key < $1.key }.map { Arrow(from: s.id, to: $0.value, label: $0.key) }
        if let n = s.next { out.append(Arrow(from: s.id, to: n, label: "next")) }
        if let o = s.otherwise { out.append(Arrow(from: s.id, to: o, label: "otherwise")) }
        return out
    }
}
