import Vapor
import Clients
import Localization
import Views
import Content
import Storage
import Privacy

/// "They work with us": the public page and logos, and the portal editors' list and form.
struct PartnersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.partners.pathComponents, use: page)
        routes.get("partners", ":id", "logo", use: logo)
    }

    func rows(_ req: Request, editing: Bool) async throws -> [PartnersPage.Row] {
        try await PartnerStore(db: req.db).all().map { p in
            let id = p.id.uuidString.lowercased()
            return PartnersPage.Row(name: p.draft.name, url: p.draft.url, description: p.draft.description,
                                    logo: p.logo.map { NewsCard.Picture(src: SiteRoute.partnerLogo(id).with(["v": $0.id.uuidString.lowercased().prefix(8).description]),
                                                                        alt: "", width: $0.width, height: $0.height) },
                                    editPath: editing ? SiteRoute.staffPartner(id).path + "#partner-form" : nil)
        }
    }

    func page(req: Request) async throws -> Response {
        .html(PartnersPage.render(try await rows(req, editing: false), req.pageContext))
    }

    func logo(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let p = try await PartnerStore(db: req.db).find(id),
              let info = p.logo, let stored = try await ContentImageStore(db: req.db).data(info.id) else {
            throw NotFoundError(detail: req.catalogue.text("partners.not_found"))
        }
        return NewsController.picture(stored.format, stored.data, public: true, req)
    }

    // MARK: editors

    struct Input: Content {
        var name: String?; var url: String?; var description: String?; var position: String?; var remove_logo: String?; var logo: File?
        var values: [String: String] { ["name": name ?? "", "url": url ?? "", "description": description ?? "", "position": position ?? ""] }
    }

    func staffPage(_ req: Request, editing: Partner?, form: FormState, notice: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let model = StaffPartnersPage.Model(rows: try await rows(req, editing: true), form: form, editingID: editing?.id.uuidString.lowercased(), notice: notice)
        return .html(StaffPartnersPage.render(model, req.pageContext), status: status)
    }

    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        let notice = (try? req.query.get(String.self, at: "notice")).flatMap { ["saved", "deleted"].contains($0) ? req.catalogue.text("partners.notice_" + $0) : nil }
        return try await staffPage(req, editing: nil, form: FormState(values: ["position": "0"]), notice: notice)
    }

    func partner(_ req: Request) async throws -> Partner {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let p = try await PartnerStore(db: req.db).find(id) else { throw Abort(.notFound) }
        return p
    }

    @Sendable func editForm(req: Request, member: StaffMember) async throws -> Response {
        let p = try await partner(req)
        return try await staffPage(req, editing: p, form: FormState(values: ["name": p.draft.name, "url": p.draft.url, "description": p.draft.description,
                                                                             "position": "\(p.draft.position)"]))
    }

    @Sendable func create(req: Request, member: StaffMember) async throws -> Response { try await save(req, member, editing: nil) }

    @Sendable func update(req: Request, member: StaffMember) async throws -> Response { try await save(req, member, editing: try await partner(req)) }

    func save(_ req: Request, _ member: StaffMember, editing: Partner?) async throws -> Response {
        let t = req.catalogue
        let input = try req.content.decode(Input.self)
        let positionText = (input.position ?? "").trimmingCharacters(in: .whitespaces)
        let draft = PartnerDraft(name: (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines), url: (input.url ?? "").trimmingCharacters(in: .whitespaces),
                                 description: (input.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                 position: positionText.isEmpty ? 0 : Int(positionText) ?? -1)
        var errors = draft.problems().map { ($0.field, t.text("form.invalid_field", ["field": t.text("partners.field." + $0.field), "reason": t.text($0.key, $0.arguments)])) }
        var logo: ImageChange = input.remove_logo == "on" ? .remove : .keep
        if let file = input.logo, file.data.readableBytes > 0 {
            do { logo = .replace(try ContentImage.prepare(Data(file.data.readableBytesView), maxWidth: 400, maxHeight: 200, scaler: req.services.imageScaler)) }
            catch { errors.append(("logo", t.text(error.rawValue, ["max": "5 MB"]))) }
        }
        guard errors.isEmpty else { return try await staffPage(req, editing: editing, form: FormState(values: input.values, errors: errors), status: .badRequest) }
        try await PartnerStore(db: req.db).save(editing?.id, draft, logo: logo, by: member.id,
                                                audit: AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil,
                                                                  action: editing == nil ? "content.partner.create" : "content.partner.update", detail: "", reason: ""),
                                                address: req.clientAddress)
        return req.redirect(to: SiteRoute.staffPartners.with(["notice": "saved"]), redirectType: .normal)
    }

    @Sendable func delete(req: Request, member: StaffMember) async throws -> Response {
        let p = try await partner(req)
        try await PartnerStore(db: req.db).delete(p.id, audit: AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil,
                                                                         action: "content.partner.delete", detail: "", reason: ""), address: req.clientAddress)
        return req.redirect(to: SiteRoute.staffPartners.with(["notice": "deleted"]), redirectType: .normal)
    }
}
