import Vapor
import Clients
import Localization
import Views
import Content
import Storage
import Privacy

/// The deployment's look: its stylesheet of colours and its logo for every page, and the
/// portal editors' form, which refuses colours whose contrast fails WCAG AA, naming the pair.
struct ThemeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.themeStylesheet.pathComponents, use: stylesheet)
        routes.get(SiteRoute.themeLogo.pathComponents, use: logo)
    }

    func stylesheet(req: Request) async throws -> Response {
        let res = Response(status: .ok, body: .init(string: req.services.theme.current.theme.css))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        // The pages link it with the theme's version in the address: a change is a new address.
        res.headers.cacheControl = .init(isPublic: true, maxAge: 86_400)
        return res
    }

    func logo(req: Request) async throws -> Response {
        guard let info = req.services.theme.current.logo, let stored = try await ContentImageStore(db: req.db).data(info.id) else {
            throw NotFoundError(detail: req.catalogue.text("theme.no_logo"))
        }
        return NewsController.picture(stored.format, stored.data, public: true, req)
    }

    // MARK: editors

    struct Input: Content {
        var name: String?; var brand: String?; var brand_dark: String?; var on_brand: String?; var ink: String?; var muted: String?
        var background: String?; var soft: String?; var remove_logo: String?; var reset: String?; var logo: File?

        var colours: SiteTheme.Colours {
            SiteTheme.Colours(brand: brand ?? "", brandDark: brand_dark ?? "", onBrand: on_brand ?? "", ink: ink ?? "", muted: muted ?? "",
                              background: background ?? "", soft: soft ?? "")
        }
    }

    static func values(_ theme: SiteTheme) -> [String: String] {
        var values = ["name": theme.name ?? ""]
        for f in SiteTheme.Colours.fields { values[f] = theme.colours[f] }
        return values
    }

    func page(_ req: Request, _ form: FormState, notice: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let t = req.catalogue
        let current = req.services.theme.current
        let model = StaffThemePage.Model(form: form, colourFields: SiteTheme.Colours.fields.map { ($0, t.text("theme.colour." + $0)) },
                                         logo: current.logo.map { _ in SiteRoute.themeLogo.with(["v": "\(Int((current.updatedAt ?? Date()).timeIntervalSince1970))"]) },
                                         notice: notice)
        return .html(StaffThemePage.render(model, req.pageContext), status: status)
    }

    @Sendable func form(req: Request, member: StaffMember) async throws -> Response {
        try await req.services.theme.reload(req.db)
        let notice = (try? req.query.get(String.self, at: "notice")) == "saved" ? req.catalogue.text("theme.notice_saved") : nil
        return try await page(req, FormState(values: Self.values(req.services.theme.current.theme)), notice: notice)
    }

    /// Each problem as a message naming the field and, for contrast, both colours and the ratio.
    static func messages(_ problems: [SiteTheme.Problem], _ colours: SiteTheme.Colours, _ t: Localization.Catalogue) -> [(field: String, message: String)] {
        problems.map { p in
            switch p {
            case .nameLength:
                return ("name", t.text("form.invalid_field", ["field": t.text("theme.field.name"), "reason": t.text("theme.error.name_length")]))
            case .notAColour(let field):
                return (field, t.text("form.invalid_field", ["field": t.text("theme.colour." + field), "reason": t.text("theme.error.not_colour")]))
            case .contrast(let text, let on, let ratio):
                return (text, t.text("theme.error.contrast", ["text": t.text("theme.colour." + text), "text_colour": colours[text],
                                                              "on": t.text("theme.colour." + on), "on_colour": colours[on],
                                                              "ratio": Contrast.text(ratio), "minimum": "4.5"]))
            }
        }
    }

    @Sendable func save(req: Request, member: StaffMember) async throws -> Response {
        let t = req.catalogue
        let input = try req.content.decode(Input.self)
        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var theme = SiteTheme(name: name.isEmpty ? nil : name, colours: input.colours.normalised())
        var logo: ImageChange = input.remove_logo == "on" ? .remove : .keep
        if input.reset == "on" { theme = .standard; logo = .remove }
        var errors = Self.messages(theme.problems(), theme.colours, t)
        if input.reset != "on", let file = input.logo, file.data.readableBytes > 0 {
            do { logo = .replace(try ContentImage.prepare(Data(file.data.readableBytesView), maxWidth: 400, maxHeight: 96, scaler: req.services.imageScaler)) }
            catch { errors.append(("logo", t.text(error.rawValue, ["max": "5 MB"]))) }
        }
        guard errors.isEmpty else {
            var values = Self.values(theme)
            values["name"] = input.name ?? ""
            for f in SiteTheme.Colours.fields { values[f] = input.colours[f] }
            return try await page(req, FormState(values: values, errors: errors), status: .badRequest)
        }
        try await ThemeStore(db: req.db).save(theme, logo: logo, by: member.id,
                                              audit: AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil,
                                                                action: "content.theme.update", detail: "", reason: ""), address: req.clientAddress)
        try await req.services.theme.reload(req.db)
        return req.redirect(to: SiteRoute.staffTheme.with(["notice": "saved"]), redirectType: .normal)
    }
}
