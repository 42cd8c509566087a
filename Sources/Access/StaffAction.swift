/// Everything staff can do that needs a permission. Each staff route names exactly one action,
/// so the matrix below is the one place that says who may do what.
public enum StaffAction: String, CaseIterable, Sendable {
    case readClient = "client.read"
    case updateClient = "client.update"
    case lookUpClientByPESEL = "client.lookup_pesel"
    case verifyClientLink = "client.verify_link"
    case verifyEmployer = "employer.verify"
    case handleInteractions = "desktop.use"
    case viewWallboard = "wallboard.view"
    /// Reports: a consultant's own figures.
    case viewReports = "reports.view"
    /// Reports of every contact of the offices in scope (not only one's own), with their consultants.
    case viewOfficeReports = "reports.view_offices"
    case changeAgentState = "agent.change_state"
    case listenToRecordings = "recording.listen"
    /// Joining a live call muted (listen) or speaking to the consultant only (coach).
    case monitorCalls = "call.monitor"
    case moderateOffers = "offers.moderate"
    case editOfficeContent = "content.edit"
    /// Content of the portal's own section: what `editOfficeContent` is for an office's section.
    case editPortalContent = "portal.edit"
    /// Approving, hiding, editing (with a reason), locking and moving forum posts and threads.
    case moderateForum = "forum.moderate"
    case viewAuditLog = "audit.view"
    case handleDataRequests = "privacy.requests"
    case manageStaff = "staff.manage"
    case editIVR = "ivr.edit"
    case manageOffices = "offices.manage"
    /// Fabryka CV: taking a request and delivering the CV (the centre's national service).
    case workCVFactory = "cvfactory.work"
    /// Handing a Fabryka CV request to a colleague.
    case assignCVFactory = "cvfactory.assign"
    /// Recruitment ordered by an employer and run by the offer's office: finding, screening and
    /// presenting candidates, closing the order.
    case runRecruitment = "recruitment.run"
    /// Opening a foreigner's application draft by its code from the screen pop, with the
    /// caller's consent, to guide them through it.
    case guideForeigners = "foreigners.guide"
    /// The generator's quality figures: which fields are most often wrong or abandoned (counts only).
    case viewForeignerForms = "foreigners.quality"
}

extension StaffAction {
    /// The right the action needs on the portal's own section: its pages, menu and news are
    /// kept by portal editors, not by editors of every office.
    public var onPortal: StaffAction { self == .editOfficeContent ? .editPortalContent : self }
}

/// Whether an action concerns one office's data (then the office must be in the staff
/// member's scope) or the system as a whole.
public enum ActionTarget: Sendable, Equatable {
    case office(String)
    /// Data of several offices at once (a staff member's scope, a list filtered by offices):
    /// every one must be covered.
    case offices(Set<String>)
    /// Something that concerns every office (a national staff account): national scope only.
    case national
    /// The portal's own section: a content action there needs its portal form (`onPortal`),
    /// whatever the member's offices.
    case portal
    /// A list or a blank form of sections: whoever may do the action on some section, an
    /// office's or the portal's (the page shows only those).
    case anySection
    case system
}

public enum AccessDecision: Equatable, Sendable {
    case allowed
    case deniedRole
    case deniedOffice
}

/// The authorization matrix: role × action, and office scoping on top.
public enum AuthorizationMatrix {
    static let grants: [StaffRole: Set<StaffAction>] = [
        .consultant: [.readClient, .updateClient, .lookUpClientByPESEL, .handleInteractions, .viewReports, .workCVFactory, .runRecruitment, .guideForeigners],
        .supervisor: [.readClient, .updateClient, .lookUpClientByPESEL, .verifyClientLink, .verifyEmployer, .handleInteractions,
                      .viewWallboard, .viewReports, .viewOfficeReports, .changeAgentState, .listenToRecordings, .monitorCalls, .moderateOffers, .viewAuditLog,
                      .workCVFactory, .assignCVFactory, .runRecruitment, .guideForeigners, .viewForeignerForms],
        .officeEditor: [.moderateOffers, .editOfficeContent, .verifyEmployer, .viewForeignerForms],
        .moderator: [.moderateForum],
        .portalEditor: [.editPortalContent],
        .dataProtectionOfficer: [.readClient, .lookUpClientByPESEL, .viewAuditLog, .handleDataRequests, .listenToRecordings],
        .administrator: [.manageStaff, .editIVR, .manageOffices, .viewAuditLog],
    ]

    public static func allows(_ role: StaffRole, _ action: StaffAction) -> Bool {
        grants[role]?.contains(action) ?? false
    }

    /// Whether any of `roles` may do `action` somewhere: on an office's section or on the portal's.
    public static func mayEver(_ roles: Set<StaffRole>, _ action: StaffAction) -> Bool {
        roles.contains { allows($0, action) || allows($0, action.onPortal) }
    }

    public static func decide(_ who: StaffPrincipal, _ action: StaffAction, on target: ActionTarget) -> AccessDecision {
        switch target {
        case .portal: return who.roles.contains(where: { allows($0, action.onPortal) }) ? .allowed : .deniedRole
        case .anySection: return mayEver(who.roles, action) ? .allowed : .deniedRole
        default: break
        }
        guard who.roles.contains(where: { allows($0, action) }) else { return .deniedRole }
        switch target {
        case .system, .portal, .anySection: return .allowed
        case .office(let id): return who.scope.covers(id) ? .allowed : .deniedOffice
        case .offices(let ids): return ids.allSatisfy(who.scope.covers) ? .allowed : .deniedOffice
        case .national: return who.scope == .national ? .allowed : .deniedOffice
        }
    }
}
