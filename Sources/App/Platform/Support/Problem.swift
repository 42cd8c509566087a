import Vapor

/// RFC 9457 problem details, the API's only error format.
struct Problem: Content, Error {
    struct FieldError: Content, Equatable {
        let field: String
        let reason: String
    }

    var type: String = "about:blank"
    var title: String
    var status: Int
    var detail: String?
    var instance: String?
    var errors: [FieldError]?
    var suggestions: [String]?

    /// 400 for a query with bad fields, each with its message (nothing when there are none).
    static func check(_ errors: [(field: String, message: String)], _ req: Request) throws {
        guard !errors.isEmpty else { return }
        throw Problem(title: req.catalogue.text("error.bad_request.title"), status: 400, detail: errors.first?.message,
                      errors: errors.map { FieldError(field: $0.field, reason: $0.message) })
    }

    static let contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])

    func response(for req: Request) -> Response {
        var p = self
        p.instance = p.instance ?? req.url.path
        let res = Response(status: HTTPStatus(statusCode: status))
        res.headers.contentType = Self.contentType
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        res.body = .init(data: (try? encoder.encode(p)) ?? Data())
        return res
    }
}

/// A bad value in one field of the input, with the reason in the visitor's language.
struct FieldValidationError: Error {
    let field: String
    let reason: String
    var status: HTTPStatus = .badRequest
}

/// Something asked for that does not exist, with what might have been meant.
struct NotFoundError: Error {
    let detail: String
    var suggestions: [String] = []
}

/// An error a feature refuses with: its HTTP status and the catalogue key of the message. The
/// error middleware turns any of them into a page or a problem document in the reader's language.
protocol LocalizedFailure: Error {
    var status: HTTPStatus { get }
    var key: String { get }
}
