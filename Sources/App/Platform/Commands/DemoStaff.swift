import Vapor
import Privacy
import ContactCenter
import Fluent
import Access
import Identity
import Storage
import Clients

/// The demo staff of PUP Białystok (one account of every role) and a national administrator,
/// plus two demo clients with portal accounts (one linked, one waiting for the office) and a
/// company waiting for verification, so every staff page has something to show. Loaded once, in demo mode only; the password is printed in the README.
enum DemoStaff {
    static let office = "pup-2002"
    static let password = "Zielona-Demo-2026"
    static let registeredSince = ISO8601DateFormatter().date(from: "2026-09-01T00:00:00+02:00")!
    static let accounts: [(email: String, name: String, roles: Set<StaffRole>, national: Bool)] = [
        ("konsultant.bialystok@example.org", "Demo: konsultant PUP Białystok", [.consultant], false),
        ("kierownik.bialystok@example.org", "Demo: kierownik zmiany PUP Białystok", [.supervisor], false),
        ("redaktor.bialystok@example.org", "Demo: redaktor PUP Białystok", [.officeEditor], false),
        ("iod.bialystok@example.org", "Demo: inspektor ochrony danych PUP Białystok", [.dataProtectionOfficer], false),
        ("admin.bialystok@example.org", "Demo: administrator PUP Białystok", [.administrator], false),
        ("admin.krajowy@example.org", "Demo: administrator krajowy", [.administrator], true),
        ("redaktor.krajowy@example.org", "Demo: redaktor krajowy", [.officeEditor, .portalEditor], true),
        ("moderator.bialystok@example.org", "Demo: moderator forum PUP Białystok", [.moderator], false),
        ("moderator.krajowy@example.org", "Demo: moderator forum krajowego", [.moderator], true),
        // The centre's own staff, national: the national pool and Fabryka CV.
        ("konsultant.centrum@example.org", "Demo: konsultant Centrum (Fabryka CV)", [.consultant], true),
        ("kierownik.centrum@example.org", "Demo: kierownik zmiany Centrum", [.supervisor], true),
    ]
    static let clients: [(number: String, first: String, last: String, pesel: String, phone: String, email: String)] = [
        ("100000009", "Jan", "Demo-Kowalski", "85031501234", "+48600100200", "jan.demo@example.org"),
        ("200000008", "Olena", "Demo-Shevchenko", "92072104568", "+48600300400", "olena.demo@example.org"),
    ]

    static func load(_ app: Application) async throws {
        let meta = AppMeta(db: app.db)
        guard try await meta.get("demo.staff") != "1" else { return }
        let hash = try app.password.hash(password)
        let pin = try app.password.hash("4826")
        let cipher = app.services.cipher
        let token = Secrets.randomToken()
        try await app.db.transaction { tx in
            for a in accounts where try await AccountStore(db: tx).find(email: a.email) == nil {
                let id = try await StaffStore(db: tx).create(email: a.email, passwordHash: hash, displayName: a.name, roles: a.roles,
                                                             scope: a.national ? .national : .offices([office]), language: "pl")
                // Those who take contacts are on the wallboard from the start, logged out of the queues.
                if !a.roles.isDisjoint(with: [.consultant, .supervisor]) {
                    try await ContactCenterStore(db: tx).save(Agent(id: id.uuidString, offices: a.national ? [] : [office], voivodeships: a.national ? [] : ["20"],
                                                                    nationalPool: a.national, state: .offline, idleSince: Date()))
                }
            }
            for c in clients where try await ClientStore(db: tx).find(number: c.number) == nil {
                let id = try await ClientStore(db: tx).create(NewClient(
                    number: c.number, kind: .seeker, firstName: c.first, lastName: c.last, peselCiphertext: try cipher.encrypt(c.pesel),
                    peselIndex: cipher.blindIndex(c.pesel), pinHash: pin, officeID: office, phones: [c.phone], emails: [c.email]))
                // Jan is registered as unemployed (the free line 9510 lets him through); Olena is not.
                if c.number == clients[0].number { try await ClientStore(db: tx).setUnemployed(id, since: Self.registeredSince) }
            }
            if try await AccountStore(db: tx).find(email: "rekrutacja.demo@example.org") == nil {
                _ = try await EmployerStore(db: tx).registerEmployer(
                    email: "rekrutacja.demo@example.org", passwordHash: hash, language: "pl", contactPerson: "Demo: Anna Rekruterka",
                    company: NewCompany(name: "Demo: Podlaska Piekarnia sp. z o.o.", nip: "5420000009", regon: nil, street: "Lipowa",
                                        houseNumber: "1", postalCode: "15-371", locality: "Białystok", officeID: office),
                    tokenHash: Secrets.sha256Hex(token), tokenExpires: Date().addingTimeInterval(AccountPolicy.verifyLifetime),
                    consent: ConsentGiven(.accountServices, channel: .demo),
                    mail: MailComposer(publicURL: app.services.config.publicURL).verifyEmail(to: "rekrutacja.demo@example.org", token: token,
                                                                                           language: .pl))
            }
            try await seekers(tx, app, hash: hash)
            try await AppMeta(db: tx).set("demo.staff", "1")
        }
    }

    /// A verified demo transport company with published offers, and the bakery's offer waiting
    /// for PUP Białystok.
    static func loadOffers(_ app: Application) async throws {
        let employers = EmployerStore(db: app.db)
        if try await AccountStore(db: app.db).find(email: "transport.demo@example.org") == nil {
            let token = Secrets.randomToken()
            let company = try await employers.registerEmployer(
                email: "transport.demo@example.org", passwordHash: try app.password.hash(password), language: "pl",
                contactPerson: "Demo: Piotr Przewoźnik",
                company: NewCompany(name: "Demo: Podlaski Transport sp. z o.o.", nip: "5421000000", regon: nil, street: "Handlowa",
                                    houseNumber: "6", postalCode: "15-001", locality: "Białystok", officeID: office),
                tokenHash: Secrets.sha256Hex(token), tokenExpires: Date().addingTimeInterval(AccountPolicy.verifyLifetime),
                consent: ConsentGiven(.accountServices, channel: .demo),
                mail: MailComposer(publicURL: app.services.config.publicURL).verifyEmail(to: "transport.demo@example.org", token: token, language: .pl))
            try await employers.verify(company: company, byOffice: office)
        }
        guard let transport = try await AccountStore(db: app.db).find(email: "transport.demo@example.org"),
              let transportCompany = try await employers.companyID(ofAccount: transport.id),
              let bakery = try await AccountStore(db: app.db).find(email: "rekrutacja.demo@example.org"),
              let bakeryCompany = try await employers.companyID(ofAccount: bakery.id) else { return }
        try await DemoOffers.load(app, verifiedCompany: transportCompany, pendingCompany: bakeryCompany, by: transport.id)
        try await DemoCVs.load(app)
        if let editor = try await AccountStore(db: app.db).find(email: "redaktor.bialystok@example.org") {
            try await DemoEvents.load(app, by: editor.id)
        }
    }

    /// Jan's account is linked to his client record; Olena's link request waits for the office.
    static func seekers(_ tx: any Database, _ app: Application, hash: String) async throws {
        let cipher = app.services.cipher
        let composer = MailComposer(publicURL: app.services.config.publicURL)
        for (n, c) in clients.enumerated() where try await AccountStore(db: tx).find(email: c.email) == nil {
            let token = Secrets.randomToken()
            let profile = SeekerProfile(firstName: c.first, lastName: c.last, voivodeshipCode: "20", locality: "Białystok",
                                        postalCode: "15-371", street: "Lipowa", houseNumber: "\(n + 2)", phone: c.phone)
            let account = try await AccountStore(db: tx).registerSeeker(
                email: c.email, passwordHash: hash, language: n == 0 ? "pl" : "uk", profile: profile, tokenHash: Secrets.sha256Hex(token),
                tokenExpires: Date().addingTimeInterval(AccountPolicy.verifyLifetime), consent: ConsentGiven(.accountServices, channel: .demo),
                mail: { _ in composer.verifyEmail(to: c.email, token: token, language: n == 0 ? .pl : .uk) })
            _ = try await AccountStore(db: tx).redeem(tokenHash: Secrets.sha256Hex(token), purpose: .verifyEmail)
            if n == 0, let client = try await ClientStore(db: tx).find(number: c.number) {
                try await ClientStore(db: tx).link(client.id, account: account)
            } else {
                _ = try await ClientLinkStore(db: tx).request(account: account, peselCiphertext: try cipher.encrypt(c.pesel),
                                                              peselIndex: cipher.blindIndex(c.pesel), officeID: office)
            }
        }
    }
}
