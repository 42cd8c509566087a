import Vapor
import Views

/// The one error middleware: JSON problem details under `/api/`, an HTML page in the visitor's
/// language everywhere else; 4xx carry a message, 5xx are logged with the request id and say
/// nothing internal.
struct SiteErrorMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            return Self.response(for: error, req)
        }
    }

    static func response(for error: any Error, _ req: Request) -> Response {
        let t = req.catalogue
        var problem: Problem
        var suggestions: [String] = []
        switch error {
        case let e as FieldValidationError:
            problem = Problem(title: t.text("error.bad_request.title"), status: Int(e.status.code),
                              detail: "\(e.field): \(e.reason)", errors: [.init(field: e.field, reason: e.reason)])
        case let e as NotFoundError:
            suggestions = e.suggestions
            problem = Problem(title: t.text("error.not_found.title"), status: 404, detail: e.detail,
                              suggestions: e.suggestions.isEmpty ? nil : e.suggestions)
        case let e as Problem:
            problem = e
        case let e as any LocalizedFailure:
            problem = Problem(title: e.status == .notFound ? t.text("error.not_found.title") : t.text("error.bad_request.title"),
                              status: Int(e.status.code), detail: t.text(e.key))
        case let e as any AbortError where e.status == .notFound:
            problem = Problem(title: t.text("error.not_found.title"), status: 404, detail: t.text("error.not_found.text"))
        case let e as any AbortError:
            let code = Int(e.status.code)
            if code >= 500 { req.logger.error("request failed", metadata: ["status": "\(code)", "error": "\(String(reflecting: type(of: e)))"]) }
            problem = Problem(title: code >= 500 ? t.text("error.server.title") : t.text("error.bad_request.title"),
                              status: code, detail: code >= 500 ? t.text("error.server.text") : e.reason)
        case let e where DatabaseOutage.isOutage(e):
            req.logger.warning("database unavailable", metadata: ["error": "\(String(reflecting: type(of: e)))"])
            problem = Problem(title: t.text("error.unavailable.title"), status: 503, detail: t.text("error.unavailable.text"))
        case let e where DatabaseOutage.isStorageFull(e):
            // Critical: every write fails until someone frees space.
            req.logger.critical("the database's disk is full: nothing can be saved", metadata: ["error": "\(String(reflecting: type(of: e)))"])
            problem = Problem(title: t.text("error.storage_full.title"), status: 507, detail: t.text("error.storage_full.text"))
        case is Overloaded:
            problem = Problem(title: t.text("error.busy.title"), status: 503, detail: t.text("error.busy.text"))
        case is RequestOverran:
            problem = Problem(title: t.text("error.timeout.title"), status: 503, detail: t.text("error.timeout.text"))
        case is DecodingError, is MalformedBodyError:
            let json = req.headers.contentType?.subType.lowercased().hasSuffix("json") ?? false
            problem = Problem(title: t.text("error.bad_request.title"), status: 400,
                              detail: t.text(json || req.isAPI ? "error.malformed_body" : "error.malformed_form"))
        default:
            // The type only: an error's text may quote input, and input may be personal data.
            var metadata: Logger.Metadata = ["error": "\(String(reflecting: type(of: error)))"]
            if let code = DatabaseOutage.logCode(error) { metadata["code"] = "\(code)" }
            req.logger.error("unhandled error", metadata: metadata)
            problem = Problem(title: t.text("error.server.title"), status: 500, detail: t.text("error.server.text"))
        }
        let response: Response
        if req.isAPI || req.isCarrierWebhook {
            response = problem.response(for: req)
        } else {
            let message = problem.status >= 500 && problem.status != 503 && problem.status != 507 || problem.status == 404 && suggestions.isEmpty && !(error is NotFoundError)
                ? nil : problem.detail
            let page = ErrorPage.render(ErrorPage.Model(status: problem.status, message: message, suggestions: suggestions), req.pageContext)
            response = .html(page, status: HTTPStatus(statusCode: problem.status))
        }
        if problem.status == 503 { response.headers.replaceOrAdd(name: .retryAfter, value: "\(DatabaseOutage.retryAfterSeconds)") }
        return response
    }
}
