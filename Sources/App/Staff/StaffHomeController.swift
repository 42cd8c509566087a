import Vapor
import Views
import Access
import Storage
import Clients

/// The staff start page (what this member may open) and their own second-factor settings.
struct StaffHomeController: Sendable {
    /// The areas of the staff pages, each shown to those whose roles allow its action.
    static let areas: [(path: String, key: String, action: StaffAction)] = [
        (SiteRoute.desktop.path, "staff.area_desktop", .handleInteractions),
        (SiteRoute.wallboard.path, "staff.area_wallboard", .viewWallboard),
        (SiteRoute.staffReports.path, "staff.area_reports", .viewReports),
        (SiteRoute.staffPrivacy.path, "staff.area_privacy", .handleDataRequests),
        (SiteRoute.staffClients.path, "staff.area_clients", .readClient),
        (SiteRoute.staffClientLinks.path, "staff.area_links", .verifyClientLink),
        (SiteRoute.staffCVFactory.path, "staff.area_cv_factory", .workCVFactory),
        (SiteRoute.staffRecruitments.path, "staff.area_recruitment", .runRecruitment),
        (SiteRoute.staffEmployers.path, "staff.area_employers", .verifyEmployer),
        (SiteRoute.staffOffers.path, "staff.area_offers", .moderateOffers),
        (SiteRoute.staffContent.path, "staff.area_content", .editOfficeContent),
        (SiteRoute.staffEvents.path, "staff.area_events", .editOfficeContent),
        (SiteRoute.staffKB.path, "staff.area_kb", .editOfficeContent),
        (SiteRoute.staffNewsletter.path, "staff.area_newsletter", .editOfficeContent),
        (SiteRoute.staffForum.path, "staff.area_forum", .moderateForum),
        (SiteRoute.staffInteractions.path, "staff.area_review", .listenToRecordings),
        (SiteRoute.staffIVR.path, "staff.area_ivr", .editIVR),
        (SiteRoute.staffAudit.path, "staff.area_audit", .viewAuditLog),
        (SiteRoute.staffMembers.path, "staff.area_staff", .manageStaff),
    ]

    /// Areas that are national services: open only to staff of national scope.
    static let nationalAreas: Set<String> = [SiteRoute.staffCVFactory.path]

    /// The areas a member's roles and scope open.
    static func areas(for member: StaffMember) -> [(path: String, key: String, action: StaffAction)] {
        // A page of whatever sections the member keeps opens to the portal's editors too.
        let sectionLists = Set(StaffRoutes.all.filter { $0.method == .GET && $0.target == .anySection }.map(\.pathString))
        return areas.filter { area in
            let roleOpens = sectionLists.contains(area.path) ? AuthorizationMatrix.mayEver(member.roles, area.action)
                : AuthorizationMatrix.allows(member.roles, area.action)
            return roleOpens && (member.scope == .national || !nationalAreas.contains(area.path))
        }
    }

    @Sendable func home(req: Request, member: StaffMember) async throws -> Response {
        let t = req.catalogue
        let links = Self.areas(for: member).map { (path: $0.path, label: t.text($0.key)) }
        var model = StaffHomePage.Model(name: member.displayName, email: member.email,
                                        roles: member.roles.map { t.text("role." + $0.rawValue) }.sorted(),
                                        offices: try await officeNames(req, member),
                                        links: links)
        if AuthorizationMatrix.allows(member.roles, .handleDataRequests) {
            model.dueRequests = try await DataRequestsController.due(req, member, within: StaffHomePage.dueWithinDays)
        }
        return .html(StaffHomePage.render(model, req.pageContext))
    }

    func officeNames(_ req: Request, _ member: StaffMember) async throws -> [String] {
        switch member.scope {
        case .national: return [req.catalogue.text("staff.national_scope")]
        case .offices(let ids):
            var names: [String] = []
            for id in ids.sorted() { names.append(try await req.directory.office(id: id)?.name ?? id) }
            return names
        }
    }

    @Sendable func security(req: Request, member: StaffMember) async throws -> Response {
        let remaining = try await StaffStore(db: req.db).remainingRecoveryCodes(member.id)
        return .html(StaffSecurityPage.render(try await withTokens(.init(remainingCodes: remaining, form: FormState(), newCodes: nil), req, member),
                                              req.pageContext))
    }

    func withTokens(_ model: StaffSecurityPage.Model, _ req: Request, _ member: StaffMember, form: FormState = FormState(),
                    newToken: String? = nil) async throws -> StaffSecurityPage.Model {
        var m = model
        let lang = req.language
        m.tokens = try await StaffTokenStore(db: req.db).list(account: member.id).map {
            .init(id: $0.id.uuidString, name: $0.name, created: DateText.date($0.createdAt, lang), expires: DateText.date($0.expiresAt, lang),
                  lastUsed: $0.lastUsedAt.map { DateText.dateTime($0, lang) })
        }
        m.tokenForm = form
        m.newToken = newToken
        return m
    }

    /// Tokens live 90 days; a person keeps a few at most.
    static let tokenLifetime: TimeInterval = 90 * 86_400

    struct TokenInput: Content { var token_name: String? }

    @Sendable func createToken(req: Request, member: StaffMember) async throws -> Response {
        let t = req.catalogue
        let name = (try req.content.decode(TokenInput.self).token_name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let store = StaffTokenStore(db: req.db)
        let remaining = try await StaffStore(db: req.db).remainingRecoveryCodes(member.id)
        let base = StaffSecurityPage.Model(remainingCodes: remaining, form: FormState(), newCodes: nil)
        var problem: String? = nil
        if name.isEmpty || name.count > 60 { problem = t.text("tokens.name_invalid") }
        else if try await store.list(account: member.id).count >= StaffTokenStore.limit {
            problem = t.text("tokens.too_many", ["max": "\(StaffTokenStore.limit)"])
        }
        if let problem {
            let form = FormState(values: ["token_name": name], errors: [("token_name", problem)])
            return .html(StaffSecurityPage.render(try await withTokens(base, req, member, form: form), req.pageContext), status: .badRequest)
        }
        let token = "zl_" + Secrets.randomToken()
        _ = try await store.create(account: member.id, name: name, hash: Secrets.sha256Hex(token), expiresAt: Date().addingTimeInterval(Self.tokenLifetime))
        let res = Response.html(StaffSecurityPage.render(try await withTokens(base, req, member, newToken: token), req.pageContext))
        res.headers.cacheControl = .init(noStore: true)
        return res
    }

    @Sendable func revokeToken(req: Request, member: StaffMember) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              try await StaffTokenStore(db: req.db).revoke(id, account: member.id) else { throw Abort(.notFound) }
        return req.redirect(to: SiteRoute.staffSecurity.path, redirectType: .normal)
    }

    struct CodeInput: Content { var code: String? }

    /// New recovery codes need a current authenticator code: a session left open is not enough.
    @Sendable func newRecoveryCodes(req: Request, member: StaffMember) async throws -> Response {
        let code = (try req.content.decode(CodeInput.self).code ?? "").filter { !$0.isWhitespace }
        let store = StaffStore(db: req.db)
        switch try await TwoFactor.check(req, member, code: code, allowRecoveryCode: false) {
        case .accepted:
            let codes = RecoveryCodes.generate()
            try await store.replaceRecoveryCodes(member.id, hashes: codes.map(RecoveryCodes.hash))
            return .html(StaffSecurityPage.render(try await withTokens(.init(remainingCodes: codes.count, form: FormState(), newCodes: codes), req, member),
                                                  req.pageContext))
        case .rejected(let message, let status):
            // Signed in already: a wrong code here is bad input, not a failed sign-in.
            let remaining = try await store.remainingRecoveryCodes(member.id)
            return .html(StaffSecurityPage.render(try await withTokens(.init(remainingCodes: remaining, form: FormState(errors: [("code", message)]),
                                                                             newCodes: nil), req, member),
                                                  req.pageContext), status: status == .unauthorized ? .badRequest : status)
        }
    }
}
