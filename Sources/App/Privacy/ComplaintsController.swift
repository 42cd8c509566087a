import Vapor
import Views
import Privacy
import Storage
import Identity
import Reporting

/// `/complaints`: anyone may send a complaint or request about the service; it goes into the
/// data protection officer's register for the office of the postal code given (none: the
/// centre), with a month to answer, and the sender gets its reference and deadline by e-mail.
struct ComplaintsController: RouteCollection {
    /// Complaints one address may send in an hour.
    static let hourlyLimit = 5

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.complaints.pathComponents, use: page)
        routes.post(SiteRoute.complaints.pathComponents, use: send)
    }

    @Sendable func page(req: Request) async throws -> Response {
        .html(ComplaintsPage.render(.init(form: FormState()), req.pageContext))
    }

    struct Input: Content { var name: String?; var email: String?; var postal_code: String?; var text: String?; var website: String? }

    @Sendable func send(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self), t = req.catalogue
        var form = FormValidator(t, ["name": input.name, "email": input.email, "postal_code": input.postal_code, "text": input.text])
        // A robot filled in the field people never see: nothing is registered.
        if !(input.website ?? "").isEmpty { return .html(ComplaintsPage.render(.init(form: FormState()), req.pageContext)) }
        form.required("name", label: t.text("complaints.name"), max: 200)
        let email = form.identifier("email", label: t.text("form.email"), EmailAddress.init)
        let postal = form.optional("postal_code").flatMap { _ in form.identifier("postal_code", label: t.text("form.postal_code"), PostalCode.init) }
        if !DataRequestText.length.contains(form["text"].count) {
            form.fail("text", t.text("complaints.text_length", ["min": "\(DataRequestText.length.lowerBound)", "max": "\(DataRequestText.length.upperBound)"]))
        }
        guard form.errors.isEmpty, let email else {
            return .html(ComplaintsPage.render(.init(form: form.state), req.pageContext), status: .badRequest)
        }
        guard try await RateLimiter(db: req.db).hit("complaints:" + req.clientAddress, limit: Self.hourlyLimit, window: 3_600) else {
            form.fail("text", t.text("complaints.too_many"))
            return .html(ComplaintsPage.render(.init(form: form.state), req.pageContext), status: .tooManyRequests)
        }
        let office = try await postal.asyncMap { try? await req.locator.locate($0.value).office.id } ?? nil
        let language = req.language, composer = MailComposer(publicURL: req.services.config.publicURL)
        let calendar = ReportInterval.polishCalendar
        let made = try await DataRequestStore(db: req.db).create(
            NewDataRequest(kind: .complaint, channel: .web, name: form["name"], email: email.value, language: language.rawValue, officeID: office,
                           text: form["text"]),
            now: Date(), calendar: calendar) { reference, deadline in
                composer.requestReceived(to: email.value, reference: reference, due: DateText.date(deadline.due, language), language: language)
            }
        return .html(ComplaintsPage.render(.init(form: FormState(), sent: (made.reference, DateText.date(made.deadline(calendar).due, language))),
                                           req.pageContext))
    }
}
