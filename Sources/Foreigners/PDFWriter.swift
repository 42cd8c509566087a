import Foundation

/// A small PDF 1.4 writer for printed forms: A4 pages of text in Helvetica and Helvetica-Bold
/// (the standard fonts every reader has, so nothing is embedded), lines and grey bars. Polish
/// letters are given their standard glyph names through the font's encoding, so readers show
/// them and text extraction reads them back.
public struct PDFWriter {
    public static let pageWidth = 595.0, pageHeight = 842.0

    public enum Font { case regular, bold }

    var pages: [String] = []
    var current = ""

    public init() {}

    public mutating func newPage() {
        if !current.isEmpty || !pages.isEmpty { pages.append(current) }
        current = ""
    }

    /// Text with its baseline at (x, y), y counted from the top of the page.
    public mutating func text(_ s: String, x: Double, y: Double, size: Double, font: Font = .regular) {
        let f = font == .bold ? "F2" : "F1"
        current += "BT /\(f) \(Self.num(size)) Tf \(Self.num(x)) \(Self.num(Self.pageHeight - y)) Td (\(Self.encoded(s))) Tj ET\n"
    }

    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double = 0.5) {
        current += "\(Self.num(width)) w \(Self.num(x1)) \(Self.num(Self.pageHeight - y1)) m \(Self.num(x2)) \(Self.num(Self.pageHeight - y2)) l S\n"
    }

    /// A filled grey rectangle whose top-left corner is (x, y).
    public mutating func bar(x: Double, y: Double, width: Double, height: Double, grey: Double = 0.9) {
        current += "q \(Self.num(grey)) g \(Self.num(x)) \(Self.num(Self.pageHeight - y - height)) \(Self.num(width)) \(Self.num(height)) re f Q\n"
    }

    /// The lines a text breaks into within a width, at word boundaries (a word longer than
    /// the width is cut).
    public static func wrap(_ s: String, width: Double, size: Double, font: Font = .regular) -> [String] {
        var lines: [String] = []
        for paragraph in s.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if Self.width(candidate, size: size, font: font) <= width { line = candidate; continue }
                if !line.isEmpty { lines.append(line) }
                var rest = String(word)
                while Self.width(rest, size: size, font: font) > width, rest.count > 1 {
                    var cut = rest.count - 1
                    while cut > 1, Self.width(String(rest.prefix(cut)), size: size, font: font) > width { cut -= 1 }
                    lines.append(String(rest.prefix(cut)))
                    rest = String(rest.dropFirst(cut))
                }
                line = rest
            }
            lines.append(line)
        }
        return lines
    }

    public static func width(_ s: String, size: Double, font: Font = .regular) -> Double {
        let table = font == .bold ? boldWidths : regularWidths
        var total = 0
        for scalar in s.unicodeScalars {
            var code = Int(scalar.value)
            if code == 0x142 { total += font == .bold ? 278 : 222; continue }   // ł
            if code == 0x141 { total += font == .bold ? 611 : 556; continue }   // Ł
            // A letter with a diacritic is as wide as its base letter in these fonts.
            if code > 126, let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first { code = Int(base.value) }
            total += (32...126).contains(code) ? table[code - 32] : 556
        }
        return Double(total) * size / 1000
    }

    /// The finished document.
    public mutating func data(title: String) -> Data {
        if !current.isEmpty || pages.isEmpty { pages.append(current); current = "" }
        var objects: [String] = []
        let fontEncoding = "<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 " + Self.polish.map { "/" + $0.glyph }.joined(separator: " ") + "] >>"
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")                                   // 1
        let firstPage = 6
        let kids = (0..<pages.count).map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")            // 2
        objects.append(fontEncoding)                                                           // 3
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding 3 0 R >>")       // 4
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding 3 0 R >>")  // 5
        for content in pages {
            let n = objects.count + 1
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents \(n + 1) 0 R >>")
            let bytes = Self.latin1(content)
            objects.append("<< /Length \(bytes.count) >>\nstream\n" + content + "endstream")
        }
        objects.append("<< /Title (\(Self.encoded(title))) /Producer (Zielona Linia) >>")
        var out = Data("%PDF-1.4\n".utf8)
        // A comment of high bytes tells transfer programs the file is binary.
        out.append(contentsOf: [0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.count)
            out.append(contentsOf: Self.latin1("\(i + 1) 0 obj\n" + o + "\nendobj\n"))
        }
        let xref = out.count
        var tail = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { tail += String(format: "%010d 00000 n \n", o) }
        tail += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info \(objects.count) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out.append(contentsOf: Self.latin1(tail))
        return out
    }

    // MARK: encoding

    /// Polish letters outside WinAnsi, placed at 128… by the font's /Differences.
    static let polish: [(char: Character, glyph: String)] = [
        ("Ą", "Aogonek"), ("Ć", "Cacute"), ("Ę", "Eogonek"), ("Ł", "Lslash"), ("Ń", "Nacute"), ("Ś", "Sacute"), ("Ź", "Zacute"), ("Ż", "Zdotaccent"),
        ("ą", "aogonek"), ("ć", "cacute"), ("ę", "eogonek"), ("ł", "lslash"), ("ń", "nacute"), ("ś", "sacute"), ("ź", "zacute"), ("ż", "zdotaccent"),
    ]

    /// A PDF string's bytes (escaped), as `\ddd` octal for everything outside printable ASCII.
    static func encoded(_ s: String) -> String {
        var out = ""
        for ch in s {
            let byte: UInt8
            if let i = polish.firstIndex(where: { $0.char == ch }) {
                byte = UInt8(128 + i)
            } else if let scalar = ch.unicodeScalars.first, ch.unicodeScalars.count == 1, scalar.value >= 0xA0, scalar.value <= 0xFF {
                byte = UInt8(scalar.value)
            } else if ch == "–" || ch == "—" {
                byte = 0x96
            } else if ch == "„" || ch == "”" || ch == "“" {
                byte = 0x22
            } else if ch == "’" {
                byte = 0x27
            } else if let a = ch.unicodeScalars.first, ch.isASCII, a.value >= 32 {
                byte = UInt8(a.value)
            } else {
                let folded = String(ch).applyingTransform(.stripDiacritics, reverse: false) ?? "?"
                out += folded.allSatisfy({ $0.isASCII }) && !folded.isEmpty ? encoded(folded) : "?"
                continue
            }
            switch byte {
            case 0x28, 0x29, 0x5C: out += "\\" + String(UnicodeScalar(byte))
            case 32...126: out += String(UnicodeScalar(byte))
            default: out += "\\" + String(byte, radix: 8)
            }
        }
        return out
    }

    static func latin1(_ s: String) -> [UInt8] { s.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : 0x3F } }

    static func num(_ d: Double) -> String { String(format: "%.2f", d) }

    /// Advance widths of the printable ASCII characters (32…126), thousandths of the font size,
    /// from the Adobe font metrics of Helvetica and Helvetica-Bold.
    static let regularWidths: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278,
        584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667,
        944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556,
        333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ]
    static let boldWidths: [Int] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333,
        584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667,
        944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611,
        389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ]
}
