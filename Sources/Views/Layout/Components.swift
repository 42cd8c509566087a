import Plot

/// Small pieces several pages use.
enum Components {
    /// A definition list row that says plainly when a fact is not known.
    static func fact(_ label: String, _ value: String?, unknown: String) -> Node<HTML.DescriptionListContext> {
        var h = HTMLText(capacity: 128)
        h.element("dt", text: label)
        if let value { h.element("dd", text: value) } else {
            h.open("dd")
            h.element("em", ["class": "unknown"], text: unknown)
            h.close("dd")
        }
        return .raw(h.html)
    }

    static func notice(_ text: String, role: String = "status") -> Node<HTML.BodyContext> {
        .p(.class("notice"), .attribute(named: "role", value: role), .text(text))
    }
}

extension Node where Context == HTML.SelectContext {
    /// `<option value="…">label</option>` with real text content (Plot's own `option` is
    /// self-closing with a `label` attribute, which some browsers and screen readers ignore).
    static func choice(value: String, label: String, selected: Bool = false) -> Node {
        var nodes: [Node<HTML.BodyContext>] = [.attribute(named: "value", value: value)]
        if selected { nodes.append(.attribute(named: "selected", value: "selected")) }
        nodes.append(.text(label))
        return .element(named: "option", nodes: nodes)
    }
}

extension Components {
    /// Previous / "page n of m" / next for a list at `path`, keeping the other query parameters.
    static func pagination(path: String, total: Int?, page: Int, perPage: Int, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        guard let total, total > perPage else { return .empty }
        let pages = (total + perPage - 1) / perPage
        func link(_ page: Int) -> String {
            let items = ctx.query.filter { $0.0 != "page" } + [("page", String(page)), ("lang", ctx.language.rawValue)]
            return path + "?" + items.map { "\(PageContext.encode($0.0))=\(PageContext.encode($0.1))" }.joined(separator: "&")
        }
        return .nav(.class("pagination"), .attribute(named: "aria-label", value: ctx.t("offers.pages")),
            .ul(
                .if(page > 1, .li(.a(.href(link(page - 1)), .attribute(named: "rel", value: "prev"), .text(ctx.t("offers.previous"))))),
                .li(.span(.attribute(named: "aria-current", value: "page"), .text(ctx.t("offers.page_of", ["page": "\(page)", "pages": "\(pages)"])))),
                .if(page < pages, .li(.a(.href(link(page + 1)), .attribute(named: "rel", value: "next"), .text(ctx.t("offers.next")))))))
    }
}
