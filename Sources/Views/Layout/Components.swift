import Plot

/// Small pieces several pages use.
enum Components {
    /// A definition list row that says plainly when a fact is not known.
    static func fact(_ label: String, _ value: String?, unknown: String) -> Node<HTML.DescriptionListContext> {
        .group(.dt(.text(label)), .dd(value.map { Node.text($0) } ?? .em(.class("unknown"), .text(unknown))))
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
