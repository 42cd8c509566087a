import Vapor
import Views
import Storage
import Clients
import Privacy

/// The office serving a company's address verifies it (checks NIP/REGON in the public
/// registers); offers of verified employers can later skip moderation.
struct EmployerVerificationController: Sendable {
    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        let companies = try await EmployerStore(db: req.db).unverified(offices: member.listedOffices(req))
        var rows: [EmployerVerificationPage.Row] = []
        for c in companies {
            let users = try await EmployerStore(db: req.db).users(company: c.id)
            rows.append(.init(id: c.id.uuidString, name: c.name, nip: c.nip, regon: c.regon, address: c.address, office: c.officeID ?? "",
                              contacts: users.map { "\($0.contactPerson) <\($0.email)>" }, registered: DateText.dateTime(c.createdAt, req.language)))
        }
        let notice = (try? req.query.get(String.self, at: "notice")) == "verified" ? req.catalogue.text("employers.verified") : nil
        return .html(EmployerVerificationPage.render(.init(rows: rows, notice: notice), req.pageContext))
    }

    @Sendable func verify(req: Request, member: StaffMember) async throws -> Response {
        let id = try req.parameters.require("id", as: UUID.self)
        guard let company = try await EmployerStore(db: req.db).find(company: id) else { throw Abort(.notFound) }
        // Verified by the company's own office; a national member acting for it records that office.
        let office = company.officeID ?? member.primaryOffice ?? "national"
        try await req.db.transaction { tx in
            try await EmployerStore(db: tx).verify(company: id, byOffice: office)
            try await OfferStore(db: tx).markCompanyVerified(id)
            try await AuditLog(db: tx, address: req.clientAddress).append(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil,
                                                         clientOfficeID: company.officeID, action: "employer.verified",
                                                         detail: "\(company.name) NIP \(company.nip ?? "-")", reason: "employer_verification"))
        }
        return req.redirect(to: SiteRoute.staffEmployers.with(["notice": "verified"]), redirectType: .normal)
    }
}
