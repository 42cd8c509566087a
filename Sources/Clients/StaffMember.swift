import Foundation
import Access

/// A staff member as the application sees it. The TOTP secret arrives and leaves encrypted.
public struct StaffMember: Sendable, Equatable {
    public let id: UUID
    public let email: String
    public let displayName: String
    public let roles: Set<StaffRole>
    public let scope: OfficeScope
    public let active: Bool
    public let totpSecretCiphertext: String?
    public let totpConfirmed: Bool
    public let totpLastStep: Int64?

    public var principal: StaffPrincipal { StaffPrincipal(id: id.uuidString, roles: roles, scope: scope) }
    /// The office named in the audit log for this member's actions: the first of their offices.
    public var primaryOffice: String? {
        if case .offices(let ids) = scope { return ids.sorted().first }
        return nil
    }
    public var sortedOffices: [String] {
        if case .offices(let ids) = scope { return ids.sorted() }
        return []
    }

    public init(id: UUID, email: String, displayName: String, roles: Set<StaffRole>, scope: OfficeScope, active: Bool, totpSecretCiphertext: String? = nil, totpConfirmed: Bool, totpLastStep: Int64? = nil) {
        self.id = id; self.email = email; self.displayName = displayName; self.roles = roles; self.scope = scope; self.active = active; self.totpSecretCiphertext = totpSecretCiphertext; self.totpConfirmed = totpConfirmed; self.totpLastStep = totpLastStep
    }
}
