import Vapor

extension Response {
    static func html(_ body: String, status: HTTPStatus = .ok) -> Response {
        let res = Response(status: status, body: .init(string: body))
        res.headers.contentType = .html
        return res
    }
}

extension Response {
    /// A live page or its panel: always current, never from a cache.
    static func live(_ body: String, status: HTTPStatus = .ok) -> Response {
        let res = Response.html(body, status: status)
        res.headers.cacheControl = .init(noStore: true)
        return res
    }
}
