import Foundation

/// The small markup of knowledge-base texts, parsed into blocks of text runs. Nothing in it
/// becomes HTML as such: the view renders these values, so a `<script>` typed by an editor is
/// shown as text. Paragraphs are separated by blank lines; `## ` starts a heading, `- ` a list
/// item; `**bold**`, `*emphasis*` and `[text](link)` work inside a line. Links go to http(s)
/// addresses or to pages of this site (`/faq/…`, `/pages/…`); anything else stays plain text.
public enum KBMarkup {
    public enum Inline: Sendable, Equatable {
        case text(String)
        case strong(String)
        case emphasis(String)
        case link(text: String, href: String)
    }

    public enum Block: Sendable, Equatable {
        case heading([Inline])
        case paragraph([Inline])
        case list([[Inline]])
    }

    public static func parse(_ source: String) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var items: [[Inline]] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(inline(paragraph.joined(separator: " ")))); paragraph = [] }
            if !items.isEmpty { blocks.append(.list(items)); items = [] }
        }
        // "\r\n" is one Character, a newline like "\n": no copy of the text to normalise it.
        for raw in source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = trimmed(raw)
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("## ") { flush(); blocks.append(.heading(inline(String(line.dropFirst(3))))); continue }
            if line.hasPrefix("- ") || line.hasPrefix("* ") {
                if !paragraph.isEmpty { blocks.append(.paragraph(inline(paragraph.joined(separator: " ")))); paragraph = [] }
                items.append(inline(String(line.dropFirst(2))))
                continue
            }
            if !items.isEmpty { blocks.append(.list(items)); items = [] }
            paragraph.append(line)
        }
        flush()
        return blocks
    }

    /// A line without the spaces around it (the standard library's own, not Foundation's, which
    /// copies through NSString on Linux).
    public static func trimmed(_ s: Substring) -> String {
        guard let first = s.firstIndex(where: { !$0.isWhitespace }), let last = s.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(s[first...last])
    }

    /// Links allowed in texts: web addresses, and pages of this site (`/faq/…`, `/pages/…`,
    /// `/offices/pup-2002/pages/…`): a path of letters, digits, `-` and `/`, never `//host`.
    public static func isAllowedLink(_ href: String) -> Bool {
        if href.hasPrefix("/") {
            return !href.hasPrefix("//") && href.count <= 300 && href.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "/" }
        }
        guard let url = URLComponents(string: href), let scheme = url.scheme?.lowercased(), url.host?.isEmpty == false else { return false }
        return scheme == "https" || scheme == "http"
    }

    static func inline(_ s: String) -> [Inline] {
        var out: [Inline] = []
        var text = ""
        var i = s.startIndex
        func emit() { if !text.isEmpty { out.append(.text(text)); text = "" } }
        while i < s.endIndex {
            let rest = s[i...]
            if rest.hasPrefix("**"), let end = rest.dropFirst(2).firstRange(of: "**"), !rest[rest.index(i, offsetBy: 2)..<end.lowerBound].isEmpty {
                emit(); out.append(.strong(String(rest[rest.index(i, offsetBy: 2)..<end.lowerBound]))); i = end.upperBound; continue
            }
            if rest.hasPrefix("*"), !rest.hasPrefix("**"), let end = rest.dropFirst().firstIndex(of: "*"), end > rest.index(after: i) {
                emit(); out.append(.emphasis(String(rest[rest.index(after: i)..<end]))); i = rest.index(after: end); continue
            }
            if rest.hasPrefix("["), let close = rest.firstIndex(of: "]"), rest[close...].dropFirst().hasPrefix("("),
               let paren = rest[close...].firstIndex(of: ")") {
                let label = String(rest[rest.index(after: i)..<close])
                let href = String(rest[rest.index(close, offsetBy: 2)..<paren])
                if !label.isEmpty && isAllowedLink(href) {
                    emit(); out.append(.link(text: label, href: href)); i = rest.index(after: paren); continue
                }
            }
            text.append(s[i]); i = s.index(after: i)
        }
        emit()
        return out
    }

    /// The words of a text without its markup (for the search index and summaries).
    public static func plainText(_ source: String) -> String {
        parse(source).map { block -> String in
            func words(_ runs: [Inline]) -> String {
                runs.map { switch $0 { case .text(let t), .strong(let t), .emphasis(let t): t; case .link(let t, _): t } }.joined()
            }
            switch block {
            case .heading(let r), .paragraph(let r): return words(r)
            case .list(let items):
                // Items are joined with "; " unless an item ends with its own punctuation ("a,; b" reads wrong).
                return items.map(words).reduce("") { text, item in
                    text.isEmpty ? item : text + ((text.last.map { ",;.:!?".contains($0) } ?? false) ? " " : "; ") + item
                }
            }
        }.joined(separator: "\n")
    }
}
