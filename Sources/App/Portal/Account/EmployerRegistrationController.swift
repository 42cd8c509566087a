import Vapor
import Views
import Identity
import Storage
import Clients
import Privacy

/// `/register/employer`: a company account — contact person, company, NIP and/or REGON
/// (validated), address. The company starts unverified; an office verifies it.
struct EmployerRegistrationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("register", "employer", use: form)
        routes.post("register", "employer", use: register)
    }

    struct Input: Content {
        var email: String?; var password: String?; var contact_person: String?; var company_name: String?
        var nip: String?; var regon: String?; var street: String?; var house_number: String?
        var postal_code: String?; var locality: String?; var consent: String?; var consent_version: String?
    }

    func form(req: Request) async throws -> Response {
        .html(RegisterEmployerPage.render(FormState(), consent: ConsentPrompt(.accountServices), req.pageContext))
    }

    func register(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        let t = req.catalogue
        var form = FormValidator(t, ["email": input.email, "contact_person": input.contact_person, "company_name": input.company_name,
                                     "nip": input.nip, "regon": input.regon, "street": input.street,
                                     "house_number": input.house_number, "postal_code": input.postal_code, "locality": input.locality])
        let email = form.identifier("email", label: t.text("form.email"), EmailAddress.init)
        form.password("password", input.password ?? "", email: email?.value)
        form.required("contact_person", label: t.text("employer.contact_person"))
        form.required("company_name", label: t.text("employer.company_name"), max: 200)
        form.required("street", label: t.text("form.street"))
        form.required("house_number", label: t.text("form.house_number"), max: 20)
        form.required("locality", label: t.text("form.locality"))
        let postal = form.identifier("postal_code", label: t.text("form.postal_code"), PostalCode.init)
        var nip: NIP? = nil, regon: REGON? = nil
        if form.optional("nip") == nil && form.optional("regon") == nil {
            form.fail("nip", t.text("employer.nip_or_regon"))
        }
        if form.optional("nip") != nil { nip = form.identifier("nip", label: "NIP", NIP.init) }
        if form.optional("regon") != nil { regon = form.identifier("regon", label: "REGON", REGON.init) }
        let consent = form.consent("consent", .accountServices, ticked: input.consent, version: input.consent_version, required: true, channel: .web)
        guard form.errors.isEmpty, let email, let postal, let consent else {
            return .html(RegisterEmployerPage.render(form.state, consent: ConsentPrompt(.accountServices), req.pageContext), status: .badRequest)
        }
        let token = Secrets.randomToken()
        let mail = MailComposer(publicURL: req.services.config.publicURL).verifyEmail(to: email.value, token: token, language: req.language)
        do {
            _ = try await EmployerStore(db: req.db).registerEmployer(
                email: email.value, passwordHash: try await req.password.async.hash(input.password ?? ""), language: req.language.rawValue,
                contactPerson: form["contact_person"],
                company: NewCompany(name: form["company_name"], nip: nip?.value, regon: regon?.value, street: form["street"],
                                    houseNumber: form["house_number"], postalCode: postal.value, locality: form["locality"],
                                    officeID: try? await req.locator.locate(postal.value).office.id),
                tokenHash: Secrets.sha256Hex(token), tokenExpires: Date().addingTimeInterval(AccountPolicy.verifyLifetime), consent: consent, mail: mail)
        } catch AccountStoreError.duplicateEmail {
            form.fail("email", t.text("form.email_taken"))
            return .html(RegisterEmployerPage.render(form.state, consent: ConsentPrompt(.accountServices), req.pageContext), status: .badRequest)
        } catch EmployerStoreError.companyExists {
            form.fail("nip", t.text("employer.company_exists"))
            return .html(RegisterEmployerPage.render(form.state, consent: ConsentPrompt(.accountServices), req.pageContext), status: .badRequest)
        }
        return req.redirect(to: SiteRoute.login.with(["notice": "registered"]), redirectType: .normal)
    }
}
