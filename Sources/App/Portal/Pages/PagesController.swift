import Vapor
import Views
import Content
import Directory
import Storage
import Knowledge

/// The pages editors build: the portal's at `/pages/{slug}`, an office's at
/// `/offices/{id}/pages/{slug}`, each in the reader's language when translated, with its
/// section's menu; a closed zone's only for its people, and links to them only for them.
struct PagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("pages", ":slug", use: portalPage)
        routes.get("offices", ":id", "pages", ":slug", use: officePage)
    }

    func portalPage(req: Request) async throws -> Response {
        try await page(.portal, sectionName: nil, sectionPath: nil, req)
    }

    func officePage(req: Request) async throws -> Response {
        let office = try await NewsController.office(req)
        return try await page(.office(office.id), sectionName: office.name, sectionPath: SiteRoute.office(id: office.id).path, req)
    }

    func page(_ section: ContentSection, sectionName: String?, sectionPath: String?, _ req: Request) async throws -> Response {
        let slug = req.parameters.get("slug") ?? ""
        let store = PageStore(db: req.db)
        let notFound = NotFoundError(detail: req.catalogue.text("pages.not_found"))
        guard PageDraft.isSlug(slug), let source = try await store.find(section: section, slug: slug, language: "pl"), source.status == .published else {
            throw notFound
        }
        let viewer = try await NewsText.viewer(req)
        guard source.draft.audience.admits(viewer) else {
            if viewer == .anonymous { return req.redirect(to: SiteRoute.login.path) }
            throw notFound
        }
        var shown = source
        if req.language != .pl, let translated = try await store.find(section: section, slug: slug, language: req.language.rawValue),
           translated.status == .published {
            shown = translated
        }
        let blocks = KBMarkup.parse(shown.draft.body)
        let model = SitePagePage.Model(
            title: shown.draft.title, blocks: try await Self.visibleLinks(blocks, viewer: viewer, req),
            language: shown.draft.language == req.language.rawValue ? nil : shown.draft.language,
            sectionName: sectionName, sectionPath: sectionPath,
            menu: req.services.menus.links(section, language: req.language.rawValue, viewer: viewer),
            zone: shown.draft.audience == .everyone ? nil : req.catalogue.text("news.zone." + shown.draft.audience.rawValue))
        return .html(SitePagePage.render(model, req.pageContext))
    }

    /// Links to pages of closed zones this reader may not open become plain text.
    static func visibleLinks(_ blocks: [KBMarkup.Block], viewer: ContentViewer, _ req: Request) async throws -> [KBMarkup.Block] {
        let closed = req.services.menus.current.closed
        let hidden = PageLinks.targets(blocks).filter { closed[$0].map { !$0.admits(viewer) } ?? false }
        return PageLinks.hiding(blocks, hidden)
    }
}
