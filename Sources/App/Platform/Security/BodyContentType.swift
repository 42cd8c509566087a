import Vapor

/// What a request's Content-Type must satisfy before any decoder reads the body. multipart-kit
/// stops the process on an empty boundary (a precondition, which no `try` catches), so the rule
/// is checked once, ahead of every route and of the CSRF check that reads form fields.
enum BodyContentType {
    enum Problem: Equatable {
        /// A multipart body whose boundary is missing, empty or not RFC 2046's 1–70 bchars.
        case boundary
        /// A text body in a charset other than UTF-8 (or its subset US-ASCII).
        case charset
        /// A Content-Type header Vapor's lenient parser would guess at (an unclosed quote).
        case header
    }

    static func problem(in headers: HTTPHeaders) -> Problem? {
        guard let raw = headers.first(name: .contentType) else { return nil }
        if raw.utf8.filter({ $0 == UInt8(ascii: "\"") }).count % 2 == 1 { return .header }
        guard let type = headers.contentType else { return nil }
        if type.type.lowercased() == "multipart", !isValidBoundary(type.parameters["boundary"]) { return .boundary }
        if let charset = type.parameters["charset"], !["utf-8", "utf8", "us-ascii"].contains(charset.lowercased()) {
            return .charset
        }
        return nil
    }

    /// RFC 2046 §5.1.1: 1 to 70 characters from `bchars`, the last not a space.
    static func isValidBoundary(_ boundary: String?) -> Bool {
        guard let boundary, (1...70).contains(boundary.utf8.count), boundary.last != " " else { return false }
        return boundary.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
            default: Array("'()+_,-./:=? ".utf8).contains(byte)
            }
        }
    }
}

/// Vapor's multipart decoder behind the boundary rule, so a decode that some code path starts
/// without the middleware (a test, a command) fails with 400 instead of stopping the process.
struct GuardedFormDataDecoder: ContentDecoder {
    private let inner = FormDataDecoder()

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders,
                              userInfo: [CodingUserInfoKey: any Sendable]) throws -> D {
        guard BodyContentType.isValidBoundary(headers.contentType?.parameters["boundary"]) else {
            throw MalformedBodyError()
        }
        do {
            return try inner.decode(D.self, from: body, headers: headers, userInfo: userInfo)
        } catch let error as DecodingError {
            throw error
        } catch let error as any AbortError {
            throw error
        } catch {
            // The parser's own syntax error (a truncated part, a missing closing boundary).
            throw MalformedBodyError()
        }
    }
}

/// A body that is not the form it says it is; answered with 400 and the catalogue's words.
struct MalformedBodyError: Error {}
