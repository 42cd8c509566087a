import Plot

/// The IVR flow drawn as boxes and arrows (server-rendered SVG): one column per distance from
/// the start, arrows labelled with the key or the branch. The steps table next to it says the
/// same in words for those who do not see the picture.
public enum IVRDiagram {
    public struct Box: Sendable {
        public let step: String
        public let kind: String
        public let column: Int
        public let row: Int
        /// Unreachable, or with a problem: drawn with a dashed red border.
        public let flagged: Bool
        public init(step: String, kind: String, column: Int, row: Int, flagged: Bool) {
            self.step = step; self.kind = kind; self.column = column; self.row = row; self.flagged = flagged
        }
    }

    public struct Arrow: Sendable {
        public let from: String
        public let to: String
        public let label: String
        public init(from: String, to: String, label: String) { self.from = from; self.to = to; self.label = label }
    }

    public struct Model: Sendable {
        public let title: String
        public let description: String
        public let boxes: [Box]
        public let arrows: [Arrow]
        public init(title: String, description: String, boxes: [Box], arrows: [Arrow]) {
            self.title = title; self.description = description; self.boxes = boxes; self.arrows = arrows
        }
    }

    static let width = 168, height = 46, columnGap = 84, rowGap = 30, margin = 16

    static func x(_ column: Int) -> Int { margin + column * (width + columnGap) }
    static func y(_ row: Int) -> Int { margin + row * (height + rowGap) }

    /// The SVG document (also served on its own as image/svg+xml).
    public static func svg(_ m: Model) -> String {
        let columns = (m.boxes.map(\.column).max() ?? 0) + 1, rows = (m.boxes.map(\.row).max() ?? 0) + 1
        let w = x(columns) - columnGap + margin, h = y(rows) - rowGap + margin + 40
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ivr-diagram\" role=\"img\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" "
        out += "aria-labelledby=\"ivr-diagram-title ivr-diagram-desc\">"
        out += "<title id=\"ivr-diagram-title\">\(escape(m.title))</title><desc id=\"ivr-diagram-desc\">\(escape(m.description))</desc>"
        out += "<defs><marker id=\"ivr-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
        out += "<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#1d3b2a\"/></marker></defs>"
        let at = Dictionary(m.boxes.map { ($0.step, $0) }, uniquingKeysWith: { a, _ in a })
        // Several ways from one step to the same step are one arrow with all their labels.
        var merged: [(from: String, to: String, label: String)] = []
        for a in m.arrows {
            if let i = merged.firstIndex(where: { $0.from == a.from && $0.to == a.to }) { merged[i].label += ", " + a.label }
            else { merged.append((a.from, a.to, a.label)) }
        }
        for (n, a) in merged.enumerated() {
            guard let from = at[a.from], let to = at[a.to] else { continue }
            let path: String, lx: Int, ly: Int
            var anchor = "start"
            if from.step == to.step {
                // Tried again: a small loop under the box.
                let x1 = x(from.column) + width - 24, x2 = x(from.column) + width - 56, y1 = y(from.row) + height
                path = "M \(x1) \(y1) C \(x1) \(y1 + 26), \(x2) \(y1 + 26), \(x2) \(y1 + 2)"
                lx = x1 + 4; ly = y1 + 22
            } else if to.column > from.column {
                let x1 = x(from.column) + width, y1 = y(from.row) + height / 2, x2 = x(to.column), y2 = y(to.row) + height / 2
                let mid = (x1 + x2) / 2
                path = "M \(x1) \(y1) C \(mid) \(y1), \(mid) \(y2), \(x2) \(y2)"
                // The label by the arrow's head, where arrows from one step have parted.
                lx = x2 - 8; ly = y1 > y2 ? y2 + 16 : y2 - 6; anchor = "end"
            } else if to.column == from.column {
                let cx = x(from.column) + width / 2 + 24
                let (y1, y2) = to.row < from.row ? (y(from.row), y(to.row) + height) : (y(from.row) + height, y(to.row))
                path = "M \(cx) \(y1) L \(cx) \(y2)"
                lx = cx + 6; ly = (y1 + y2) / 2 + 4
            } else {
                // Back to an earlier column: a curve below the boxes.
                let x1 = x(from.column) + width / 2 - 10, y1 = y(from.row) + height, x2 = x(to.column) + width / 2 + 10, y2 = y(to.row) + height
                let dip = max(y1, y2) + 22 + (n % 3) * 8
                path = "M \(x1) \(y1) C \(x1) \(dip), \(x2) \(dip), \(x2) \(y2)"
                lx = (x1 + x2) / 2; ly = dip - 4; anchor = "middle"
            }
            out += "<path d=\"\(path)\" fill=\"none\" stroke=\"#1d3b2a\" stroke-width=\"1.5\" marker-end=\"url(#ivr-arrow)\"/>"
            out += "<text x=\"\(lx)\" y=\"\(ly)\" font-size=\"12\" text-anchor=\"\(anchor)\" fill=\"#1a1a1a\">\(escape(a.label))</text>"
        }
        for b in m.boxes {
            let stroke = b.flagged ? "stroke=\"#b00020\" stroke-dasharray=\"5 3\" stroke-width=\"2.5\"" : "stroke=\"#1d3b2a\" stroke-width=\"1.5\""
            out += "<rect x=\"\(x(b.column))\" y=\"\(y(b.row))\" width=\"\(width)\" height=\"\(height)\" rx=\"6\" fill=\"#eef6f0\" \(stroke)/>"
            out += "<text x=\"\(x(b.column) + 8)\" y=\"\(y(b.row) + 19)\" font-size=\"14\" font-weight=\"bold\" fill=\"#1a1a1a\">\(escape(String(b.step.prefix(20))))</text>"
            out += "<text x=\"\(x(b.column) + 8)\" y=\"\(y(b.row) + 37)\" font-size=\"12\" fill=\"#333333\">\(escape(String(b.kind.prefix(24))))</text>"
        }
        return out + "</svg>"
    }

    public static func node(_ m: Model) -> Node<HTML.BodyContext> {
        // The picture scrolls sideways when wider than the page; the region can be scrolled with the keyboard.
        .div(.class("diagram-wrap"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: m.title),
             .attribute(named: "tabindex", value: "0"), .raw(svg(m)))
    }

    static func escape(_ s: String) -> String { Markup.escape(s) }
}
