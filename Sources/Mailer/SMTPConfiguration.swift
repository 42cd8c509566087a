import Foundation

public struct SMTPConfiguration: Sendable, Equatable {
    public enum Security: String, Sendable { case none, starttls, tls }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// The name this system greets the server with (EHLO).
    public var heloName: String
    /// A PEM file of certificates to trust in addition to the system's (a private CA).
    public var caFile: String?
    public var timeout: TimeInterval

    public init(host: String, port: Int, security: Security, username: String? = nil, password: String? = nil,
                heloName: String = "localhost", caFile: String? = nil, timeout: TimeInterval = 30) {
        self.host = host; self.port = port; self.security = security; self.username = username
        self.password = password; self.heloName = heloName; self.caFile = caFile; self.timeout = timeout
    }
}

public enum SMTPError: Error, Equatable, CustomStringConvertible {
    case unexpectedReply(command: String, code: Int, text: String)
    case connectionClosed
    case timeout
    case startTLSUnavailable

    public var description: String {
        switch self {
        case let .unexpectedReply(command, code, text): "SMTP \(command): \(code) \(text)"
        case .connectionClosed: "SMTP connection closed"
        case .timeout: "SMTP timeout"
        case .startTLSUnavailable: "SMTP server does not offer STARTTLS"
        }
    }

    /// 5xx replies are permanent (the message will never go through as it is).
    public var isPermanent: Bool {
        if case let .unexpectedReply(_, code, _) = self { return code >= 500 }
        return false
    }
}
