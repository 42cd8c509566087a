import Vapor

extension Response {
    static func html(_ body: String, status: HTTPStatus = .ok) -> Response {
        let res = Response(status: status, body: .init(string: body))
        res.headers.contentType = .html
        return res
    }
}
