import Vapor
import Views
import Storage
import Clients

/// The second step of a staff sign-in: enrolment in TOTP at the first sign-in (secret shown
/// once, confirmed with a first code, recovery codes shown once), then a code every time.
struct StaffLoginController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", "two-factor", use: codeForm)
        routes.post("login", "two-factor", use: code)
        routes.get("login", "two-factor", "setup", use: setupForm)
        routes.post("login", "two-factor", "setup", use: setup)
    }

    /// Back to the password when the pending step expired (or never happened).
    func expired(_ req: Request) -> Response { req.redirect(to: SiteRoute.login.with(["notice": "expired"]), redirectType: .normal) }

    func codeForm(req: Request) async throws -> Response {
        guard let member = try await req.pendingStaff() else { return expired(req) }
        if !member.totpConfirmed { return req.redirect(to: SiteRoute.loginTwoFactorSetup.path) }
        return .html(TwoFactorPage.render(FormState(), req.pageContext))
    }

    struct CodeInput: Content { var code: String? }

    func code(req: Request) async throws -> Response {
        guard let member = try await req.pendingStaff() else { return expired(req) }
        guard member.totpConfirmed else { return req.redirect(to: SiteRoute.loginTwoFactorSetup.path, redirectType: .normal) }
        let code = (try req.content.decode(CodeInput.self).code ?? "").filter { !$0.isWhitespace }
        switch try await TwoFactor.check(req, member, code: code, allowRecoveryCode: true) {
        case .accepted:
            try await req.completeStaffSignIn(member)
            return req.redirect(to: SiteRoute.staffHome.path, redirectType: .normal)
        case .rejected(let message, let status):
            return .html(TwoFactorPage.render(FormState(errors: [("code", message)]), req.pageContext), status: status)
        }
    }

    /// The secret is made once per enrolment and kept (encrypted) until confirmed, so reloading
    /// the page shows the same one the app has already scanned.
    func enrolmentSecret(_ req: Request, _ member: StaffMember) async throws -> TOTP {
        if let existing = try TwoFactor.secret(req, member) { return existing }
        let secret = TOTP.newSecret()
        try await StaffStore(db: req.db).setPendingSecret(member.id, ciphertext: try req.services.cipher.encrypt(Base32.encode(secret)))
        return TOTP(secret: secret)
    }

    func setupModel(_ req: Request, _ member: StaffMember, _ totp: TOTP, form: FormState) -> TwoFactorSetupPage.Model {
        let key = Base32.encode(totp.secret)
        let grouped = stride(from: 0, to: key.count, by: 4).map { i -> String in
            let start = key.index(key.startIndex, offsetBy: i)
            return String(key[start..<key.index(start, offsetBy: min(4, key.count - i))])
        }.joined(separator: " ")
        return .init(secret: grouped, uri: totp.provisioningURI(account: member.email), form: form)
    }

    func setupForm(req: Request) async throws -> Response {
        guard let member = try await req.pendingStaff() else { return expired(req) }
        if member.totpConfirmed { return req.redirect(to: SiteRoute.loginTwoFactor.path) }
        let totp = try await enrolmentSecret(req, member)
        return .html(TwoFactorSetupPage.render(setupModel(req, member, totp, form: FormState()), req.pageContext))
    }

    func setup(req: Request) async throws -> Response {
        guard let member = try await req.pendingStaff() else { return expired(req) }
        guard !member.totpConfirmed else { return req.redirect(to: SiteRoute.loginTwoFactor.path, redirectType: .normal) }
        let totp = try await enrolmentSecret(req, member)
        let code = (try req.content.decode(CodeInput.self).code ?? "").filter { !$0.isWhitespace }
        let limiter = RateLimiter(db: req.db)
        let key = "totp:" + member.id.uuidString
        func again(_ message: String, _ status: HTTPStatus) -> Response {
            .html(TwoFactorSetupPage.render(setupModel(req, member, totp, form: FormState(errors: [("code", message)])), req.pageContext),
                  status: status)
        }
        if try await limiter.isBlocked(key, limit: TwoFactor.limit.attempts, window: TwoFactor.limit.window) {
            return again(req.catalogue.text("login.locked", ["minutes": "15"]), .tooManyRequests)
        }
        guard let step = totp.matchingStep(code, at: Date()) else {
            _ = try await limiter.hit(key, limit: TwoFactor.limit.attempts, window: TwoFactor.limit.window)
            return again(req.catalogue.text("twofactor.wrong_code"), .unauthorized)
        }
        try await limiter.reset(key)
        let codes = RecoveryCodes.generate()
        try await StaffStore(db: req.db).confirmSecret(member.id, step: Int64(step), recoveryCodeHashes: codes.map(RecoveryCodes.hash))
        try await req.completeStaffSignIn(member)
        return .html(RecoveryCodesPage.render(codes, req.pageContext))
    }
}
