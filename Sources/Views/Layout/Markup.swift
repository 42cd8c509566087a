/// The one escaper for text this system writes into HTML and XML (pages, e-mail, SVG, TwiML,
/// HR-XML): every view, mail and document goes through it, so a value can never end an
/// attribute or open a tag, whatever it holds.
public enum Markup {
    /// `& < > " '` as references; the control characters XML 1.0 forbids (and HTML calls parse
    /// errors) dropped. Unlike Plot's own text escaping, an entity-like input (`&amp;`) is
    /// escaped too, so what a visitor typed comes back exactly as typed.
    public static func escape(_ s: String) -> String {
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

    /// JSON placed inside a `<script>` element: `<`, `>` and `&` as JSON escapes, so the text
    /// cannot close the element or open a comment, and stays the same JSON.
    public static func scriptJSON(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
