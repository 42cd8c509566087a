import Vapor
import Views
import Storage
import Identity
import ContactCenter

/// The contact form and "Zamów rozmowę" for the Moja Praca app: the same checks and the same
/// contacts as the pages, made as the signed-in seeker (their address and name, their phone
/// unless another is given), with a limit per account instead of per address. Scope `contact`;
/// the hours a callback can be booked for need none.
struct ContactAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(SiteRoute.apiContact.pathComponents, use: contact)
        routes.get(SiteRoute.apiCallbackSlots.pathComponents, use: slots)
        routes.post(SiteRoute.apiCallbacks.pathComponents, use: callback)
    }

    struct ContactInput: Content { var powiat: String?; var topic: String?; var message: String? }
    struct CallbackInput: Content {
        var phone: String?; var slot: String?; var powiat: String?; var locality: String?; var postal_code: String?; var topic: String?
    }

    struct CaseOffice: Content { let id: String; let name: String }
    struct AcceptedJSON: Content { let case_number: String; let office: CaseOffice; let slot: String? }
    struct SlotJSON: Content { let value: String; let label: String }
    struct SlotListJSON: Content { let items: [SlotJSON] }

    /// One limit per account and kind, as the pages have per address.
    func limit(_ kind: String, _ account: Account, _ req: Request) async throws {
        guard try await RateLimiter(db: req.db).hit(kind + ":account:" + account.id.uuidString.lowercased(), limit: IntakePolicy.formsPerHour,
                                                    window: 3_600) else {
            throw Abort(.tooManyRequests, reason: req.catalogue.text("contact.too_many"))
        }
    }

    func accepted(_ caseNumber: String, _ office: CaseOffice, slot: String? = nil) throws -> Response {
        let res = Response(status: .created)
        try res.content.encode(AcceptedJSON(case_number: caseNumber, office: office, slot: slot))
        return res
    }

    @Sendable func contact(req: Request) async throws -> Response {
        let account = try await req.apiSeeker(.contact)
        let input = try req.content.decode(ContactInput.self)
        try await limit("contact", account, req)
        let profile = try await AccountStore(db: req.db).profile(account.id)
        let name = profile?.fullName ?? ""
        switch try await ContactFormController.intake(.init(email: account.email, name: name, powiat: input.powiat, topic: input.topic,
                                                            message: input.message), req) {
        case .refused(let errors): try Problem.check(errors, req); throw Abort(.badRequest)
        case .accepted(let caseNumber, let office): return try accepted(caseNumber, CaseOffice(id: office.id, name: office.name))
        }
    }

    @Sendable func slots(req: Request) async throws -> SlotListJSON {
        SlotListJSON(items: CallbackController.slots(req, now: try await ServerClock.now(req.db)).map { SlotJSON(value: $0.value, label: $0.label) })
    }

    @Sendable func callback(req: Request) async throws -> Response {
        let account = try await req.apiSeeker(.contact)
        let input = try req.content.decode(CallbackInput.self)
        try await limit("callback", account, req)
        let profile = try await AccountStore(db: req.db).profile(account.id)
        let name = profile?.fullName ?? ""
        let phone = (input.phone ?? "").isEmpty ? profile?.phone : input.phone
        switch try await CallbackController.intake(.init(phone: phone, slot: input.slot, powiat: input.powiat, locality: input.locality,
                                                         postal_code: input.postal_code, who: "seeker", topic: input.topic, name: name), req) {
        case .refused(let errors): try Problem.check(errors, req); throw Abort(.badRequest)
        case .booked(let caseNumber, let slot, let office): return try accepted(caseNumber, CaseOffice(id: office.id, name: office.name), slot: slot)
        }
    }
}
