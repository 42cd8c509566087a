import Foundation
import Crypto
import Vapor

/// The carrier's request signature (`X-Twilio-Signature`): HMAC-SHA1, keyed with the account's
/// auth token, over the full URL the carrier called followed by each POST parameter's name and
/// value in the order of the names; base64.
enum CarrierSignature {
    static let header = "X-Twilio-Signature"

    static func sign(url: String, parameters: [String: String], token: String) -> String {
        var text = url
        for key in parameters.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
            text += key + parameters[key]!
        }
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(token.utf8)))
        return Data(mac).base64EncodedString()
    }

    /// The public address without a trailing slash: what webhook addresses start with.
    static func base(_ publicURL: String) -> String {
        var base = publicURL
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    /// The address the carrier was given for this request: the public base URL, the path and the query.
    static func url(of req: Request, publicURL: String) -> String {
        base(publicURL) + req.url.path + (req.url.query.map { "?" + $0 } ?? "")
    }

    static func isValid(_ req: Request, parameters: [String: String], token: String, publicURL: String) -> Bool {
        guard let sent = req.headers.first(name: header) else { return false }
        return Secrets.sameMAC(sign(url: url(of: req, publicURL: publicURL), parameters: parameters, token: token), sent)
    }

    /// A value in a form body or a query as carriers write them: everything but the unreserved characters percent-encoded.
    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
