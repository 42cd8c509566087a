import Vapor
import Privacy
import Views
import Identity
import Localization
import Storage

/// What a signed-in user changes about their account besides the password: e-mail (confirmed
/// from the new address), the link to their client record (PESEL, verified by the office),
/// an optional photo, and for employers the other users of their company.
struct AccountSettingsController: RouteCollection {
    static let changeLifetime: TimeInterval = 48 * 3600
    static let inviteLifetime: TimeInterval = 7 * 24 * 3600

    func boot(routes: any RoutesBuilder) throws {
        routes.post("account", "email", use: changeEmail)
        routes.get("account", "email", "confirm", use: confirmEmail)
        routes.post("account", "client-link", use: requestLink)
        routes.on(.POST, "account", "photo", body: .collect(maxSize: ByteCount(integerLiteral: CSRFMiddleware.maxUploadBytes)), use: uploadPhoto)
        routes.get("account", "photo", use: photo)
        routes.post("account", "photo", "delete", use: deletePhoto)
        routes.post("account", "company", "invite", use: invite)
        routes.get("register", "employer", "join", use: joinForm)
        routes.post("register", "employer", "join", use: join)
    }

    func page(_ req: Request, _ account: Account, form: FormState = FormState(), notice: String? = nil,
              status: HTTPStatus = .ok) async throws -> Response {
        .html(AccountPage.render(try await AccountController().accountModel(req, account, form: form, notice: notice), req.pageContext),
              status: status)
    }

    // MARK: e-mail

    struct EmailInput: Content { var new_email: String?; var email_password: String? }

    func changeEmail(req: Request) async throws -> Response {
        guard let account = try await req.signedInAccount() else { return req.redirect(to: SiteRoute.login.path) }
        let input = try req.content.decode(EmailInput.self)
        let t = req.catalogue
        var form = FormValidator(t, ["new_email": input.new_email])
        let email = form.identifier("new_email", label: t.text("account.new_email"), EmailAddress.init)
        if !(try await req.password.async.verify(input.email_password ?? "", created: account.passwordHash)) {
            form.fail("email_password", t.text("account.wrong_password"))
        }
        if let email, email.value == account.email { form.fail("new_email", t.text("account.same_email")) }
        if let email, try await AccountStore(db: req.db).find(email: email.value) != nil { form.fail("new_email", t.text("form.email_taken")) }
        guard form.errors.isEmpty, let email else { return try await page(req, account, form: form.state, status: .badRequest) }
        let token = Secrets.randomToken()
        let composer = MailComposer(publicURL: req.services.config.publicURL)
        let language = Language(rawValue: account.language) ?? req.language
        try await req.db.transaction { tx in
            try await AccountStore(db: tx).issueToken(account: account.id, purpose: .changeEmail, hash: Secrets.sha256Hex(token),
                                                      expires: Date().addingTimeInterval(Self.changeLifetime), newEmail: email.value,
                                                      mail: composer.confirmNewEmail(to: email.value, token: token, language: language))
            try await Outbox(db: tx).enqueue(composer.emailChangeNotice(to: account.email, newEmail: email.value, language: language))
        }
        return try await page(req, account, notice: t.text("account.email_change_sent", ["email": email.value]))
    }

    func confirmEmail(req: Request) async throws -> Response {
        let t = req.catalogue
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        do {
            let id = try await AccountStore(db: req.db).redeem(tokenHash: Secrets.sha256Hex(token), purpose: .changeEmail)
            // The session names the old address; the next page load shows the new one.
            if req.signedInAccountID == id, let account = try await AccountStore(db: req.db).find(id: id) {
                req.session.data[Request.sessionEmailKey] = account.email
            }
            return .html(NoticePage.render(title: t.text("account.email_changed_title"), message: t.text("account.email_changed"),
                                           link: (SiteRoute.account.path, t.text("nav.account")), req.pageContext))
        } catch let e as AccountStoreError {
            let key = e == .duplicateEmail ? "form.email_taken" : AccountController.tokenMessage(e)
            return .html(NoticePage.render(title: t.text("verify.failed_title"), message: t.text(key),
                                           link: (SiteRoute.account.path, t.text("nav.account")), req.pageContext), status: .badRequest)
        }
    }

    // MARK: link to the client record

    struct LinkInput: Content { var pesel: String? }

    func requestLink(req: Request) async throws -> Response {
        guard let account = try await req.signedInAccount(), account.kind == .seeker else { return req.redirect(to: SiteRoute.login.path) }
        let t = req.catalogue
        var form = FormValidator(t, ["pesel": try req.content.decode(LinkInput.self).pesel])
        guard let pesel = form.identifier("pesel", label: "PESEL", PESEL.init) else {
            return try await page(req, account, form: FormState(errors: form.errors), status: .badRequest)
        }
        let cipher = req.services.cipher
        let index = cipher.blindIndex(pesel.value)
        // The office that keeps the client's record decides; a new client goes to the office of their address.
        var office = try await ClientStore(db: req.db).find(peselIndexes: cipher.blindIndexes(pesel.value))?.officeID
        if office == nil, let postal = try await AccountStore(db: req.db).profile(account.id)?.postalCode {
            office = try? await req.locator.locate(postal).office.id
        }
        guard let office else {
            return try await page(req, account, form: FormState(errors: [("pesel", t.text("account.link_no_office"))]), status: .badRequest)
        }
        do {
            _ = try await ClientLinkStore(db: req.db).request(account: account.id, peselCiphertext: try cipher.encrypt(pesel.value),
                                                              peselIndex: index, officeID: office)
        } catch ClientLinkError.alreadyPending {
            return try await page(req, account, form: FormState(errors: [("pesel", t.text("account.link_pending"))]), status: .conflict)
        } catch ClientLinkError.alreadyLinked {
            return try await page(req, account, form: FormState(errors: [("pesel", t.text("account.link_done"))]), status: .conflict)
        }
        return try await page(req, account, notice: t.text("account.link_requested"))
    }

    // MARK: photo

    struct PhotoInput: Content { var photo: File? }

    func uploadPhoto(req: Request) async throws -> Response {
        guard let account = try await req.signedInAccount() else { return req.redirect(to: SiteRoute.login.path) }
        let t = req.catalogue
        func refuse(_ key: String) async throws -> Response {
            try await page(req, account, form: FormState(errors: [("photo", t.text(key, ["max": "2"]))]), status: .badRequest)
        }
        do {
            guard let photo = try PhotoUpload.check(try? req.content.decode(PhotoInput.self).photo) else {
                return try await refuse("account.photo_missing")
            }
            try await AccountPhotos(db: req.db).set(account.id, contentType: photo.contentType, data: photo.data)
        } catch let problem as PhotoUpload.Problem {
            return try await refuse(problem.rawValue)
        }
        return try await page(req, account, notice: t.text("account.photo_saved"))
    }

    func photo(req: Request) async throws -> Response {
        guard let id = req.signedInAccountID, let photo = try await AccountPhotos(db: req.db).get(id) else { throw Abort(.notFound) }
        let res = Response(status: .ok, body: .init(data: photo.data))
        res.headers.contentType = HTTPMediaType(type: "image", subType: photo.contentType == "image/png" ? "png" : "jpeg")
        res.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return res
    }

    func deletePhoto(req: Request) async throws -> Response {
        guard let account = try await req.signedInAccount() else { return req.redirect(to: SiteRoute.login.path) }
        try await AccountPhotos(db: req.db).delete(account.id)
        return try await page(req, account, notice: req.catalogue.text("account.photo_deleted"))
    }

    // MARK: further users of a company

    struct InviteInput: Content { var invite_email: String? }

    func invite(req: Request) async throws -> Response {
        guard let account = try await req.signedInAccount(), account.kind == .employer,
              let companyID = try await EmployerStore(db: req.db).companyID(ofAccount: account.id),
              let company = try await EmployerStore(db: req.db).find(company: companyID) else { return req.redirect(to: SiteRoute.login.path) }
        let t = req.catalogue
        var form = FormValidator(t, ["invite_email": try req.content.decode(InviteInput.self).invite_email])
        guard let email = form.identifier("invite_email", label: t.text("form.email"), EmailAddress.init) else {
            return try await page(req, account, form: form.state, status: .badRequest)
        }
        let token = Secrets.randomToken()
        do {
            try await EmployerStore(db: req.db).invite(
                company: companyID, email: email.value, by: account.id, tokenHash: Secrets.sha256Hex(token),
                expires: Date().addingTimeInterval(Self.inviteLifetime),
                mail: MailComposer(publicURL: req.services.config.publicURL).companyInvitation(to: email.value, token: token,
                                                                                             company: company.name, language: req.language))
        } catch AccountStoreError.duplicateEmail {
            return try await page(req, account, form: FormState(values: form.values, errors: [("invite_email", t.text("form.email_taken"))]),
                                  status: .badRequest)
        }
        return try await page(req, account, notice: t.text("company.invited", ["email": email.value]))
    }

    func joinForm(req: Request) async throws -> Response {
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        return try await joinPage(req, token: token, form: FormState())
    }

    func joinPage(_ req: Request, token: String, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let t = req.catalogue
        do {
            let invitation = try await EmployerStore(db: req.db).invitation(tokenHash: Secrets.sha256Hex(token))
            return .html(JoinCompanyPage.render(.init(token: token, email: invitation.email, company: invitation.company, form: form,
                                                      consent: ConsentPrompt(.accountServices)),
                                                req.pageContext), status: status)
        } catch let e as EmployerStoreError {
            let key = e == .invitationExpired ? "token.expired" : e == .invitationUsed ? "token.used" : "token.unknown"
            return .html(NoticePage.render(title: t.text("verify.failed_title"), message: t.text(key),
                                           link: (SiteRoute.login.path, t.text("nav.login")), req.pageContext), status: .badRequest)
        }
    }

    struct JoinInput: Content { var token: String?; var contact_person: String?; var password: String?; var consent: String?; var consent_version: String? }

    func join(req: Request) async throws -> Response {
        let input = try req.content.decode(JoinInput.self)
        let t = req.catalogue
        let token = input.token ?? ""
        var form = FormValidator(t, ["contact_person": input.contact_person])
        form.required("contact_person", label: t.text("employer.contact_person"))
        form.password("password", input.password ?? "", email: nil)
        let consent = form.consent("consent", .accountServices, ticked: input.consent, version: input.consent_version, required: true, channel: .web)
        guard form.errors.isEmpty, let consent else { return try await joinPage(req, token: token, form: form.state, status: .badRequest) }
        do {
            _ = try await EmployerStore(db: req.db).acceptInvitation(tokenHash: Secrets.sha256Hex(token),
                                                                     passwordHash: try await req.password.async.hash(input.password ?? ""),
                                                                     contactPerson: form["contact_person"], language: req.language.rawValue, consent: consent)
        } catch is EmployerStoreError {
            return try await joinPage(req, token: token, form: form.state, status: .badRequest)
        } catch AccountStoreError.duplicateEmail {
            form.fail("contact_person", t.text("form.email_taken"))
            return try await joinPage(req, token: token, form: form.state, status: .badRequest)
        }
        return req.redirect(to: SiteRoute.login.with(["notice": "registered"]), redirectType: .normal)
    }
}
