import Foundation

/// Just enough of an HTML reader for the crawl tests: forms, fields and links of the pages this
/// system writes (attribute values in double quotes, as Plot writes them).
enum HTMLScan {
    struct Field {
        var name: String
        var type: String
        var value: String
        var checked: Bool
        var options: [String] = []
    }

    struct Form {
        var action: String
        var method: String
        var fields: [Field]
    }

    static func attributes(of tag: Substring) -> [String: String] {
        var out: [String: String] = [:]
        let pattern = try! Regex(#"([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*"([^"]*)")?"#)
        // Skip the element name itself.
        let body = tag.drop { $0 != " " && $0 != "\n" }
        for match in body.matches(of: pattern) {
            let name = String(match.output[1].substring ?? "").lowercased()
            out[name] = match.output[2].substring.map { decode(String($0)) } ?? ""
        }
        return out
    }

    /// Every start tag named `name`, with its attributes and the text up to its end tag.
    static func elements(_ name: String, in html: String) -> [(attributes: [String: String], inner: Substring)] {
        var out: [(attributes: [String: String], inner: Substring)] = []
        var rest = html[...]
        while let start = rest.range(of: "<\(name)", options: .caseInsensitive) {
            let after = rest[start.upperBound...]
            guard let first = after.first, first == " " || first == ">" || first == "\n" || first == "/",
                  let close = after.firstIndex(of: ">") else { rest = after; continue }
            let tag = rest[start.lowerBound..<close]
            let tail = after[after.index(after: close)...]
            let end = tail.range(of: "</\(name)>", options: .caseInsensitive)
            out.append((attributes(of: tag), end.map { tail[..<$0.lowerBound] } ?? tail.prefix(0)))
            rest = tail
        }
        return out
    }

    static func forms(in html: String) -> [Form] {
        elements("form", in: html).map { form in
            var fields: [Field] = []
            for input in elements("input", in: String(form.inner)) {
                guard let name = input.attributes["name"] else { continue }
                fields.append(Field(name: name, type: input.attributes["type"] ?? "text", value: input.attributes["value"] ?? "",
                                    checked: input.attributes["checked"] != nil))
            }
            for area in elements("textarea", in: String(form.inner)) {
                guard let name = area.attributes["name"] else { continue }
                fields.append(Field(name: name, type: "textarea", value: decode(String(area.inner)), checked: false))
            }
            for select in elements("select", in: String(form.inner)) {
                guard let name = select.attributes["name"] else { continue }
                let options = elements("option", in: String(select.inner)).map { $0.attributes["value"] ?? decode(String($0.inner)) }
                let chosen = elements("option", in: String(select.inner)).first { $0.attributes["selected"] != nil }
                fields.append(Field(name: name, type: "select", value: chosen?.attributes["value"] ?? options.first { !$0.isEmpty } ?? "",
                                    checked: false, options: options))
            }
            return Form(action: form.attributes["action"] ?? "", method: (form.attributes["method"] ?? "get").lowercased(), fields: fields)
        }
    }

    /// The text of an element, tags left out and entities decoded, spaces folded.
    static func text(_ inner: Substring) -> String {
        let stripped = inner.replacing(try! Regex("<[^>]*>"), with: " ")
        return decode(stripped.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }

    /// Same-site links (`href="/…"`), entities decoded.
    static func links(in html: String) -> [String] {
        elements("a", in: html).compactMap { $0.attributes["href"] }.filter { $0.hasPrefix("/") && !$0.hasPrefix("//") }
    }

    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = s
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&#34;", "\"")] {
            out = out.replacingOccurrences(of: entity, with: char)
        }
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }
}
