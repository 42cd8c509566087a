import Vapor
import Views
import Access
import Identity
import Storage

/// `zielona staff add --email … --name … --roles administrator --offices pup-2002 | --national`:
/// the first administrator of a fresh installation (later ones are added in the browser). The
/// new member gets a welcome e-mail with a link to set their password; the link is printed too.
struct StaffCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "add, or token (a personal API token of an existing staff member, for scripts)")
        var action: String
        @Option(name: "email", help: "The staff member's e-mail (their login).")
        var email: String?
        @Option(name: "name", help: "Their name as shown to colleagues.")
        var name: String?
        @Option(name: "roles", help: "Comma-separated: consultant, supervisor, office_editor, dpo, administrator.")
        var roles: String?
        @Option(name: "offices", help: "Comma-separated office ids, e.g. pup-2002.")
        var offices: String?
        @Flag(name: "national", help: "Scoped to every office instead of --offices.")
        var national: Bool
    }

    var help: String {
        "Add a staff account: add --email E --name N --roles R[,R] (--offices ID[,ID] | --national). "
            + "A personal API token for reading the API: token --email E --name LABEL (valid a day; listed and revocable at /staff/security)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard ["add", "token"].contains(signature.action) else { throw ConsoleCommandError(message: "unknown action \(signature.action); use add or token") }
        guard let rawEmail = signature.email, let email = try? EmailAddress(rawEmail) else {
            throw ConsoleCommandError(message: "--email must be a valid e-mail address")
        }
        let name = (signature.name ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw ConsoleCommandError(message: "--name is required") }
        if signature.action == "token" {
            try await DatabasePreparation.prepare(app, demo: false)
            guard let account = try await AccountStore(db: app.db).find(email: email.value), account.kind == .staff else {
                throw ConsoleCommandError(message: "no staff account \(email.value)")
            }
            let token = Secrets.randomToken()
            _ = try await StaffTokenStore(db: app.db).create(account: account.id, name: name, hash: Secrets.sha256Hex(token),
                                                             expiresAt: Date().addingTimeInterval(86_400))
            // The token alone on the last line, for scripts.
            context.console.print(token)
            return
        }
        let roleNames = (signature.roles ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let roles = Set(roleNames.compactMap(StaffRole.init(rawValue:)))
        guard !roles.isEmpty, roles.count == roleNames.count else {
            throw ConsoleCommandError(message: "--roles must name one or more of: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try await DatabasePreparation.prepare(app, demo: false)
        let scope: OfficeScope
        if signature.national {
            scope = .national
        } else {
            let ids = StaffScopeForm(offices: signature.offices, national: nil).officeIDs
            guard !ids.isEmpty else { throw ConsoleCommandError(message: "give --offices or --national") }
            for id in ids where try await FluentDirectoryStore(db: app.db).office(id: id) == nil {
                throw ConsoleCommandError(message: "unknown office \(id)")
            }
            scope = .offices(Set(ids))
        }
        let token = Secrets.randomToken()
        let unusable = try app.password.hash(Secrets.randomToken())
        let config = app.services.config
        do {
            try await app.db.transaction { tx in
                let id = try await StaffStore(db: tx).create(email: email.value, passwordHash: unusable, displayName: name, roles: roles,
                                                             scope: scope, language: "pl")
                try await AccountStore(db: tx).issueToken(
                    account: id, purpose: .resetPassword, hash: Secrets.sha256Hex(token),
                    expires: Date().addingTimeInterval(AccountPolicy.staffWelcomeLifetime),
                    mail: MailComposer(publicURL: config.publicURL).staffWelcome(to: email.value, token: token, language: .pl))
            }
        } catch AccountStoreError.duplicateEmail {
            throw ConsoleCommandError(message: "an account with \(email.value) exists already")
        }
        context.console.print("Staff account \(email.value) created. Set its password within 72 hours at:")
        context.console.print(config.publicURL + SiteRoute.resetPassword.with(["token": token]))
    }
}
