import Vapor
import Views
import Access
import Storage
import Clients
import Content

/// What a staff route acts on, so the guard can find the office(s) it concerns before the
/// handler runs.
enum StaffTarget: Sendable {
    /// Nothing office-specific (a blank form).
    case system
    /// A list page: `?office=` when given (it must be in scope), else the member's own scope.
    case officeQuery
    /// A form that names offices (`offices`) or national scope (`national=on`).
    case formScope
    /// The staff member `:id`.
    case staffMember
    /// The client `:id`.
    case client
    /// The link request `:id`.
    case linkRequest
    /// The company `:id`.
    case company
    /// The offer `:id` (its office is the one of the place of work).
    case offer
    /// The training or job fair `:id` (the office that added it).
    case event
    /// A form naming one office in `office_id`.
    case formOffice
    /// The agent `:id` (a staff member's id): every office they work for.
    case agent
    /// The contact `:id`, which must be offered to or handled by the staff member themselves
    /// (a contact overflowed from another office is theirs to handle, whatever their scope).
    case heldInteraction
    /// A live chat `:id`, held like `heldInteraction`.
    case heldChat
    /// The request or complaint `:id` of the data protection register: its office, or national.
    case privacyRequest
    /// Something for every office at once (the newsletter): national staff only.
    case national
    /// The knowledge-base entry `:id`: its office, or national for a national entry.
    case kbEntry
    /// The news item `:id`: its office, its voivodeship's WUP, or national.
    case newsItem
    /// The page `:id`: its office's section, or the portal's (national).
    case sitePage
    /// The poll `:id`: its section's office, or the portal's (national).
    case poll
    /// A section named in `?section=` (a list) or in the form's `section`: an office's, or the
    /// portal's (its editors); none named: any section the member keeps.
    case sectionQuery, formSection
    /// A list or blank form of the sections the member keeps (the handler shows only those).
    case anySection
    /// The forum post `:id` or thread `:id`: its office's forum, or national for the shared forums.
    case forumPost, forumThread
    /// The editor-built form `:id`: its section's office, or the portal's.
    case siteForm
    /// The contact `:id`, seen by its office's supervisors (whoever handled it).
    case interaction
    /// The recruitment order `:id`: the office of its offer.
    case recruitmentOrder
}

/// One staff route: method, path, the action it needs (nil: any signed-in staff member) and
/// what it acts on. `StaffRoutes.all` lists every one; nothing under /staff is registered
/// any other way.
struct StaffEndpoint: Sendable {
    let method: HTTPMethod
    let path: [PathComponent]
    let action: StaffAction?
    let target: StaffTarget
    let handler: @Sendable (Request, StaffMember) async throws -> Response

    /// `route` with its parameters named as the handler reads them (`.staffClient(":id")`).
    init(_ method: HTTPMethod, _ route: SiteRoute, _ action: StaffAction?, _ target: StaffTarget,
         _ handler: @escaping @Sendable (Request, StaffMember) async throws -> Response) {
        self.method = method; self.path = route.path.pathComponents; self.action = action; self.target = target; self.handler = handler
    }

    var pathString: String { "/" + path.map(\.description).joined(separator: "/") }
}

enum StaffGuard {
    /// Signed-in staff member with the second factor, the role for the action, and the target
    /// in scope — or 403 (a GET without a staff session goes to the login page).
    static func respond(_ endpoint: StaffEndpoint, _ req: Request) async throws -> Response {
        guard let member = try await req.signedInStaff() else {
            // A script without a token gets 401; a browser goes to sign in.
            if req.url.path.hasPrefix(SiteRoute.apiPrefix) { throw Abort(.unauthorized, reason: req.catalogue.text("error.staff_only")) }
            if req.method == .GET { return req.redirect(to: SiteRoute.login.path) }
            throw Abort(.forbidden, reason: req.catalogue.text("error.staff_only"))
        }
        if let action = endpoint.action {
            guard AuthorizationMatrix.mayEver(member.roles, action) else { throw Abort(.forbidden, reason: req.catalogue.text("error.no_permission")) }
            let target = try await resolve(endpoint.target, req)
            guard AuthorizationMatrix.decide(member.principal, action, on: target) == .allowed else {
                throw Abort(.forbidden, reason: req.catalogue.text("error.foreign_office"))
            }
        }
        if req.method == .GET, !req.isAPI, !fragments.contains(req.url.path) {
            req.storage[Request.StaffShellKey.self] = try await shell(member, req)
        }
        return try await endpoint.handler(req, member)
    }

    /// Parts of pages the live script fetches: no shell of their own.
    static let fragments: Set<String> = [SiteRoute.desktopPanel.path, SiteRoute.desktopContacts.path, SiteRoute.wallboardPanel.path]

    /// The workstation shell's bar for this member: the areas their roles open, and for a
    /// consultant their state and the contacts ringing for them.
    static func shell(_ member: StaffMember, _ req: Request) async throws -> StaffShell {
        let t = req.catalogue
        let handles = AuthorizationMatrix.allows(member.roles, .handleInteractions)
        var shell = StaffShell(name: member.displayName,
                               areas: StaffHomeController.areas(for: member)
                                   .map { StaffShell.Area(path: $0.path, label: t.text($0.key)) },
                               handlesContacts: handles)
        if handles { shell.agentPanel = try await DesktopController.bar(req, member) }
        return shell
    }

    static func resolve(_ target: StaffTarget, _ req: Request) async throws -> ActionTarget {
        switch target {
        case .national:
            return .national
        case .system:
            return .system
        case .officeQuery:
            let office = (try? req.query.get(String.self, at: "office")) ?? ""
            return office.isEmpty ? .system : .office(office)
        case .formScope:
            let form = try req.content.decode(StaffScopeForm.self)
            return form.isNational ? .national : .offices(Set(form.officeIDs))
        case .staffMember:
            guard let member = try await StaffStore(db: req.db).find(try req.parameters.require("id", as: UUID.self)) else { throw Abort(.notFound) }
            return scopeTarget(member.scope)
        case .client:
            guard let client = try await ClientStore(db: req.db).find(id: try req.parameters.require("id", as: UUID.self)) else { throw Abort(.notFound) }
            return client.officeID.map(ActionTarget.office) ?? .national
        case .linkRequest:
            guard let link = try await ClientLinkStore(db: req.db).find(try req.parameters.require("id", as: UUID.self)) else { throw Abort(.notFound) }
            return .office(link.officeID)
        case .offer:
            guard let offer = try await OfferStore(db: req.db).find(try req.parameters.require("id", as: UUID.self)) else { throw Abort(.notFound) }
            return .office(offer.officeID)
        case .event:
            guard let event = try await EventStore(db: req.db).find(try req.parameters.require("id", as: UUID.self)) else { throw Abort(.notFound) }
            return .office(event.draft.officeID)
        case .agent:
            let id = try req.parameters.require("id")
            guard let agent = try await ContactCenterStore(db: req.db).agent(id) else { throw Abort(.notFound) }
            return agent.nationalPool ? .national : .offices(agent.offices)
        case .heldInteraction, .heldChat:
            guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
                  let (i, _) = try await ContactCenterStore(db: req.db).find(id) else { throw DesktopError.notFound }
            guard let member = try await req.signedInStaff(), i.agentID == member.id.uuidString else { throw DesktopError.notYours }
            return .system
        case .interaction:
            guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let (i, _) = try await ContactCenterStore(db: req.db).find(id) else {
                throw Abort(.notFound)
            }
            return .office(i.officeID)
        case .kbEntry:
            guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let e = try await KnowledgeBaseStore(db: req.db).find(id) else {
                throw Abort(.notFound)
            }
            return e.draft.officeID.map(ActionTarget.office) ?? .national
        case .newsItem:
            guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let item = try await NewsStore(db: req.db).find(id) else {
                throw Abort(.notFound)
            }
            return NewsAdminController.target(item.draft.scope)
        case .sitePage:
            guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let page = try await PageStore(db: req.db).find(id) else {
                throw Abort(.notFound)
            }
            return PagesAdminController.target(page.section)
        case .poll:
            guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let poll = try await PollStore(db: req.db).find(id) else {
                throw Abort(.notFound)
            }
            return PagesAdminController.target(poll.draft.section)
        case .sectionQuery, .formSection:
            let key = target == .sectionQuery ? (try? req.query.get(String.self, at: "section")) : (try? req.content.get(String.self, at: "section"))
            return ContentSection(key: key ?? "").map(PagesAdminController.target) ?? .anySection
        case .anySection:
            return .anySection
        case .siteForm:
            guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let form = try await SiteFormStore(db: req.db).find(id) else {
                throw Abort(.notFound)
            }
            return PagesAdminController.target(form.draft.section)
        case .forumPost, .forumThread:
            let store = ForumStore(db: req.db)
            guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
            let threadID = target == .forumThread ? id : try await store.post(id)?.threadID
            guard let threadID, let thread = try await store.thread(threadID) else { throw Abort(.notFound) }
            return ForumModerationController.target(thread.category)
        case .formOffice:
            let office = (try? req.content.get(String.self, at: "office_id"))?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            return office.isEmpty ? .system : .office(office)
        case .privacyRequest:
            guard let r = try await DataRequestStore(db: req.db).find(try req.parameters.require("id", as: UUID.self)) else { throw Abort(.notFound) }
            return r.officeID.map(ActionTarget.office) ?? .national
        case .recruitmentOrder:
            guard let o = try await RecruitmentStore(db: req.db).order(try req.parameters.require("id", as: UUID.self)) else { throw Abort(.notFound) }
            return .office(o.officeID)
        case .company:
            guard let company = try await EmployerStore(db: req.db).find(company: try req.parameters.require("id", as: UUID.self)) else { throw Abort(.notFound) }
            return company.officeID.map(ActionTarget.office) ?? .national
        }
    }

    static func scopeTarget(_ scope: OfficeScope) -> ActionTarget {
        switch scope {
        case .national: .national
        case .offices(let ids): .offices(ids)
        }
    }
}

/// The scope fields of the staff form, read by the guard and by the handler.
struct StaffScopeForm: Content {
    var offices: String?
    var national: String?
    var isNational: Bool { national == "on" }
    /// Office ids, comma- or space-separated as typed.
    var officeIDs: [String] {
        (offices ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map { String($0).lowercased() }
    }
}

extension AuthorizationMatrix {
    static func allows(_ roles: Set<StaffRole>, _ action: StaffAction) -> Bool { roles.contains { allows($0, action) } }
}

extension StaffMember {
    /// The offices a list shows: the `?office=` asked for (the guard checked it is in scope),
    /// else every office of the member's scope (nil: every office).
    func listedOffices(_ req: Request) -> Set<String>? {
        if let office = try? req.query.get(String.self, at: "office"), !office.isEmpty { return [office] }
        if case .offices(let ids) = scope { return ids }
        return nil
    }

    /// The listed offices narrowed to `voivodeship` when one is asked for (a field error when
    /// there is no such voivodeship); nil: every office, empty: none of the member's is there.
    func listedOffices(_ req: Request, voivodeship: String) async throws -> Set<String>? {
        let offices = listedOffices(req)
        guard !voivodeship.isEmpty else { return offices }
        guard try await req.directory.voivodeships().contains(where: { $0.code == voivodeship }) else {
            throw FieldValidationError(field: "voivodeship", reason: req.catalogue.text("wallboard.voivodeship_unknown"))
        }
        let inVoivodeship = Set(try await req.directory.offices(matching: nil, voivodeship: voivodeship).map(\.id))
        return offices.map { $0.intersection(inVoivodeship) } ?? inVoivodeship
    }
}
