import Vapor
import Access

extension Request {
    private struct ClientAddressKey: StorageKey { typealias Value = IPAddress }

    /// The visitor's address: the TCP peer, or, when the peer is a trusted proxy
    /// (TRUSTED_PROXIES), the address the proxies forwarded. Rate limits and the audit log key
    /// on it; logs keep only its network part.
    var clientIP: IPAddress? {
        if let cached = storage[ClientAddressKey.self] { return cached }
        let forwardedFor = headers[.xForwardedFor].flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        let forwarded = headers[.forwarded].flatMap(TrustedProxies.forwardedFor)
        let ip = services.config.trustedProxies.client(peer: remoteAddress?.ipAddress, forwardedFor: forwardedFor, forwarded: forwarded)
        if let ip { storage[ClientAddressKey.self] = ip }
        return ip
    }

    var clientAddress: String { clientIP?.description ?? "unknown" }
}

/// Puts the client's network (never the whole address) on every log line of the request.
struct ClientAddressLogMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let ip = req.clientIP { req.logger[metadataKey: "client_net"] = .string(ip.anonymised) }
        return try await next.respond(to: req)
    }
}
