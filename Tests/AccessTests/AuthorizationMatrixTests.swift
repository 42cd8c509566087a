import Testing
@testable import Access

@Suite struct AuthorizationMatrixTests {
    static let own = "pup-2002", foreign = "pup-2001"

    @Test(arguments: StaffRole.allCases)
    func everyActionIsDecidedForEveryRoleInItsOwnAndAForeignOffice(role: StaffRole) {
        let local = StaffPrincipal(id: "s", roles: [role], scope: .offices([Self.own]))
        for action in StaffAction.allCases {
            let expected = AuthorizationMatrix.allows(role, action)
            #expect((AuthorizationMatrix.decide(local, action, on: .office(Self.own)) == .allowed) == expected, "\(role) \(action)")
            let abroad = AuthorizationMatrix.decide(local, action, on: .office(Self.foreign))
            #expect(abroad == (expected ? .deniedOffice : .deniedRole), "\(role) \(action) in a foreign office")
        }
    }

    @Test func nationalStaffReachEveryOffice() {
        let national = StaffPrincipal(id: "n", roles: [.consultant], scope: .national)
        #expect(AuthorizationMatrix.decide(national, .readClient, on: .office("pup-3064")) == .allowed)
        #expect(AuthorizationMatrix.decide(national, .manageStaff, on: .system) == .deniedRole)
    }

    @Test func theMatrixSaysWhatThePeopleNeed() {
        #expect(AuthorizationMatrix.allows(.consultant, .handleInteractions))
        #expect(!AuthorizationMatrix.allows(.consultant, .viewAuditLog))
        #expect(!AuthorizationMatrix.allows(.consultant, .listenToRecordings))
        #expect(AuthorizationMatrix.allows(.supervisor, .viewWallboard))
        #expect(AuthorizationMatrix.allows(.dataProtectionOfficer, .viewAuditLog))
        #expect(!AuthorizationMatrix.allows(.officeEditor, .readClient), "editors never see client data")
        #expect(AuthorizationMatrix.allows(.administrator, .manageStaff))
        #expect(!AuthorizationMatrix.allows(.administrator, .readClient), "administering the system is not reading clients")
        for action in StaffAction.allCases {
            #expect(StaffRole.allCases.contains { AuthorizationMatrix.allows($0, action) }, "\(action) is reachable by some role")
        }
    }

    @Test func severalRolesCombine() {
        let both = StaffPrincipal(id: "b", roles: [.officeEditor, .consultant], scope: .offices([Self.own]))
        #expect(AuthorizationMatrix.decide(both, .readClient, on: .office(Self.own)) == .allowed)
        #expect(AuthorizationMatrix.decide(both, .editOfficeContent, on: .office(Self.own)) == .allowed)
        #expect(AuthorizationMatrix.decide(both, .viewWallboard, on: .office(Self.own)) == .deniedRole)
    }
}

@Suite struct ScopeTargetTests {
    let admin = StaffPrincipal(id: "a", roles: [.administrator], scope: .offices(["pup-2002", "pup-2001"]))
    let nationalAdmin = StaffPrincipal(id: "n", roles: [.administrator], scope: .national)

    @Test func severalOfficesMustAllBeCovered() {
        #expect(AuthorizationMatrix.decide(admin, .manageStaff, on: .offices(["pup-2002", "pup-2001"])) == .allowed)
        #expect(AuthorizationMatrix.decide(admin, .manageStaff, on: .offices(["pup-2002", "pup-1465"])) == .deniedOffice)
        #expect(AuthorizationMatrix.decide(admin, .manageStaff, on: .offices([])) == .allowed)
    }

    @Test func onlyNationalStaffActOnNationalAccounts() {
        #expect(AuthorizationMatrix.decide(admin, .manageStaff, on: .national) == .deniedOffice)
        #expect(AuthorizationMatrix.decide(nationalAdmin, .manageStaff, on: .national) == .allowed)
        #expect(AuthorizationMatrix.decide(nationalAdmin, .readClient, on: .national) == .deniedRole)
    }
}
