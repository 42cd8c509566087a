/// Markup written straight into a string, for what every page repeats (the shell, the head) and
/// for long lists (a select of 380 powiats, 360 offices): the same escaping as every node
/// (`Markup.escape`), without building a tree of nodes for it — on a page that did, the tree was
/// most of its cost.
struct HTMLText {
    private(set) var html = ""

    init(capacity: Int = 4_096) { html.reserveCapacity(capacity) }

    /// `<name a="v" …>`; an attribute with a nil value is left out.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        html.append("<")
        html.append(name)
        for (key, value) in attributes {
            guard let value else { continue }
            html.append(" ")
            html.append(key)
            html.append("=\"")
            html.append(Markup.escape(value))
            html.append("\"")
        }
        html.append(">")
    }

    mutating func close(_ name: String) {
        html.append("</")
        html.append(name)
        html.append(">")
    }

    /// `<name …>text</name>`, the text escaped.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) {
        open(name, attributes)
        html.append(Markup.escape(text))
        close(name)
    }

    /// A void element: `<meta …/>`.
    mutating func void(_ name: String, _ attributes: KeyValuePairs<String, String?>) {
        open(name, attributes)
        html.removeLast()
        html.append("/>")
    }

    mutating func text(_ s: String) { html.append(Markup.escape(s)) }

    /// Markup made elsewhere by the same rules (a rendered node).
    mutating func raw(_ s: String) { html.append(s) }
}
