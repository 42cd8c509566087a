import Vapor
import NIOConcurrencyHelpers
import Views
import Portal
import Storage
import Identity
import TextSearch
import Localization
import Knowledge

/// The public knowledge base: `/faq` (search, category, the visitor's office by postal code),
/// `/faq/{id}`, "was this helpful", and the API `GET /api/v1/kb` and `/api/v1/kb/suggest`.
struct KnowledgeBaseController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("faq", use: list)
        routes.get("faq", ":id", use: entry)
        routes.post("faq", ":id", "helpful", use: helpful)
        routes.get("api", "v1", "kb", use: api)
        routes.get("api", "v1", "kb", "suggest", use: suggest)
    }

    struct Query: Content {
        var q: String?; var category: String?; var postal_code: String?; var office: String?; var lang: String?; var page: String?; var per_page: String?

        var values: [String: String] { ["q": q ?? "", "category": category ?? "", "postal_code": postal_code ?? ""] }

        /// The criteria, the office found from the postal code (for the page), and field errors.
        func criteria(_ req: Request) async throws -> (KBCriteria, String?, [(field: String, message: String)]) {
            var check = QueryChecker(req, labelPrefix: "faq.search.")
            let language = check.present(lang).flatMap(Language.init(rawValue:))?.rawValue ?? req.language.rawValue
            var c = KBCriteria(query: check.text(q, analyzer: req.services.analyzer), language: language)
            if let v = check.present(category) {
                if let cat = KBCategory(rawValue: v) { c.category = cat } else { check.invalid("category", "search.error.choice") }
            }
            var officeName: String? = nil
            if let o = check.present(office) {
                if let found = try await req.directory.office(id: o) { c.office = found.id; officeName = found.name } else { check.invalid("office", "search.error.choice") }
            } else if let code = check.present(postal_code) {
                if let pc = try? PostalCode(code), let location = try? await req.locator.locate(pc.value) {
                    c.office = location.office.id; officeName = location.office.name
                } else {
                    check.invalid("postal_code", "faq.error.postal_code")
                }
            }
            c.page = check.page(page) ?? c.page
            c.perPage = check.perPage(per_page) ?? c.perPage
            return (c, officeName, check.errors)
        }
    }

    static func summary(_ body: String) -> String {
        let text = KBMarkup.plainText(body).split(separator: "\n").joined(separator: " ")
        return text.count <= 220 ? text : KBMarkup.trimmed(text.prefix(217)) + "…"
    }

    /// An entry's summary, made once per version: an entry is read far more often than edited.
    static func summary(_ e: StoredKB) -> String {
        let key = "\(e.id.uuidString)/\(e.version)"
        if let known = summaries.withLockedValue({ $0[key] }) { return known }
        let made = summary(e.draft.body)
        summaries.withLockedValue { cache in
            if cache.count > 20_000 { cache.removeAll() }
            cache[key] = made
        }
        return made
    }
    static let summaries = NIOLockedValueBox([String: String]())

    func scope(_ e: StoredKB, _ req: Request) async throws -> String {
        guard let id = e.draft.officeID else { return req.catalogue.text("faq.national") }
        return try await req.directory.office(id: id)?.name ?? id
    }

    /// Searches that found nothing are kept for editors ("missing answers").
    func search(_ c: KBCriteria, _ req: Request) async throws -> (total: Int, items: [StoredKB]) {
        let result = try await KnowledgeBaseStore(db: req.db).search(c, analyzer: req.services.analyzer)
        if result.total == 0, c.page == 1, let q = try? req.query.get(String.self, at: "q") {
            try await KnowledgeBaseStore(db: req.db).recordMiss(q, language: c.language)
        }
        return result
    }

    func list(req: Request) async throws -> Response {
        let input = try req.query.decode(Query.self)
        var (criteria, office, errors) = try await input.criteria(req)
        criteria.language = req.language.rawValue
        let result = errors.isEmpty ? try await search(criteria, req) : nil
        var items: [FAQListPage.Item] = []
        for e in result?.items ?? [] {
            items.append(.init(id: e.id.uuidString.lowercased(), title: e.draft.title, summary: Self.summary(e),
                               category: req.catalogue.text("kb.category." + e.draft.category.rawValue), scope: try await scope(e, req)))
        }
        let model = FAQListPage.Model(form: FormState(values: input.values, errors: errors),
                                      categories: KBCategory.allCases.map { ($0.rawValue, req.catalogue.text("kb.category." + $0.rawValue)) },
                                      office: office, total: result?.total, page: criteria.page, perPage: criteria.perPage, items: items)
        return .html(FAQListPage.render(model, req.pageContext), status: errors.isEmpty ? .ok : .badRequest)
    }

    /// A published, current entry; anything else is "not found" to the public.
    func published(_ req: Request) async throws -> StoredKB {
        guard let id = req.parameters.get("id", as: UUID.self), let e = try await KnowledgeBaseStore(db: req.db).find(id),
              KBAudience.isPublic(e, now: Date()) else {
            throw NotFoundError(detail: req.catalogue.text("faq.not_found"))
        }
        return e
    }

    static let votedKey = "kb_voted"

    func entry(req: Request) async throws -> Response {
        let e = try await published(req)
        let store = KnowledgeBaseStore(db: req.db)
        // The same answer in other languages: the Polish source and its translations anyone may read.
        let sourceID = e.sourceID ?? e.id
        var family = try await store.translations(of: sourceID)
        if e.sourceID != nil, let source = try await store.find(sourceID) { family.append(source) }
        let now = Date()
        let languages = family.filter { $0.id != e.id && KBAudience.isPublic($0, now: now) }
            .compactMap { other in Language(rawValue: other.draft.language).map { (label: $0.nativeName, path: SiteRoute.faqEntry(other.id.uuidString.lowercased()).with(["lang": $0.rawValue])) } }
        let outdated = try await e.sourceID.asyncMap { try await store.find($0).map { $0.version > (e.sourceVersion ?? 0) } ?? false } ?? false
        let voted = (req.hasSession ? req.session.data[Self.votedKey] : nil)?.split(separator: ",").contains(Substring(e.id.uuidString)) ?? false
        let model = FAQEntryPage.Model(id: e.id.uuidString.lowercased(), title: e.draft.title, blocks: KBMarkup.parse(e.draft.body),
                                       category: req.catalogue.text("kb.category." + e.draft.category.rawValue), scope: try await scope(e, req),
                                       legalBasis: e.draft.legalBasis.isEmpty ? nil : e.draft.legalBasis,
                                       updated: DateText.date(e.updatedAt, req.language), needsReview: e.draft.needsReview, outdated: outdated ?? false,
                                       languages: languages, voted: voted)
        return .html(FAQEntryPage.render(model, req.pageContext))
    }

    struct HelpfulInput: Content { var helpful: String? }

    /// One vote per entry per browser session.
    func helpful(req: Request) async throws -> Response {
        let e = try await published(req)
        guard let answer = try req.content.decode(HelpfulInput.self).helpful, ["yes", "no"].contains(answer) else {
            throw FieldValidationError(field: "helpful", reason: req.catalogue.text("search.error.choice"))
        }
        var voted = (req.session.data[Self.votedKey] ?? "").split(separator: ",").map(String.init)
        if !voted.contains(e.id.uuidString) {
            try await KnowledgeBaseStore(db: req.db).rate(e.id, helpful: answer == "yes")
            voted = Array((voted + [e.id.uuidString]).suffix(200))
            req.session.data[Self.votedKey] = voted.joined(separator: ",")
        }
        return req.redirect(to: SiteRoute.faqEntry(e.id.uuidString.lowercased()).path, redirectType: .normal)
    }

    struct EntryJSON: Content {
        let id: UUID
        let url: String
        let kind: String
        let category: String
        let language: String
        let office_id: String?
        let title: String
        let summary: String
        let body: String
        let tags: [String]
        let legal_basis: String?
        let translation_of: UUID?
        let updated_at: Date

        init(_ e: StoredKB, publicURL: String) {
            id = e.id; url = publicURL + SiteRoute.faqEntry(e.id.uuidString.lowercased()).path; kind = e.draft.kind.rawValue; category = e.draft.category.rawValue
            language = e.draft.language; office_id = e.draft.officeID; title = e.draft.title
            summary = KnowledgeBaseController.summary(e); body = e.draft.body; tags = e.draft.tags
            legal_basis = e.draft.legalBasis.isEmpty ? nil : e.draft.legalBasis; translation_of = e.sourceID; updated_at = e.updatedAt
        }
    }

    struct ListJSON: Content { let total: Int; let page: Int; let per_page: Int; let items: [EntryJSON] }

    /// `GET /api/v1/kb?q=&lang=&category=&office=|postal_code=&page=&per_page=`: published entries
    /// in the language (default: the visitor's), national plus the office's.
    func api(req: Request) async throws -> ListJSON {
        let (criteria, _, errors) = try await req.query.decode(Query.self).criteria(req)
        try Problem.check(errors, req)
        let result = try await search(criteria, req)
        let url = req.services.config.publicURL
        return ListJSON(total: result.total, page: criteria.page, per_page: criteria.perPage, items: result.items.map { EntryJSON($0, publicURL: url) })
    }

    struct SuggestJSON: Content {
        struct Item: Content { let id: UUID; let title: String }
        let items: [Item]
    }

    /// Type-ahead: the titles of the best few matches for what was typed so far.
    func suggest(req: Request) async throws -> SuggestJSON {
        let text = (try? req.query.get(String.self, at: "q")) ?? ""
        let language = (try? req.query.get(String.self, at: "lang")).flatMap(Language.init(rawValue:))?.rawValue ?? req.language.rawValue
        guard let q = try? req.services.analyzer.query(text, prefix: true) else { return SuggestJSON(items: []) }
        let result = try await KnowledgeBaseStore(db: req.db).search(KBCriteria(query: q, language: language, perPage: 8), analyzer: req.services.analyzer)
        return SuggestJSON(items: result.items.map { .init(id: $0.id, title: $0.draft.title) })
    }
}
