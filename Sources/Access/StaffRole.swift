/// The roles staff can hold. A staff member may hold several.
public enum StaffRole: String, CaseIterable, Sendable, Codable {
    case consultant
    case supervisor
    case officeEditor = "office_editor"
    /// Moderates the forum of the offices in scope (national scope: the national and topic forums).
    case moderator
    /// Keeps the portal's own section: its pages, main menu, home page, look, partners, national news and polls.
    case portalEditor = "portal_editor"
    case dataProtectionOfficer = "dpo"
    case administrator
}

/// What a staff member is scoped to: some offices, or every office (national staff).
public enum OfficeScope: Sendable, Equatable, Codable {
    case offices(Set<String>)
    case national

    public func covers(_ officeID: String) -> Bool {
        switch self {
        case .national: true
        case .offices(let ids): ids.contains(officeID)
        }
    }
}

public struct StaffPrincipal: Sendable, Equatable {
    public let id: String
    public let roles: Set<StaffRole>
    public let scope: OfficeScope

    public init(id: String, roles: Set<StaffRole>, scope: OfficeScope) {
        self.id = id; self.roles = roles; self.scope = scope
    }
}
