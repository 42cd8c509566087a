import Vapor
import Views
import Directory
import Storage
import Knowledge

/// The portal's own pages: home, contact, accessibility statement, privacy policy, and the stylesheet.
struct SiteController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.home.pathComponents, use: home)
        routes.get(SiteRoute.contact.pathComponents, use: contact)
        routes.post(SiteRoute.contact.pathComponents, use: ContactFormController().send)
        routes.get(SiteRoute.accessibility.pathComponents, use: accessibility)
        routes.get(SiteRoute.privacy.pathComponents, use: privacy)
        routes.get(SiteRoute.stylesheet.pathComponents, use: stylesheet)
        for (path, source) in Self.scripts {
            routes.get(path.pathComponents) { _ in Self.javascript(source) }
        }
    }

    /// Every script of the site, each at its path.
    static let scripts: [(path: String, source: String)] = [
        (LiveScript.path, LiveScript.source), (WorkstationScript.path, WorkstationScript.source), (MenuScript.path, MenuScript.source),
        (SuggestScript.path, SuggestScript.source), (ChatScript.path, ChatScript.source), (AppScript.path, AppScript.source),
    ]

    func home(req: Request) async throws -> Response {
        let cal = req.services.contactCentre
        let now = Date()
        let open = cal.isOpen(at: now)
        let next = open ? nil : cal.nextOpening(after: now)
        let model = HomePage.Model(isOpenNow: open,
                                   nextOpening: next.map { DateText.dateTime($0, req.language) },
                                   closesAt: cal.closing(after: now).map { DateText.time($0, req.language) },
                                   news: try await NewsText.latest(.national, req), blocks: try await Self.homeBlocks(req))
        return .html(HomePage.render(model, req.pageContext))
    }

    /// The home page's blocks in the order the portal's editors chose (a page no longer published is left out).
    static func homeBlocks(_ req: Request) async throws -> [HomePage.Block] {
        var out: [HomePage.Block] = []
        for key in req.services.menus.current.homeBlocks ?? HomePage.standardBlocks {
            switch key {
            case "hotline": out.append(.hotline)
            case "find_office": out.append(.findOffice)
            case "news": out.append(.news)
            case "who": out.append(.who)
            case "partners": out.append(.partners(try await PartnersController().rows(req, editing: false)))
            default:
                guard key.hasPrefix("page:") else { continue }
                let slug = String(key.dropFirst(5)), store = PageStore(db: req.db)
                guard let source = try await store.find(section: .portal, slug: slug, language: "pl"), source.status == .published,
                      source.draft.audience == .everyone else { continue }
                var shown = source
                if let t = try await store.find(section: .portal, slug: slug, language: req.language.rawValue), t.status == .published { shown = t }
                out.append(.page(title: shown.draft.title, blocks: KBMarkup.parse(shown.draft.body), path: source.path))
            }
        }
        return out
    }

    func contact(req: Request) async throws -> Response {
        .html(ContactPage.render(try await ContactFormController.model(req, form: FormState(values: ["topic": "other"])), req.pageContext))
    }

    func accessibility(req: Request) async throws -> Response {
        .html(AccessibilityStatementPage.render(.init(operatorInfo: req.services.config.operatorInfo), req.pageContext))
    }

    func privacy(req: Request) async throws -> Response {
        .html(PrivacyPolicyPage.render(.fromRegister(operatorInfo: req.services.config.operatorInfo), req.pageContext))
    }

    func stylesheet(req: Request) async throws -> Response {
        let res = Response(status: .ok, body: .init(string: SiteStyle.css + "\n" + SiteStyle.formsCSS + "\n" + SiteStyle.workstationCSS))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        res.headers.cacheControl = .init(isPublic: true, maxAge: 3600)
        return res
    }
}

extension SiteController {
    /// The site's own small scripts (CSP: scripts from this origin only).
    static func javascript(_ source: String) -> Response {
        let res = Response(status: .ok, body: .init(string: source))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        res.headers.cacheControl = .init(isPublic: true, maxAge: 3600)
        return res
    }
}

extension SiteRoute {
    /// The route's path as Vapor path components; `:id` style parameters where the route has them.
    var pathComponents: [PathComponent] {
        switch self {
        case .office: ["offices", ":id"]
        default: path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
        }
    }
}
