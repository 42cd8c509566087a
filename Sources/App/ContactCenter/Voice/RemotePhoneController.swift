import Vapor
import Views
import Identity
import ContactCenter
import Storage
import Localization
import Clients

/// Working remotely: a consultant saves their own number, the system calls it and reads a code
/// (through the carrier's API), the code typed on this page proves the number, and from then on
/// the consultant chooses whether calls go to it or to the desk's phone.
struct RemotePhoneController: Sendable {
    func phoneModel(_ req: Request, _ member: StaffMember, phoneForm: FormState = FormState(), codeForm: FormState = FormState(),
                    notice: String? = nil) async throws -> RemotePhonePage.Model {
        let phone = try await AgentPhoneStore(db: req.db).find(agent: member.id.uuidString)
        let awaiting = phone.map { $0.verifiedAt == nil && ($0.codeExpiresAt ?? .distantPast) > Date() && $0.codeAttempts < RemoteWork.attempts } ?? false
        return .init(phone: phone?.phone, verified: phone?.verifiedAt != nil, remote: phone?.remote ?? false, awaitingCode: awaiting,
                     canCall: CarrierAPI(req.services.config.voice, client: req.client) != nil,
                     phoneForm: phoneForm, codeForm: codeForm, notice: notice)
    }

    static let phoneNotices = ["called", "verified", "remote_on", "remote_off", "forgotten"]

    @Sendable func phonePage(req: Request, member: StaffMember) async throws -> Response {
        .html(RemotePhonePage.render(try await phoneModel(req, member, notice: DesktopController.notice(req, Self.phoneNotices).map { req.catalogue.text("remote.done_" + $0) }),
                                     req.pageContext))
    }

    static func codeHash(_ code: String, agent: String) -> String { Secrets.sha256Hex("remote-work\u{1F}" + agent + "\u{1F}" + code) }

    struct PhoneInput: Content { var phone: String? }

    /// The number saved and called: the carrier's voice reads the code twice.
    @Sendable func setPhone(req: Request, member: StaffMember) async throws -> Response {
        let t = req.catalogue, agent = member.id.uuidString
        let input = try req.content.decode(PhoneInput.self)
        func refuse(_ key: String, status: HTTPStatus = .badRequest) async throws -> Response {
            let form = FormState(values: ["phone": input.phone ?? ""], errors: [("phone", t.text(key))])
            return .html(RemotePhonePage.render(try await phoneModel(req, member, phoneForm: form), req.pageContext), status: status)
        }
        guard let phone = try? PhoneNumber(input.phone ?? "").value else { return try await refuse("remote.error_phone") }
        guard let carrier = CarrierAPI(req.services.config.voice, client: req.client) else { return try await refuse("remote.no_carrier", status: .serviceUnavailable) }
        let now = Date()
        // One call a minute: a number is not to be rung again and again.
        if let last = try await AgentPhoneStore(db: req.db).find(agent: agent), let expires = last.codeExpiresAt,
           now < expires.addingTimeInterval(-RemoteWork.codeLifetime + 60) {
            return try await refuse("remote.wait_minute", status: .tooManyRequests)
        }
        let code = RemoteWork.newCode()
        let language = req.language.rawValue
        let said = Catalogues.bundled[req.language].text("remote.call_says", ["code": RemoteWork.spoken(code)])
        let twiml = TwiML.document([.say(said, language: language), .pause(seconds: 1), .say(said, language: language), .hangup])
        do { _ = try await carrier.call(to: phone, from: req.services.config.voice.fromNumber, twiml: twiml) }
        catch {
            req.logger.error("remote work: the verification call failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return try await refuse("remote.call_failed", status: .badGateway)
        }
        try await AgentPhoneStore(db: req.db).setNumber(agent: agent, phone: phone, codeHash: Self.codeHash(code, agent: agent),
                                                      expires: now.addingTimeInterval(RemoteWork.codeLifetime), now: now)
        return req.redirect(to: SiteRoute.desktopPhone.with(["done": "called"]), redirectType: .normal)
    }

    struct CodeInput: Content { var code: String? }

    @Sendable func verifyPhone(req: Request, member: StaffMember) async throws -> Response {
        let t = req.catalogue, agent = member.id.uuidString, now = Date()
        let store = AgentPhoneStore(db: req.db)
        let typed = (try req.content.decode(CodeInput.self)).code ?? ""
        guard let phone = try await store.find(agent: agent), phone.verifiedAt == nil else { throw Abort(.conflict, reason: t.text("remote.nothing_to_verify")) }
        let outcome = RemoteWork.check(typed: typed, matches: { Self.codeHash($0, agent: agent) == phone.codeHash }, expires: phone.codeExpiresAt,
                                       attemptsMade: phone.codeAttempts, now: now)
        switch outcome {
        case .verified:
            try await store.markVerified(agent: agent, now: now)
            return req.redirect(to: SiteRoute.desktopPhone.with(["done": "verified"]), redirectType: .normal)
        case .wrong(let left):
            try await store.countAttempt(agent: agent, now: now)
            let form = FormState(errors: [("code", t.text("remote.code_wrong", ["left": "\(left)"]))])
            return .html(RemotePhonePage.render(try await phoneModel(req, member, codeForm: form), req.pageContext), status: .badRequest)
        case .callAgain:
            try await store.countAttempt(agent: agent, now: now)
            let form = FormState(values: ["phone": phone.phone], errors: [("phone", t.text("remote.code_spent"))])
            return .html(RemotePhonePage.render(try await phoneModel(req, member, phoneForm: form), req.pageContext), status: .badRequest)
        }
    }

    struct RemoteInput: Content { var remote: String? }

    @Sendable func setRemote(req: Request, member: StaffMember) async throws -> Response {
        let on = (try req.content.decode(RemoteInput.self)).remote == "on"
        guard try await AgentPhoneStore(db: req.db).find(agent: member.id.uuidString)?.verifiedAt != nil else {
            throw Abort(.conflict, reason: req.catalogue.text("remote.nothing_to_verify"))
        }
        try await AgentPhoneStore(db: req.db).setRemote(agent: member.id.uuidString, on, now: Date())
        return req.redirect(to: SiteRoute.desktopPhone.with(["done": on ? "remote_on" : "remote_off"]), redirectType: .normal)
    }

    @Sendable func forgetPhone(req: Request, member: StaffMember) async throws -> Response {
        try await AgentPhoneStore(db: req.db).forget(agent: member.id.uuidString)
        return req.redirect(to: SiteRoute.desktopPhone.with(["done": "forgotten"]), redirectType: .normal)
    }
}
