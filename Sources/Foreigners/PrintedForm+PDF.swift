import Foundation

extension PrintedForm {
    /// The form as an A4 PDF: title, legal basis, each section's heading on a grey bar, then
    /// label and value side by side, the attachments, and "strona n z m" under every page.
    public func pdf(footer: String) -> Data {
        let margin = 45.0, width = PDFWriter.pageWidth - 2 * margin, labelWidth = width * 0.45, valueX = margin + labelWidth + 8
        let bottom = PDFWriter.pageHeight - 60
        var pages: [[(PDFWriter) -> PDFWriter]] = [[]]
        var y = margin
        func draw(_ step: @escaping (inout PDFWriter) -> Void) {
            pages[pages.count - 1].append { w in var w = w; step(&w); return w }
        }
        func room(_ height: Double) {
            if y + height > bottom { pages.append([]); y = margin }
        }
        for line in PDFWriter.wrap(title, width: width, size: 13, font: .bold) {
            let at = y + 13
            draw { $0.text(line, x: margin, y: at, size: 13, font: .bold) }
            y += 17
        }
        for line in PDFWriter.wrap(legalBasis, width: width, size: 7.5) {
            let at = y + 8
            draw { $0.text(line, x: margin, y: at, size: 7.5) }
            y += 10
        }
        y += 6
        for section in sections {
            let heading = PDFWriter.wrap(section.heading, width: width - 8, size: 9.5, font: .bold)
            room(Double(heading.count) * 12 + 8 + 24)
            let top = y, h = Double(heading.count) * 12 + 6
            draw { $0.bar(x: margin, y: top, width: width, height: h) }
            for (i, line) in heading.enumerated() {
                let at = top + 12 + Double(i) * 12
                draw { $0.text(line, x: margin + 4, y: at, size: 9.5, font: .bold) }
            }
            y += h + 4
            for row in section.rows {
                let label = PDFWriter.wrap(row.label, width: labelWidth, size: 7.5)
                let value = PDFWriter.wrap(row.value, width: width - labelWidth - 8, size: 9.5, font: .bold)
                let height = max(Double(label.count) * 9.5, Double(value.count) * 12) + 5
                room(height)
                let top = y
                for (i, line) in label.enumerated() { let at = top + 9 + Double(i) * 9.5; draw { $0.text(line, x: margin, y: at, size: 7.5) } }
                for (i, line) in value.enumerated() { let at = top + 10 + Double(i) * 12; draw { $0.text(line, x: valueX, y: at, size: 9.5, font: .bold) } }
                let under = top + height - 1
                draw { $0.line(x1: margin, y1: under, x2: margin + width, y2: under, width: 0.3) }
                y += height
            }
            y += 8
        }
        if !attachments.isEmpty {
            room(40)
            let at = y + 10
            draw { $0.text("ZAŁĄCZNIKI", x: margin, y: at, size: 9.5, font: .bold) }
            y += 16
            for (i, a) in attachments.enumerated() {
                for (j, line) in PDFWriter.wrap("\(i + 1). " + a, width: width, size: 8.5).enumerated() {
                    room(11)
                    let at = y + 9
                    draw { $0.text(line, x: margin + (j == 0 ? 0 : 12), y: at, size: 8.5) }
                    y += 11
                }
            }
        }
        var writer = PDFWriter()
        for (n, steps) in pages.enumerated() {
            if n > 0 { writer.newPage() }
            for step in steps { writer = step(writer) }
            let foot = footer + " · strona \(n + 1) z \(pages.count)"
            writer.text(foot, x: margin, y: PDFWriter.pageHeight - 30, size: 7)
        }
        return writer.data(title: title)
    }
}
