import Vapor
import Views
import Storage

/// `/survey/{token}`: the client rates the contact (1–5) and may comment; once.
struct SurveyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("survey", ":token", use: page)
        routes.post("survey", ":token", use: answer)
    }

    func survey(_ req: Request) async throws -> (Survey, String) {
        let token = try req.parameters.require("token")
        guard token.count <= 100, let s = try await SurveyStore(db: req.db).find(tokenHash: Secrets.sha256Hex(token)) else {
            throw NotFoundError(detail: req.catalogue.text("survey.not_found"))
        }
        return (s, token)
    }

    func page(req: Request) async throws -> Response {
        let (s, token) = try await survey(req)
        return .html(SurveyPage.render(.init(token: token, form: FormState(), thanks: s.answeredAt != nil), req.pageContext))
    }

    struct Input: Content { var rating: String?; var comment: String? }

    func answer(req: Request) async throws -> Response {
        let (s, token) = try await survey(req)
        let input = try req.content.decode(Input.self)
        let comment = (input.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var form = FormState(values: ["rating": input.rating ?? "", "comment": comment])
        guard let rating = input.rating.flatMap(Int.init), (1...5).contains(rating) else {
            form.errors.append(("rating", req.catalogue.text("survey.rating_required")))
            return .html(SurveyPage.render(.init(token: token, form: form, thanks: false), req.pageContext), status: .badRequest)
        }
        guard comment.count <= 2_000 else {
            form.errors.append(("comment", req.catalogue.text("offer.error.too_long", ["max": "2000"])))
            return .html(SurveyPage.render(.init(token: token, form: form, thanks: false), req.pageContext), status: .badRequest)
        }
        // A second answer changes nothing; the page thanks either way.
        try? await SurveyStore(db: req.db).answer(s.id, rating: rating, comment: comment.isEmpty ? nil : comment)
        return .html(SurveyPage.render(.init(token: token, form: FormState(), thanks: true), req.pageContext))
    }
}
