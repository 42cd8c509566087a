import Vapor
import Views
import Identity
import Storage
import Privacy

/// `/account/sms`: a job seeker chooses what comes by SMS to the phone of their profile —
/// new-offer alerts (instead of e-mail), visit reminders, surveys — and sees when the number
/// has answered STOP (and may allow SMS again).
struct SMSPreferencesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("account", "sms", use: page)
        routes.post("account", "sms", use: save)
    }

    /// The signed-in seeker's phone, if their profile has a valid one.
    func phone(_ req: Request) async throws -> (Account, String?)? {
        guard let account = try await req.signedInAccount(), account.kind == .seeker else { return nil }
        let raw = try await AccountStore(db: req.db).profile(account.id)?.phone
        return (account, raw.flatMap { try? PhoneNumber($0).value })
    }

    func render(_ req: Request, phone: String?, notice: String? = nil) async throws -> Response {
        var model = SMSPreferencesPage.Model(phone: phone, notice: notice)
        if let phone {
            let p = try await SMSStore(db: req.db).preferences(phone)
            model.offerAlerts = p.offerAlerts; model.reminders = p.reminders; model.surveys = p.surveys
            model.optedOut = try await SMSStore(db: req.db).isOptedOut(phone)
        }
        return .html(SMSPreferencesPage.render(model, req.pageContext))
    }

    @Sendable func page(req: Request) async throws -> Response {
        guard let (_, phone) = try await phone(req) else { return req.redirect(to: SiteRoute.login.path) }
        return try await render(req, phone: phone)
    }

    struct Input: Content { var offer_alerts: String?; var reminders: String?; var surveys: String?; var allow_again: String? }

    @Sendable func save(req: Request) async throws -> Response {
        guard let (account, phone) = try await phone(req) else { return req.redirect(to: SiteRoute.login.path) }
        guard let phone else { throw FieldValidationError(field: "phone", reason: req.catalogue.text("sms.prefs_no_phone")) }
        let input = try req.content.decode(Input.self)
        let now = Date()
        try await req.db.transaction { tx in
            let store = SMSStore(db: tx), ledger = ConsentLedger(db: tx)
            if input.allow_again == "on" { try await store.optIn(phone) }
            try await store.setPreferences(phone, SMSPreferences(offerAlerts: input.offer_alerts == "on", reminders: input.reminders == "on",
                                                                 surveys: input.surveys == "on"), now: now)
            // Offer alerts by SMS rest on a consent of their own; reminders and surveys belong to a contact already made.
            if input.offer_alerts == "on" { try await ledger.record(ConsentGiven(.smsAlerts, channel: .web), for: .account(account.id), now: now) }
            else { try await ledger.withdraw(.smsAlerts, for: .account(account.id), channel: .web, now: now) }
        }
        return try await render(req, phone: phone, notice: req.catalogue.text("sms.prefs_saved"))
    }
}
