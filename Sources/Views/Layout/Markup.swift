/// The one escaper for text this system writes into HTML and XML (pages, e-mail, SVG, TwiML,
/// HR-XML): every view, mail and document goes through it, so a value can never end an
/// attribute or open a tag, whatever it holds.
public enum Markup {
    /// `& < > " '` as references; the control characters XML 1.0 forbids (and HTML calls parse
    /// errors) dropped. Unlike Plot's own text escaping, an entity-like input (`&amp;`) is
    /// escaped too, so what a visitor typed comes back exactly as typed.
    public static func escape(_ s: String) -> String {
        // Most text holds nothing to escape: give it back as it is without building a copy.
        if !needsEscaping(s) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Whether `s` holds a character `escape` changes: one of `& < > " '`, a C0 control other than
    /// tab and line breaks, DEL, or a C1 control (UTF-8 C2 80 … C2 9F).
    static func needsEscaping(_ s: String) -> Bool {
        var previous: UInt8 = 0
        for byte in s.utf8 {
            switch byte {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27, 0x7F: return true
            case 0x09, 0x0A, 0x0D: break
            case 0x00..<0x20: return true
            case 0x80...0x9F where previous == 0xC2: return true
            default: break
            }
            previous = byte
        }
        return false
    }

    /// JSON placed inside a `<script>` element: `<`, `>` and `&` as JSON escapes, so the text
    /// cannot close the element or open a comment, and stays the same JSON.
    public static func scriptJSON(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
