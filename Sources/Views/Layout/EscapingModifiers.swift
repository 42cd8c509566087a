import Foundation
import Plot

// Plot 0.14 writes attribute values as given (`Attribute.render` does not escape), so a value
// holding a quote ends the attribute. Each declaration below has the signature of a Plot
// modifier that takes text or a URL, and a declaration in this module is preferred to the
// imported one: every view in this module escapes its attribute values through `Markup`
// without a call site changing. Modifiers that take Plot's enums or numbers cannot carry text.
// Plot's own head helpers (title, description, …) write meta attributes inside Plot, so they
// are declared here too. `EscapingTests` renders each of them with a hostile value.

extension Node {
    static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        .attribute(Attribute(name: name, value: value.map(Markup.escape), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty))
    }

    /// Text content, escaped by the same rule as attributes (Plot's own keeps `&amp;`-like input).
    static func text(_ text: String) -> Node { .raw(Markup.escape(text)) }

    static func element(named name: String, text: String) -> Node { .element(named: name, nodes: [.text(text)]) }
}

extension Attribute {
    static func attribute(named name: String, value: String?) -> Attribute {
        Attribute(name: name, value: value.map(Markup.escape))
    }
}


extension Attribute where Context: HTMLContext {
    static func id(_ id: String) -> Attribute { Attribute(name: "id", value: Markup.escape(id)) }
    static func `class`(_ className: String) -> Attribute { Attribute(name: "class", value: Markup.escape(className)) }
    static func data(named name: String, value: String) -> Attribute { Attribute(name: "data-\(name)", value: Markup.escape(value)) }
    static func title(_ title: String) -> Attribute { Attribute(name: "title", value: Markup.escape(title)) }
}

extension Node where Context: HTMLContext {
    static func id(_ id: String) -> Node { .attribute(named: "id", value: id) }
    static func `class`(_ className: String) -> Node { .attribute(named: "class", value: className) }
    static func data(named name: String, value: String) -> Node { .attribute(named: "data-\(name)", value: value) }
    static func title(_ title: String) -> Node { .attribute(named: "title", value: title) }
}

extension Attribute where Context: HTMLNamableContext {
    static func name(_ name: String) -> Attribute { Attribute(name: "name", value: Markup.escape(name)) }
}

extension Node where Context: HTMLNamableContext {
    static func name(_ name: String) -> Node { .attribute(named: "name", value: name) }
}

extension Attribute where Context == HTML.MetaContext {
    static func property(_ property: String) -> Attribute { Attribute(name: "property", value: Markup.escape(property)) }
    static func content(_ content: String) -> Attribute { Attribute(name: "content", value: Markup.escape(content)) }
}

extension Attribute where Context: HTMLTypeContext {
    static func type(_ type: String) -> Attribute { Attribute(name: "type", value: Markup.escape(type)) }
}

extension Attribute where Context: HTMLValueContext {
    static func value(_ value: String) -> Attribute { Attribute(name: "value", value: Markup.escape(value)) }
}

extension Node where Context: HTMLValueContext {
    static func value(_ value: String) -> Node { .attribute(named: "value", value: value) }
}

extension Attribute where Context == HTML.LinkContext {
    static func sizes(_ sizes: String) -> Attribute { Attribute(name: "sizes", value: Markup.escape(sizes)) }
    static func color(_ color: String) -> Attribute { Attribute(name: "color", value: Markup.escape(color)) }
}

extension Attribute where Context: HTMLLinkableContext {
    static func href(_ url: URLRepresentable) -> Attribute { Attribute(name: "href", value: Markup.escape(urlText(url))) }
}

extension Node where Context: HTMLLinkableContext {
    static func href(_ url: URLRepresentable) -> Node { .attribute(named: "href", value: urlText(url)) }
}

extension Node where Context == HTML.TimeContext {
    static func datetime(_ datetime: String) -> Node { .attribute(named: "datetime", value: datetime) }
}

extension Attribute where Context: HTMLSourceContext {
    static func src(_ url: URLRepresentable) -> Attribute { Attribute(name: "src", value: Markup.escape(urlText(url))) }
}

extension Node where Context: HTMLSourceContext {
    static func src(_ url: URLRepresentable) -> Node { .attribute(named: "src", value: urlText(url)) }
}

extension Attribute where Context == HTML.ObjectContext {
    static func data(_ url: URLRepresentable) -> Attribute { Attribute(name: "data", value: Markup.escape(urlText(url))) }
}

extension Node where Context == HTML.ObjectContext {
    static func data(_ url: URLRepresentable) -> Node { .attribute(named: "data", value: urlText(url)) }
}

extension Attribute where Context == HTML.PictureSourceContext {
    static func srcset(_ set: String) -> Attribute { Attribute(name: "srcset", value: Markup.escape(set)) }
    static func media(_ query: String) -> Attribute { Attribute(name: "media", value: Markup.escape(query)) }
    static func type(_ type: String) -> Attribute { Attribute(name: "type", value: Markup.escape(type)) }
}

extension Node where Context == HTML.FormContext {
    static func action(_ url: URLRepresentable) -> Node { .attribute(named: "action", value: urlText(url)) }
}

extension Node where Context == HTML.LabelContext {
    static func `for`(_ target: String) -> Node { .attribute(named: "for", value: target) }
}

extension Attribute where Context == HTML.InputContext {
    static func placeholder(_ placeholder: String) -> Attribute { Attribute(name: "placeholder", value: Markup.escape(placeholder)) }
}

extension Node where Context == HTML.TextAreaContext {
    static func placeholder(_ placeholder: String) -> Node { .attribute(named: "placeholder", value: placeholder) }
}

extension Node where Context: HTMLStylableContext {
    static func style(_ css: String) -> Node { .attribute(named: "style", value: css) }
}

extension Attribute where Context == HTML.ImageContext {
    static func alt(_ text: String) -> Attribute { Attribute(name: "alt", value: Markup.escape(text)) }
}

extension Node where Context: HTML.BodyContext {
    static func ariaLabel(_ label: String) -> Node { .attribute(named: "aria-label", value: label) }
    static func ariaControls(_ child: String) -> Node { .attribute(named: "aria-controls", value: child) }
    static func onclick(_ script: String) -> Node { .attribute(named: "onclick", value: script) }
}

extension Attribute where Context: HTMLIntegrityContext {
    static func integrity(_ hash: String) -> Attribute { Attribute(name: "integrity", value: Markup.escape(hash)) }
}

extension Node where Context: HTMLIntegrityContext {
    static func integrity(_ hash: String) -> Node { .attribute(named: "integrity", value: hash) }
}

extension Attribute where Context == HTML.OptionContext {
    static func label(_ label: String) -> Attribute { Attribute(name: "label", value: Markup.escape(label), ignoreIfValueIsEmpty: false) }
}

extension Node where Context == HTML.HeadContext {
    static func title(_ title: String) -> Node {
        .group([.element(named: "title", text: title), .meta(.name("twitter:title"), .content(title)), .meta(.property("og:title"), .content(title))])
    }

    static func description(_ text: String) -> Node {
        .group([.meta(.name("description"), .content(text)), .meta(.name("twitter:description"), .content(text)),
                .meta(.property("og:description"), .content(text))])
    }

    static func url(_ url: URLRepresentable) -> Node {
        .group([.link(.rel(.canonical), .href(url)), .meta(.name("twitter:url"), .content(urlText(url))), .meta(.property("og:url"), .content(urlText(url)))])
    }

    static func siteName(_ name: String) -> Node { .meta(.property("og:site_name"), .content(name)) }

    static func socialImageLink(_ url: URLRepresentable) -> Node {
        .group([.meta(.name("twitter:image"), .content(urlText(url))), .meta(.property("og:image"), .content(urlText(url)))])
    }

    static func twitterUsername(_ username: String) -> Node { .meta(.name("twitter:site"), .content(username)) }

    static func stylesheet(_ url: URLRepresentable, integrity: String? = nil) -> Node {
        .link(.rel(.stylesheet), .href(url), .type("text/css"), .unwrap(integrity, Attribute.integrity))
    }

    static func favicon(_ url: URLRepresentable, type: String = "image/png") -> Node { .link(.rel(.shortcutIcon), .href(url), .type(type)) }
}

/// Plot's `URLRepresentable.string` is internal; its two conformances are String and URL.
private func urlText(_ url: URLRepresentable) -> String {
    (url as? URL)?.absoluteString ?? "\(url)"
}
