import Vapor
import Privacy
import Views
import Identity
import Localization
import Storage

/// Job-seeker accounts: register, verify e-mail, log in and out, forgotten and changed passwords.
struct AccountController: RouteCollection {

    func boot(routes: any RoutesBuilder) throws {
        routes.get("register", use: registerForm)
        routes.on(.POST, "register", body: .collect(maxSize: ByteCount(integerLiteral: CSRFMiddleware.maxUploadBytes)), use: register)
        routes.get("verify-email", use: verifyEmail)
        routes.get("login", use: loginForm)
        routes.post("login", use: login)
        routes.post("logout", use: logout)
        routes.get("account", use: account)
        routes.post("account", "password", use: changePassword)
        routes.post("account", "sign-out-everywhere", use: signOutEverywhere)
        routes.get("forgot-password", use: forgotForm)
        routes.post("forgot-password", use: forgot)
        routes.get("reset-password", use: resetForm)
        routes.post("reset-password", use: reset)
    }

    // MARK: registration

    struct RegisterInput: Content {
        var email: String?; var password: String?; var first_name: String?; var last_name: String?
        var voivodeship: String?; var locality: String?; var postal_code: String?; var street: String?
        var house_number: String?; var phone: String?; var photo: File?; var consent: String?; var consent_version: String?
    }

    func registerForm(req: Request) async throws -> Response {
        .html(RegisterPage.render(.init(form: FormState(), voivodeships: try await req.directory.voivodeships(),
                                                consent: ConsentPrompt(.accountServices)), req.pageContext))
    }

    func register(req: Request) async throws -> Response {
        let input = try req.content.decode(RegisterInput.self)
        let t = req.catalogue
        var form = FormValidator(t, ["email": input.email, "first_name": input.first_name, "last_name": input.last_name,
                                     "voivodeship": input.voivodeship, "locality": input.locality, "postal_code": input.postal_code,
                                     "street": input.street, "house_number": input.house_number, "phone": input.phone])
        let email = form.identifier("email", label: t.text("form.email"), EmailAddress.init)
        let password = input.password ?? ""
        form.password("password", password, email: email?.value)
        form.required("first_name", label: t.text("form.first_name"))
        form.required("last_name", label: t.text("form.last_name"))
        form.required("locality", label: t.text("form.locality"))
        form.required("street", label: t.text("form.street"))
        form.required("house_number", label: t.text("form.house_number"), max: 20)
        let voivodeships = try await req.directory.voivodeships()
        if !voivodeships.contains(where: { $0.code == form["voivodeship"] }) {
            form.fail("voivodeship", t.text("form.required_field", ["field": t.text("offices.voivodeship_label")]))
        }
        let postal = form.identifier("postal_code", label: t.text("form.postal_code"), PostalCode.init)
        let phone = form.optional("phone")
        if let phone, phone.count > 20 || !phone.allSatisfy({ $0.isNumber || " +-()".contains($0) }) {
            form.fail("phone", t.text("form.invalid_field", ["field": t.text("form.phone"), "reason": t.text("validation.phone")]))
        }
        var photo: PhotoUpload.Photo? = nil
        do { photo = try PhotoUpload.check(input.photo) } catch {
            form.fail("photo", t.text(error.rawValue, ["max": "2"]))
        }
        let consent = form.consent("consent", .accountServices, ticked: input.consent, version: input.consent_version, required: true, channel: .web)
        let values = form.values
        func again(_ errors: [(field: String, message: String)]) -> Response {
            .html(RegisterPage.render(.init(form: FormState(values: values, errors: errors), voivodeships: voivodeships,
                                     consent: ConsentPrompt(.accountServices)), req.pageContext),
                  status: .badRequest)
        }
        guard form.errors.isEmpty, let email, let postal, let consent else { return again(form.errors) }

        let hash = try await req.password.async.hash(password)
        let token = Secrets.randomToken()
        let composer = MailComposer(publicURL: req.services.config.publicURL)
        let language = req.language
        let profile = SeekerProfile(firstName: values["first_name"]!, lastName: values["last_name"]!,
                                    voivodeshipCode: values["voivodeship"]!, locality: values["locality"]!, postalCode: postal.value,
                                    street: values["street"]!, houseNumber: values["house_number"]!, phone: phone)
        do {
            _ = try await AccountStore(db: req.db).registerSeeker(
                email: email.value, passwordHash: hash, language: language.rawValue, profile: profile,
                tokenHash: Secrets.sha256Hex(token), tokenExpires: Date().addingTimeInterval(AccountPolicy.verifyLifetime),
                photo: photo.map { ($0.contentType, $0.data) }, consent: consent,
                mail: { _ in composer.verifyEmail(to: email.value, token: token, language: language) })
        } catch AccountStoreError.duplicateEmail {
            return again([("email", t.text("form.email_taken"))])
        }
        return req.redirect(to: SiteRoute.login.with(["notice": "registered"]), redirectType: .normal)
    }

    func verifyEmail(req: Request) async throws -> Response {
        let t = req.catalogue
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        do {
            _ = try await AccountStore(db: req.db).redeem(tokenHash: Secrets.sha256Hex(token), purpose: .verifyEmail)
            return .html(NoticePage.render(title: t.text("verify.done_title"), message: t.text("verify.done"),
                                           link: (SiteRoute.login.path, t.text("nav.login")), req.pageContext))
        } catch let e as AccountStoreError {
            return .html(NoticePage.render(title: t.text("verify.failed_title"), message: t.text(Self.tokenMessage(e)),
                                           link: (SiteRoute.login.path, t.text("nav.login")), req.pageContext), status: .badRequest)
        }
    }

    static func tokenMessage(_ e: AccountStoreError) -> String {
        switch e {
        case .tokenExpired: "token.expired"
        case .tokenUsed: "token.used"
        default: "token.unknown"
        }
    }

    // MARK: sign in and out

    struct LoginInput: Content { var email: String?; var password: String? }

    static let notices = ["registered": "login.notice_registered", "reset": "login.notice_reset", "signed_out": "login.notice_signed_out",
                          "expired": "login.notice_expired"]

    func loginForm(req: Request) async throws -> Response {
        let notice = (try? req.query.get(String.self, at: "notice")).flatMap { Self.notices[$0] }.map { req.catalogue.text($0) }
        return .html(LoginPage.render(.init(form: FormState(), notice: notice), req.pageContext))
    }

    func login(req: Request) async throws -> Response {
        let input = try req.content.decode(LoginInput.self)
        let t = req.catalogue
        let email = (input.email ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        func refuse(_ message: String, status: HTTPStatus) -> Response {
            .html(LoginPage.render(.init(form: FormState(values: ["email": email], errors: [("email", message)])), req.pageContext),
                  status: status)
        }
        let account: Account
        switch try await SignInCheck.check(email: email, password: input.password ?? "", req) {
        case .locked: return refuse(t.text("login.locked", ["minutes": "15"]), status: .tooManyRequests)
        case .failed: return refuse(t.text("login.failed"), status: .unauthorized)
        case .signedIn(let a): account = a
        }
        if account.kind == .staff {
            guard let member = try await StaffStore(db: req.db).find(account.id), member.active else {
                return refuse(t.text("login.failed"), status: .unauthorized)
            }
            try await req.beginStaffSignIn(account)
            return req.redirect(to: member.totpConfirmed ? SiteRoute.loginTwoFactor.path : SiteRoute.loginTwoFactorSetup.path, redirectType: .normal)
        }
        try await req.signIn(account)
        return req.redirect(to: SiteRoute.account.path, redirectType: .normal)
    }

    /// Ends the account's sessions on every other device; this one goes on, under a new id.
    func signOutEverywhere(req: Request) async throws -> Response {
        guard let account = try await req.signedInAccount() else { return req.redirect(to: SiteRoute.login.path) }
        try await AccountStore(db: req.db).endSessions(account.id)
        if let current = try await AccountStore(db: req.db).find(id: account.id) { try await req.signIn(current) }
        let model = try await accountModel(req, account, form: FormState(), notice: req.catalogue.text("account.signed_out_everywhere"))
        return .html(AccountPage.render(model, req.pageContext))
    }

    func logout(req: Request) async throws -> Response {
        req.signOut()
        return req.redirect(to: SiteRoute.login.with(["notice": "signed_out"]), redirectType: .normal)
    }

    // MARK: the account page

    func account(req: Request) async throws -> Response {
        guard let account = try await req.signedInAccount() else { return req.redirect(to: SiteRoute.login.path) }
        let notice = (try? req.query.get(String.self, at: "notice")) == "device_revoked" ? req.catalogue.text("app.device_revoked") : nil
        return .html(AccountPage.render(try await accountModel(req, account, form: FormState(), notice: notice), req.pageContext))
    }

    func accountModel(_ req: Request, _ account: Account, form: FormState, notice: String?) async throws -> AccountPage.Model {
        let t = req.catalogue
        let profile = try await AccountStore(db: req.db).profile(account.id)
        var linkStatus: String? = nil
        var mayRequestLink = account.kind == .seeker
        if account.kind == .seeker {
            if let client = try await ClientStore(db: req.db).find(account: account.id) {
                linkStatus = t.text("account.link_linked", ["number": client.number])
                mayRequestLink = false
            } else if let request = try await ClientLinkStore(db: req.db).latest(account: account.id) {
                linkStatus = t.text("account.link_status_" + request.status.rawValue)
                mayRequestLink = request.status != .pending
            }
        }
        var company: AccountPage.CompanyInfo? = nil
        if account.kind == .employer, let id = try await EmployerStore(db: req.db).companyID(ofAccount: account.id),
           let c = try await EmployerStore(db: req.db).find(company: id) {
            let users = try await EmployerStore(db: req.db).users(company: id).map { "\($0.contactPerson) (\($0.email))" }
            company = .init(name: c.name, verified: c.verified, users: users)
        }
        let kind: AccountPage.Model.Kind = switch account.kind { case .seeker: .seeker; case .employer: .employer; case .staff: .staff }
        var model = AccountPage.Model(kind: kind, email: account.email, emailVerified: account.emailVerified,
                                      name: profile.map (\.fullName),
                                      address: profile.map { "\($0.street) \($0.houseNumber), \($0.postalCode) \($0.locality)" },
                                      linkStatus: linkStatus, mayRequestLink: mayRequestLink,
                                      hasPhoto: try await AccountPhotos(db: req.db).get(account.id) != nil, company: company,
                                      form: form, notice: notice)
        if account.kind == .seeker {
            model.devices = try await AppTokenStore(db: req.db).list(account: account.id).map { d in
                AccountPage.Device(id: d.id.uuidString.lowercased(), name: d.device,
                                   scopes: d.scopes.map { t.text("app.scope." + $0.rawValue) }.sorted().joined(separator: ", "),
                                   created: DateText.dateTime(d.createdAt, req.language),
                                   lastUsed: d.lastUsedAt.map { DateText.dateTime($0, req.language) } ?? t.text("app.never_used"),
                                   expires: DateText.date(d.expiresAt, req.language))
            }
        }
        return model
    }

    struct PasswordInput: Content { var current_password: String?; var password: String? }

    func changePassword(req: Request) async throws -> Response {
        guard let account = try await req.signedInAccount() else { return req.redirect(to: SiteRoute.login.path) }
        let input = try req.content.decode(PasswordInput.self)
        let t = req.catalogue
        var errors: [(field: String, message: String)] = []
        if !(try await req.password.async.verify(input.current_password ?? "", created: account.passwordHash)) {
            errors.append(("current_password", t.text("account.wrong_password")))
        }
        for p in PasswordPolicy.problems(input.password ?? "", email: account.email) {
            errors.append(("password", t.text(p.rawValue, ["min": "\(PasswordPolicy.minimumLength)"])))
        }
        guard errors.isEmpty else {
            let model = try await accountModel(req, account, form: FormState(errors: errors), notice: nil)
            return .html(AccountPage.render(model, req.pageContext), status: .badRequest)
        }
        try await AccountStore(db: req.db).setPassword(account.id, hash: try await req.password.async.hash(input.password ?? ""))
        // Every other session ended with the old password; this one goes on, under a new id.
        if let changed = try await AccountStore(db: req.db).find(id: account.id) { try await req.signIn(changed) }
        let model = try await accountModel(req, account, form: FormState(), notice: t.text("account.password_changed"))
        return .html(AccountPage.render(model, req.pageContext))
    }

    // MARK: forgotten password

    struct ForgotInput: Content { var email: String? }

    func forgotForm(req: Request) async throws -> Response {
        .html(PasswordPages.forgot(FormState(), notice: nil, req.pageContext))
    }

    /// Always the same answer, whether or not the address has an account.
    func forgot(req: Request) async throws -> Response {
        let t = req.catalogue
        let raw = (try req.content.decode(ForgotInput.self).email ?? "")
        guard let email = try? EmailAddress(raw) else {
            return .html(PasswordPages.forgot(FormState(values: ["email": raw], errors: [("email", t.text("form.invalid_field",
                ["field": t.text("form.email"), "reason": t.text("validation.format_email")]))]), notice: nil, req.pageContext),
                status: .badRequest)
        }
        let limiter = RateLimiter(db: req.db)
        let emailAllowed = try await limiter.hit("reset:email:" + Secrets.sha256Hex(email.value), limit: 3, window: 3600)
        let ipAllowed = try await limiter.hit("reset:ip:" + (req.clientAddress), limit: 20, window: 3600)
        if !(emailAllowed && ipAllowed) {
            return .html(PasswordPages.forgot(FormState(values: ["email": email.value], errors: [("email", t.text("forgot.limited"))]),
                                              notice: nil, req.pageContext), status: .tooManyRequests)
        }
        if let account = try await AccountStore(db: req.db).find(email: email.value) {
            let token = Secrets.randomToken()
            let language = Language(rawValue: account.language) ?? req.language
            try await AccountStore(db: req.db).issueToken(
                account: account.id, purpose: .resetPassword, hash: Secrets.sha256Hex(token),
                expires: Date().addingTimeInterval(AccountPolicy.resetLifetime),
                mail: MailComposer(publicURL: req.services.config.publicURL).resetPassword(to: account.email, token: token, language: language))
        }
        return .html(PasswordPages.forgot(FormState(), notice: t.text("forgot.sent"), req.pageContext))
    }

    struct ResetInput: Content { var token: String?; var password: String? }

    func resetForm(req: Request) async throws -> Response {
        .html(PasswordPages.reset(FormState(), token: (try? req.query.get(String.self, at: "token")) ?? "", req.pageContext))
    }

    func reset(req: Request) async throws -> Response {
        let input = try req.content.decode(ResetInput.self)
        let t = req.catalogue
        let token = input.token ?? ""
        let problems = PasswordPolicy.problems(input.password ?? "")
        guard problems.isEmpty else {
            let errors = problems.map { (field: "password", message: t.text($0.rawValue, ["min": "\(PasswordPolicy.minimumLength)"])) }
            return .html(PasswordPages.reset(FormState(errors: errors), token: token, req.pageContext), status: .badRequest)
        }
        let hash = try await req.password.async.hash(input.password ?? "")
        do {
            _ = try await AccountStore(db: req.db).redeem(tokenHash: Secrets.sha256Hex(token), purpose: .resetPassword, newPasswordHash: hash)
        } catch let e as AccountStoreError {
            return .html(NoticePage.render(title: t.text("verify.failed_title"), message: t.text(Self.tokenMessage(e)),
                                           link: (SiteRoute.forgotPassword.path, t.text("forgot.title")), req.pageContext),
                         status: .badRequest)
        }
        return req.redirect(to: SiteRoute.login.with(["notice": "reset"]), redirectType: .normal)
    }
}
