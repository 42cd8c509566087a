import Vapor
import Views
import Access
import Storage
import Localization
import Clients

/// National editors write newsletter editions, one language each; an edition goes out in
/// batches to the confirmed subscribers of its language (`NewsletterSender`).
struct NewsletterAdminController: Sendable {
    static let subjectLimit = 150
    static let bodyLimit = 20_000

    func model(_ req: Request, form: FormState, notice: String? = nil) async throws -> NewsletterAdminPage.Model {
        let lang = req.language
        var counts: [(language: String, count: Int)] = []
        for l in Language.allCases { counts.append((l.nativeName, try await NewsletterStore(db: req.db).activeCount(language: l.rawValue))) }
        let editions = try await NewsletterStore(db: req.db).editions().map { e in
            NewsletterAdminPage.Row(subject: e.subject, language: Language(rawValue: e.language)?.nativeName ?? e.language,
                                    created: DateText.dateTime(e.createdAt, lang),
                                    state: e.finishedAt.map { req.catalogue.text("newsletter.staff_finished", ["date": DateText.dateTime($0, lang), "count": "\(e.queued)"]) }
                                        ?? req.catalogue.text("newsletter.staff_sending", ["count": "\(e.queued)"]))
        }
        return .init(form: form, languages: Language.allCases.map { ($0.rawValue, $0.nativeName) }, subscribers: counts, editions: editions, notice: notice)
    }

    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        let notice = (try? req.query.get(String.self, at: "done")) == "queued" ? req.catalogue.text("newsletter.staff_queued") : nil
        return .html(NewsletterAdminPage.render(try await model(req, form: FormState(values: ["language": "pl"]), notice: notice), req.pageContext))
    }

    struct Input: Content { var language: String?; var subject: String?; var body: String? }

    @Sendable func create(req: Request, member: StaffMember) async throws -> Response {
        let input = try req.content.decode(Input.self)
        let t = req.catalogue
        let subject = (input.subject ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let body = (input.body ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var form = FormState(values: ["language": input.language ?? "", "subject": subject, "body": body])
        let language = Language(rawValue: input.language ?? "")
        if language == nil { form.errors.append(("language", t.text("search.error.choice"))) }
        if subject.isEmpty || subject.count > Self.subjectLimit {
            form.errors.append(("subject", t.text("newsletter.staff_subject_error", ["max": "\(Self.subjectLimit)"])))
        }
        if body.count < 20 || body.count > Self.bodyLimit {
            form.errors.append(("body", t.text("newsletter.staff_body_error", ["max": "\(Self.bodyLimit)"])))
        }
        guard form.errors.isEmpty, let language else {
            return .html(NewsletterAdminPage.render(try await model(req, form: form), req.pageContext), status: .badRequest)
        }
        _ = try await NewsletterStore(db: req.db).createEdition(language: language.rawValue, subject: subject, body: body, author: member.id, now: Date())
        return req.redirect(to: SiteRoute.staffNewsletter.with(["done": "queued"]), redirectType: .normal)
    }
}
