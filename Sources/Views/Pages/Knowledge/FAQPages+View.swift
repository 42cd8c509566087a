import Plot
import Portal
import Knowledge

/// The public FAQ: a search (with type-ahead), category and the visitor's office by postal
/// code, and the list of answers.
public enum FAQListPage {
    public struct Item: Sendable {
        public let id: String, title: String, summary: String, category: String, scope: String
        public init(id: String, title: String, summary: String, category: String, scope: String) {
            self.id = id; self.title = title; self.summary = summary; self.category = category; self.scope = scope
        }
    }

    public struct Model: Sendable {
        public let form: FormState
        public let categories: [(value: String, label: String)]
        /// The office whose own answers are shown too, when the visitor gave a postal code.
        public let office: String?
        public let total: Int?
        public let page: Int, perPage: Int
        public let items: [Item]
        public init(form: FormState, categories: [(value: String, label: String)], office: String?, total: Int?, page: Int, perPage: Int, items: [Item]) {
            self.form = form; self.categories = categories; self.office = office; self.total = total; self.page = page; self.perPage = perPage
            self.items = items
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let f = m.form
        return Layout.render(ctx, title: ctx.t("faq.title"), description: ctx.t("faq.intro"), scripts: [SuggestScript.path], main: .group(
            .h1(.text(ctx.t("faq.title"))),
            .p(.text(ctx.t("faq.intro"))),
            Forms.errorSummary(f, ctx),
            .form(.method(.get), .action(SiteRoute.faq.path), .class("search-form"), .attribute(named: "role", value: "search"),
                  .attribute(named: "novalidate", value: "novalidate"),
                Forms.field("q", label: ctx.t("faq.search.q"), type: .search, state: f, required: false, hint: ctx.t("faq.q_hint"),
                            attributes: [("list", "q-suggestions"),
                                         ("data-suggest", SiteRoute.apiKBSuggest.with(["lang": ctx.language.rawValue]) + "&q=")], ctx: ctx),
                .element(named: "datalist", nodes: [.attribute(named: "id", value: "q-suggestions")]),
                Forms.select("category", label: ctx.t("faq.search.category"), options: m.categories, state: f, blank: ctx.t("offers.any"), ctx: ctx),
                Forms.field("postal_code", label: ctx.t("faq.search.postal_code"), state: f, required: false, autocomplete: "postal-code",
                            hint: ctx.t("faq.postal_code_hint"), ctx: ctx),
                .button(.type(.submit), .text(ctx.t("faq.search_button")))),
            m.office.map { .p(.text(ctx.t("faq.with_office", ["office": $0]))) } ?? .empty,
            m.total.map { total in
                .p(.class("result-count"), .attribute(named: "role", value: "status"), .text(ctx.plural("faq.count", total, ["count": "\(total)"])))
            } ?? .empty,
            .raw(items(m.items)),
            .if(m.total == 0, .p(.text(ctx.t("faq.nothing_found")))),
            Components.pagination(path: SiteRoute.faq.path, total: m.total, page: m.page, perPage: m.perPage, ctx)
        ))
    }
}

/// One answer or article, its legal basis, the other languages it exists in, and
/// "was this helpful?".
public enum FAQEntryPage {
    public struct Model: Sendable {
        public let id: String
        public let title: String
        public let blocks: [KBMarkup.Block]
        public let category: String
        public let scope: String
        public let legalBasis: String?
        public let updated: String
        public let needsReview: Bool
        /// A translation made from an older version of the Polish text.
        public let outdated: Bool
        public let languages: [(label: String, path: String)]
        public let voted: Bool
        public init(id: String, title: String, blocks: [KBMarkup.Block], category: String, scope: String, legalBasis: String?, updated: String,
                    needsReview: Bool, outdated: Bool, languages: [(label: String, path: String)], voted: Bool) {
            self.id = id; self.title = title; self.blocks = blocks; self.category = category; self.scope = scope; self.legalBasis = legalBasis
            self.updated = updated; self.needsReview = needsReview; self.outdated = outdated; self.languages = languages; self.voted = voted
        }
    }

    public static func render(_ m: Model, _ ctx: PageContext) -> String {
        let unknown = ctx.t("offers.not_required")
        return Layout.render(ctx, title: m.title, main: .group(
            .p(.class("breadcrumb"), .a(.href(SiteRoute.faq.path), .text("← " + ctx.t("faq.title")))),
            .article(
                .h1(.text(m.title)),
                .if(m.outdated, Components.notice(ctx.t("faq.outdated"))),
                .if(m.needsReview, .p(.class("hint"), .text(ctx.t("faq.needs_review")))),
                KBMarkupView.nodes(m.blocks),
                .dl(.class("facts"),
                    Components.fact(ctx.t("faq.search.category"), m.category, unknown: unknown),
                    Components.fact(ctx.t("faq.scope"), m.scope, unknown: unknown),
                    Components.fact(ctx.t("faq.legal_basis"), m.legalBasis, unknown: unknown),
                    Components.fact(ctx.t("faq.updated"), m.updated, unknown: unknown))),
            .if(!m.languages.isEmpty, .group(
                .h2(.text(ctx.t("faq.other_languages"))),
                .ul(.class("link-list"), .forEach(m.languages) { l in .li(.a(.href(l.path), .text(l.label))) }))),
            .h2(.id("helpful-heading"), .text(ctx.t("faq.helpful"))),
            m.voted ? .p(.attribute(named: "role", value: "status"), .text(ctx.t("faq.thanks"))) :
            .div(.class("button-row"), .attribute(named: "role", value: "group"), .attribute(named: "aria-labelledby", value: "helpful-heading"),
                Forms.button(SiteRoute.faqHelpful(m.id).path, label: ctx.t("faq.yes"), hidden: [("helpful", "yes")], ctx: ctx),
                Forms.button(SiteRoute.faqHelpful(m.id).path, label: ctx.t("faq.no"), hidden: [("helpful", "no")], ctx: ctx))
        ))
    }
}

/// Knowledge-base markup as HTML: every run is text to Plot, so nothing typed becomes markup.
public enum KBMarkupView {
    public static func nodes(_ blocks: [KBMarkup.Block]) -> Node<HTML.BodyContext> {
        .div(.class("kb-text"), .forEach(blocks) { block in
            switch block {
            case .heading(let runs): return .h2(inline(runs))
            case .paragraph(let runs): return .p(inline(runs))
            case .list(let items): return .ul(.forEach(items) { .li(inline($0)) })
            }
        })
    }

    static func inline(_ runs: [KBMarkup.Inline]) -> Node<HTML.BodyContext> {
        .group(runs.map { run -> Node<HTML.BodyContext> in
            switch run {
            case .text(let t): .text(t)
            case .strong(let t): .strong(.text(t))
            case .emphasis(let t): .em(.text(t))
            case .link(let t, let href): .a(.href(href), .text(t))
            }
        })
    }
}

extension FAQListPage {
    /// The entries found, written as text (a page lists up to a hundred).
    static func items(_ items: [Item]) -> String {
        var list = HTMLText(capacity: 64 + items.count * 400)
        list.open("ol", ["class": "offer-list"])
        for item in items {
            list.raw("<li><article><h2>")
            list.element("a", ["href": SiteRoute.faqEntry(item.id).path], text: item.title)
            list.raw("</h2>")
            list.element("p", text: item.summary)
            list.element("p", ["class": "hint"], text: item.category + " · " + item.scope)
            list.raw("</article></li>")
        }
        list.close("ol")
        return list.html
    }
}

/// Type-ahead for fields with `data-suggest` (a URL taking `q`): fills each field's datalist,
/// so suggestions are the browser's own, keyboard- and screen-reader-friendly list. Answers are
/// `{items: [{title}]}` (knowledge base) or `[{code, name}]` (occupations, offered as "721204 – Spawacz").
public enum SuggestScript {
    public static let path = SiteRoute.script("suggest.js").path
    public static let source = #"""
(function () {
  "use strict";
  var fields = document.querySelectorAll("input[data-suggest]");
  Array.prototype.forEach.call(fields, function (field) {
    var list = document.getElementById(field.getAttribute("list"));
    if (!list) { return; }
    var timer = null, last = "";
    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = field.value.trim();
        if (q.length < 2 || q === last || /^\d{6} – /.test(q)) { return; }
        last = q;
        fetch(field.getAttribute("data-suggest") + encodeURIComponent(q), { headers: { "Accept": "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (data) {
            var items = Array.isArray(data) ? data : (data.items || []);
            while (list.firstChild) { list.removeChild(list.firstChild); }
            items.slice(0, 20).forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.code ? item.code + " – " + item.name : item.title;
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 200);
    });
  });
})();
"""#
}
