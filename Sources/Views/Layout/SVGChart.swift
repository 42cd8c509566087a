import Plot
import Foundation

/// Charts drawn on the server as inline SVG: no script, no style attribute (the CSP allows
/// them), readable when printed. Each is an image with a title and a description; the page
/// puts the same figures in a table beside it, so nothing is only in the picture. Patterns
/// and line styles, not colour alone, tell the series apart.
enum SVGChart {
    static let width = 720.0, height = 240.0, left = 48.0, bottom = 28.0, top = 12.0, right = 12.0

    struct Series { let name: String; let values: [Double]; let style: String }

    /// Stacked bars per step (e.g. answered, abandoned), with every `labelEvery`-th step named.
    static func stackedBars(id: String, title: String, description: String, labels: [String], series: [Series], labelEvery: Int = 1) -> Node<HTML.BodyContext> {
        let n = max(1, labels.count)
        let totals = (0..<labels.count).map { i in series.reduce(0) { $0 + ($1.values.indices.contains(i) ? $1.values[i] : 0) } }
        let maxValue = niceCeiling(totals.max() ?? 0)
        let plotW = width - left - right, plotH = height - top - bottom
        let slot = plotW / Double(n), bar = max(1, slot * 0.8)
        var body = axis(maxValue: maxValue, format: { String(Int($0)) })
        for i in 0..<labels.count {
            var y = top + plotH
            for s in series {
                let v = s.values.indices.contains(i) ? s.values[i] : 0
                guard v > 0 else { continue }
                let h = plotH * v / maxValue
                y -= h
                body += #"<rect class="\#(s.style)" x="\#(f(left + Double(i) * slot + (slot - bar) / 2))" y="\#(f(y))" width="\#(f(bar))" height="\#(f(h))"/>"#
            }
        }
        body += xLabels(labels, slot: slot, every: labelEvery)
        return frame(id: id, title: title, description: description, body: body, legend: series.map { ($0.name, $0.style) })
    }

    /// Lines of shares (0–1) per step with a dashed target; a missing value breaks the line.
    static func lines(id: String, title: String, description: String, labels: [String], series: [(name: String, values: [Double?], style: String)],
                      target: (name: String, value: Double)?, labelEvery: Int = 1) -> Node<HTML.BodyContext> {
        let n = max(1, labels.count)
        let plotW = width - left - right, plotH = height - top - bottom
        let slot = plotW / Double(n)
        var body = axis(maxValue: 1, format: { "\(Int(($0 * 100).rounded())) %" })
        if let target {
            let y = top + plotH * (1 - target.value)
            body += #"<line class="chart-target" x1="\#(f(left))" x2="\#(f(width - right))" y1="\#(f(y))" y2="\#(f(y))"/>"#
        }
        for s in series {
            var segments: [[String]] = [[]]
            for (i, v) in s.values.enumerated() {
                guard let v else { if !(segments.last?.isEmpty ?? true) { segments.append([]) }; continue }
                segments[segments.count - 1].append("\(f(left + (Double(i) + 0.5) * slot)),\(f(top + plotH * (1 - min(1, max(0, v)))))")
            }
            for points in segments where !points.isEmpty {
                body += points.count == 1
                    ? #"<circle class="\#(s.style)" cx="\#(points[0].split(separator: ",")[0])" cy="\#(points[0].split(separator: ",")[1])" r="3"/>"#
                    : #"<polyline class="\#(s.style)" points="\#(points.joined(separator: " "))"/>"#
            }
        }
        body += xLabels(labels, slot: slot, every: labelEvery)
        var legend = series.map { ($0.name, $0.style) }
        if let target { legend.append((target.name, "chart-target")) }
        return frame(id: id, title: title, description: description, body: body, legend: legend)
    }

    /// Weekday × hour cells shaded by count, each cell also numbered in its title for hover.
    static func heatMap(id: String, title: String, description: String, rows: [String], values: [[Int]]) -> Node<HTML.BodyContext> {
        // Weekday names need a wider margin than numbers.
        let left = 96.0, cell = (width - left - right) / 24, rowH = 22.0
        let h = top + Double(rows.count) * rowH + bottom
        let maxValue = max(1, values.joined().max() ?? 0)
        var body = ""
        for (r, name) in rows.enumerated() {
            let y = top + Double(r) * rowH
            body += #"<text class="chart-label" x="\#(f(left - 6))" y="\#(f(y + rowH * 0.7))" text-anchor="end">\#(Markup.escape(name))</text>"#
            for hour in 0..<24 {
                let v = values.indices.contains(r) && values[r].indices.contains(hour) ? values[r][hour] : 0
                let level = v == 0 ? 0 : max(1, min(4, Int((Double(v) / Double(maxValue) * 4).rounded(.up))))
                body += #"<rect class="heat-\#(level)" x="\#(f(left + Double(hour) * cell))" y="\#(f(y))" width="\#(f(cell - 1))" height="\#(f(rowH - 2))"><title>\#(Markup.escape(name)) \#(hour):00 – \#(v)</title></rect>"#
            }
        }
        for hour in stride(from: 0, to: 24, by: 3) {
            body += #"<text class="chart-label" x="\#(f(left + (Double(hour) + 0.5) * cell))" y="\#(f(h - 8))" text-anchor="middle">\#(hour)</text>"#
        }
        return frame(id: id, title: title, description: description, body: body, legend: [], height: h)
    }

    static func frame(id: String, title: String, description: String, body: String, legend: [(String, String)], height h: Double = height) -> Node<HTML.BodyContext> {
        let legendNodes = legend.isEmpty ? "" : #"<ul class="chart-legend" aria-hidden="true">"# + legend.map {
            #"<li><svg width="14" height="14" viewBox="0 0 14 14" focusable="false"><rect class="\#($0.1)" width="14" height="14"/></svg> \#(Markup.escape($0.0))</li>"#
        }.joined() + "</ul>"
        return .raw("""
            <figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="\(id)-title \(id)-desc" \
            viewBox="0 0 \(f(width)) \(f(h))" preserveAspectRatio="xMidYMid meet"><title id="\(id)-title">\(Markup.escape(title))</title>\
            <desc id="\(id)-desc">\(Markup.escape(description))</desc>\(body)</svg>\(legendNodes)\
            <figcaption>\(Markup.escape(description))</figcaption></figure>
            """)
    }

    static func axis(maxValue: Double, format: (Double) -> String) -> String {
        let plotH = height - top - bottom
        var out = ""
        for k in 0...4 {
            let v = maxValue * Double(k) / 4, y = top + plotH * (1 - Double(k) / 4)
            out += #"<line class="chart-grid" x1="\#(f(left))" x2="\#(f(width - right))" y1="\#(f(y))" y2="\#(f(y))"/>"#
            out += #"<text class="chart-label" x="\#(f(left - 6))" y="\#(f(y + 4))" text-anchor="end">\#(Markup.escape(format(v)))</text>"#
        }
        return out
    }

    static func xLabels(_ labels: [String], slot: Double, every: Int) -> String {
        var out = ""
        for (i, l) in labels.enumerated() where i % max(1, every) == 0 {
            out += #"<text class="chart-label" x="\#(f(left + (Double(i) + 0.5) * slot))" y="\#(f(height - 8))" text-anchor="middle">\#(Markup.escape(l))</text>"#
        }
        return out
    }

    /// A round number at or above `v` for the top of the scale.
    static func niceCeiling(_ v: Double) -> Double {
        guard v > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(v)))
        for step in [1.0, 2, 2.5, 5, 10] where step * magnitude >= v { return step * magnitude }
        return 10 * magnitude
    }

    static func f(_ v: Double) -> String { String(format: "%.1f", v) }
}

extension SVGChart {
    /// A small line of shares (0–1) with a dashed target, for a wallboard card: an image with its
    /// own words (title and description); the card carries the same figures as a table.
    static func sparkline(id: String, title: String, description: String, values: [Double?], target: Double?) -> Node<HTML.BodyContext> {
        let w = 240.0, h = 56.0, pad = 4.0
        let n = max(1, values.count)
        let step = n == 1 ? 0 : (w - 2 * pad) / Double(n - 1)
        func y(_ v: Double) -> String { f(pad + (h - 2 * pad) * (1 - min(1, max(0, v)))) }
        var body = ""
        if let target { body += #"<line class="spark-target" x1="0" x2="\#(f(w))" y1="\#(y(target))" y2="\#(y(target))"/>"# }
        var segment: [String] = []
        func flush() {
            if segment.count == 1 {
                let xy = segment[0].split(separator: ",")
                body += #"<circle class="spark-line" cx="\#(xy[0])" cy="\#(xy[1])" r="2.5"/>"#
            } else if segment.count > 1 {
                body += #"<polyline class="spark-line" points="\#(segment.joined(separator: " "))"/>"#
            }
            segment = []
        }
        for (i, v) in values.enumerated() {
            guard let v else { flush(); continue }
            segment.append("\(f(pad + Double(i) * step)),\(y(v))")
        }
        flush()
        return .raw("""
            <svg class="spark" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="\(id)-title \(id)-desc" viewBox="0 0 \(f(w)) \(f(h))" \
            preserveAspectRatio="none"><title id="\(id)-title">\(Markup.escape(title))</title><desc id="\(id)-desc">\(Markup.escape(description))</desc>\(body)</svg>
            """)
    }
}
