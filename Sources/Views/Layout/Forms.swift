import Plot

/// A form's state when shown again after a failed submission: the values typed and the
/// problems per field, in the visitor's language.
public struct FormState: Sendable {
    public var values: [String: String]
    public var errors: [(field: String, message: String)]

    public init(values: [String: String] = [:], errors: [(field: String, message: String)] = []) {
        self.values = values; self.errors = errors
    }

    public func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
    public subscript(_ field: String) -> String { values[field] ?? "" }
}

/// Accessible form fields: a visible label, the error tied to the field with
/// aria-describedby, aria-invalid, and a summary at the top that links to each field.
enum Forms {
    static func csrf(_ ctx: PageContext) -> Node<HTML.FormContext> {
        .raw("<input type=\"hidden\" name=\"_csrf\" value=\"" + Markup.escape(ctx.csrfToken) + "\"/>")
    }

    static func errorSummary(_ state: FormState, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        guard !state.errors.isEmpty else { return .empty }
        return .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .attribute(named: "tabindex", value: "-1"),
            .h2(.text(ctx.t("form.errors_heading"))),
            .ul(.forEach(state.errors) { e in .li(.a(.href("#\(e.field)"), .text(e.message))) }))
    }

    /// A labelled input with its hint and error, written as text (a form has a dozen of them and
    /// every page has a form). Output as the node tree wrote it: empty values left out.
    static func field(_ name: String, label: String, type: HTMLInputType = .text, state: FormState, required: Bool = true,
                      autocomplete: String? = nil, hint: String? = nil, attributes extra: [(String, String)] = [],
                      ctx: PageContext) -> Node<HTML.FormContext> {
        let error = state.error(name)
        let described = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }
        var h = HTMLText(capacity: 512)
        h.open("div", ["class": error == nil ? "field" : "field has-error"])
        Self.label(&h, name, label, required: required, ctx)
        if let hint { h.element("p", ["id": "\(name)-hint", "class": "hint"], text: hint) }
        if let error { h.element("p", ["id": "\(name)-error", "class": "field-error"], text: error) }
        var input = "<input type=\"" + type.rawValue + "\" id=\"" + Markup.escape(name) + "\" name=\"" + Markup.escape(name) + "\""
        for (key, value) in extra where !value.isEmpty { input += " " + key + "=\"" + Markup.escape(value) + "\"" }
        if type != .password && !state[name].isEmpty { input += " value=\"" + Markup.escape(state[name]) + "\"" }
        if required { input += " required" }
        if let autocomplete { input += " autocomplete=\"" + Markup.escape(autocomplete) + "\"" }
        if !described.isEmpty { input += " aria-describedby=\"" + described.joined(separator: " ") + "\"" }
        if error != nil { input += " aria-invalid=\"true\"" }
        h.raw(input + "/>")
        h.close("div")
        return .raw(h.html)
    }

    /// `<label for>` with "(optional)" when the field may stay empty.
    static func label(_ h: inout HTMLText, _ name: String, _ text: String, required: Bool, _ ctx: PageContext) {
        h.open("label", ["for": name])
        h.text(text)
        if !required { h.element("span", ["class": "optional"], text: " " + ctx.t("form.optional")) }
        h.close("label")
    }
}

extension Forms {
    /// A labelled select with its error, keeping the chosen value.
    static func select(_ name: String, label: String, options: [(value: String, label: String)], state: FormState,
                       blank: String? = nil, hint: String? = nil, ctx: PageContext) -> Node<HTML.FormContext> {
        var list = HTMLText(capacity: options.count * 48)
        for o in options { option(&list, o, selected: state[name]) }
        return select(name, label: label, choices: list.html, state: state, blank: blank, hint: hint)
    }

    /// A select whose options come in labelled groups (offices by voivodeship).
    static func select(_ name: String, label: String, groups: [(label: String, options: [(value: String, label: String)])], state: FormState,
                       blank: String? = nil, hint: String? = nil, ctx: PageContext) -> Node<HTML.FormContext> {
        var list = HTMLText(capacity: 16_384)
        for g in groups {
            list.open("optgroup", ["label": g.label])
            for o in g.options { option(&list, o, selected: state[name]) }
            list.close("optgroup")
        }
        return select(name, label: label, choices: list.html, state: state, blank: blank, hint: hint)
    }

    /// `<option value="…">label</option>` with real text content (some browsers and screen
    /// readers ignore a `label` attribute); written as text, since a form may offer hundreds.
    private static func option(_ list: inout HTMLText, _ o: (value: String, label: String), selected: String) {
        list.element("option", ["value": o.value, "selected": o.value == selected ? "selected" : nil], text: o.label)
    }

    private static func select(_ name: String, label: String, choices: String, state: FormState,
                               blank: String?, hint: String?) -> Node<HTML.FormContext> {
        let error = state.error(name)
        var all = HTMLText(capacity: choices.utf8.count + 64)
        if let blank { option(&all, ("", blank), selected: state[name]) }
        all.raw(choices)
        let errorNode: Node<HTML.FormContext> = error.map { .p(.id("\(name)-error"), .class("field-error"), .text($0)) } ?? .empty
        let hintNode: Node<HTML.FormContext> = hint.map { .p(.id("\(name)-hint"), .class("hint"), .text($0)) } ?? .empty
        let described = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }
        var selectNodes: [Node<HTML.SelectContext>] = [.attribute(named: "id", value: name), .attribute(named: "name", value: name)]
        if !described.isEmpty { selectNodes.append(.attribute(named: "aria-describedby", value: described.joined(separator: " "))) }
        if error != nil { selectNodes.append(.attribute(named: "aria-invalid", value: "true")) }
        let select: Node<HTML.FormContext> = .element(named: "select", nodes: selectNodes + [.raw(all.html)])
        return .div(.class(error == nil ? "field" : "field has-error"), .label(.for(name), .text(label)), hintNode, errorNode, select)
    }

    /// A multi-line text field with its label, hint and error.
    static func textarea(_ name: String, label: String, state: FormState, hint: String? = nil, required: Bool = true,
                         ctx: PageContext) -> Node<HTML.FormContext> {
        let error = state.error(name)
        let described = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }
        var h = HTMLText(capacity: 512)
        h.open("div", ["class": error == nil ? "field" : "field has-error"])
        self.label(&h, name, label, required: required, ctx)
        if let hint { h.element("p", ["id": "\(name)-hint", "class": "hint"], text: hint) }
        if let error { h.element("p", ["id": "\(name)-error", "class": "field-error"], text: error) }
        h.open("textarea", ["id": name, "name": name, "rows": "6", "required": required ? "required" : nil,
                            "aria-describedby": described.isEmpty ? nil : described.joined(separator: " "), "aria-invalid": error == nil ? nil : "true"])
        h.text(state[name])
        h.close("textarea")
        h.close("div")
        return .raw(h.html)
    }

    /// A PDF to upload: label, hint and error tied to the input as for the other fields.
    static func pdfFile(_ name: String, label: String, hint: String, state: FormState) -> Node<HTML.FormContext> {
        file(name, label: label, hint: hint, accept: "application/pdf,.pdf", state: state)
    }

    /// A JPEG or PNG picture to upload.
    static func imageFile(_ name: String, label: String, hint: String, state: FormState) -> Node<HTML.FormContext> {
        file(name, label: label, hint: hint, accept: "image/jpeg,image/png", state: state)
    }

    static func file(_ name: String, label: String, hint: String, accept: String, state: FormState) -> Node<HTML.FormContext> {
        let error = state.error(name)
        var input: [Attribute<HTML.InputContext>] = [.type(.file), .id(name), .name(name), .attribute(named: "accept", value: accept),
                                                      .attribute(named: "aria-describedby", value: error == nil ? "\(name)-hint" : "\(name)-hint \(name)-error")]
        if error != nil { input.append(.attribute(named: "aria-invalid", value: "true")) }
        return .div(.class(error == nil ? "field" : "field has-error"),
                    .label(.for(name), .text(label)),
                    .p(.id("\(name)-hint"), .class("hint"), .text(hint)),
                    error.map { .p(.id("\(name)-error"), .class("field-error"), .text($0)) } ?? .empty,
                    .selfClosedElement(named: "input", attributes: input))
    }

    /// A checkbox with its label after it; "on" when ticked.
    static func checkbox(_ name: String, label: String, state: FormState, required: Bool = false) -> Node<HTML.FormContext> {
        let error = state.error(name)
        var h = HTMLText(capacity: 256)
        h.open("div", ["class": "field checkbox"])
        if let error { h.element("p", ["id": "\(name)-error", "class": "field-error"], text: error) }
        var input = "<input type=\"checkbox\" id=\"" + Markup.escape(name) + "\" name=\"" + Markup.escape(name) + "\" value=\"on\""
        if required { input += " required" }
        if state[name] == "on" { input += " checked=\"checked\"" }
        if error != nil { input += " aria-describedby=\"" + Markup.escape(name) + "-error\"" }
        h.raw(input + "/>")
        h.element("label", ["for": name], text: label)
        h.close("div")
        return .raw(h.html)
    }

    /// A consent asked for on a form: the text of the version shown as the checkbox's label,
    /// that version in a hidden field (the ledger records which text was agreed to), and a
    /// link to the privacy policy.
    static func consent(_ name: String, _ prompt: ConsentPrompt, required: Bool, state: FormState, ctx: PageContext) -> Node<HTML.FormContext> {
        .group(
            .input(.type(.hidden), .name(name + "_version"), .value("\(prompt.version)")),
            checkbox(name, label: ctx.t(prompt.key), state: state, required: required),
            .p(.class("hint"), .a(.href(SiteRoute.privacy.path), .text(ctx.t("consent.read_policy"))))
        )
    }

    /// A field people never see (off screen, hidden from assistive technology, out of the tab
    /// order) that robots fill in: a form with `website` set is from a robot.
    static func trap(_ ctx: PageContext) -> Node<HTML.FormContext> {
        .div(.class("trap"), .attribute(named: "aria-hidden", value: "true"),
             .label(.for("website"), .text(ctx.t("contact.trap"))),
             .input(.type(.text), .id("website"), .name("website"), .attribute(named: "tabindex", value: "-1"),
                    .attribute(named: "autocomplete", value: "off")))
    }

    /// A POST form with only a button (and hidden fields): for actions like "verify".
    /// How a button looks: the main action, a secondary one, or one that throws work away.
    enum ButtonStyle: String { case primary, secondary, danger }

    static func button(_ action: String, label: String, hidden: [(String, String)] = [], accessibleLabel: String? = nil,
                       style: ButtonStyle = .primary, shortcut: (name: String, keys: String)? = nil, ctx: PageContext) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(action), .class("inline"),
              .if(shortcut != nil, .attribute(named: "data-shortcut", value: shortcut?.name ?? "")),
              csrf(ctx),
              .forEach(hidden) { .input(.type(.hidden), .name($0.0), .value($0.1)) },
              .button(.type(.submit), .text(label), .if(style != .primary, .class(style.rawValue)),
                      .if(shortcut != nil, .attribute(named: "aria-keyshortcuts", value: shortcut?.keys ?? "")),
                      .if(accessibleLabel != nil, .attribute(named: "aria-label", value: accessibleLabel ?? ""))))
    }
}

/// A data table with a caption and column headers, or a sentence when there are no rows.
enum Tables {
    static func table(caption: String, headers: [String], rows: [[Node<HTML.BodyContext>]], empty: String) -> Node<HTML.BodyContext> {
        guard !rows.isEmpty else { return .p(.class("empty"), .text(empty)) }
        // A wide table scrolls sideways; the region is focusable so keyboard users can scroll it too.
        return .div(.class("table-wrap"), .attribute(named: "role", value: "region"), .attribute(named: "aria-label", value: caption),
                    .attribute(named: "tabindex", value: "0"),
            .table(.caption(.text(caption)),
                .thead(.tr(.forEach(headers) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                .tbody(.forEach(rows) { cells in .tr(.forEach(cells) { .td($0) }) })))
    }
}

extension Node where Context == HTML.FormContext {
    /// The same field once per item of a list on one page: its ids (and what refers to them)
    /// made unique by a suffix, the name kept.
    func withID(suffix: String) -> Node<HTML.FormContext> {
        let html = self.render()
        var out = html
        for attribute in ["id=\"", "for=\"", "aria-describedby=\""] {
            var result = "", rest = Substring(out)
            while let r = rest.range(of: attribute) {
                result += rest[..<r.upperBound]
                rest = rest[r.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                let ids = rest[..<end].split(separator: " ").map { $0 + "-" + suffix }.joined(separator: " ")
                result += ids
                rest = rest[end...]
            }
            out = result + rest
        }
        return .raw(out)
    }
}
