import Access
import Foundation
import Views
import Mailer
import Directory
import Reporting
import Privacy
import ContactCenter

/// All configuration, read once from the environment. Defaults make `swift run zielona serve`
/// work with nothing set; production mode refuses to start without the secrets.
public struct AppConfig: Sendable {
    public enum Mode: String, Sendable { case development, production, testing }

    public var mode: Mode
    public var dataDirectory: URL
    /// `sqlite:///path`, `postgres://user:pass@host:port/db`; nil means SQLite in the data directory.
    public var databaseURL: String?
    public var databasePoolSize: Int
    /// bcrypt cost; lower only in tests.
    public var bcryptCost: Int
    /// PostgreSQL schema to use (search_path); nil for the server's default.
    public var databaseSchema: String?
    public var loadDemoData: Bool
    public var publicURL: String
    /// Load balancers whose X-Forwarded-For / Forwarded headers name the client (TRUSTED_PROXIES).
    public var trustedProxies = TrustedProxies()
    /// The domain of Message-IDs of the mail this system sends.
    public var messageIDDomain: String { URLComponents(string: publicURL)?.host ?? "localhost" }
    public var logFormat: String
    public var operatorInfo: OperatorInfo
    /// nil: e-mail stays in the outbox (and on /dev/mail outside production).
    public var smtp: SMTPConfiguration?
    public var mailFrom: String
    public var mailFromName: String
    public var outboxPollSeconds: Double
    /// A request with no response after this long is answered 503 (see `RequestDeadlineMiddleware`).
    public var requestTimeoutSeconds: Double = 60
    /// PostgreSQL: a statement unanswered this long that the server is not running has its
    /// connection closed (see `StallGuardedDatabase`).
    public var databaseStatementTimeoutSeconds: Double = 5
    /// Requests in the works at once past which a new one is answered 503 at once (calls,
    /// desktops and the health check have twice the room).
    public var maxRequestsInFlight: Int = 256
    /// After a contact ends, the consultant has this long for notes before new offers arrive.
    public var wrapUpSeconds: Double
    /// Address of a sign-language video meeting; `{room}` becomes a room name nobody can guess.
    public var videoMeetingURL: String = "https://meet.jit.si/{room}"
    /// The mailbox the e-mail channel reads; nil: no e-mail channel.
    public var imap: IMAPConfiguration? = nil
    public var mailPollSeconds: Double = 30
    /// The address clients write to; replies carry it as Reply-To, and mail from it is never answered.
    public var serviceAddress: String = "kontakt@localhost"
    /// The office for mail that names none (an unknown sender, no +office in the address).
    public var mailDefaultOffice: String = "pup-2002"
    /// The office the national returns questions (`/returns`) are reported under and whose
    /// consultants see them first; the national pool takes them at once too.
    public var returnsOffice: String = "pup-2002"
    /// The push services Web Push messages may be sent to (the endpoints browsers give are
    /// addresses this server will call: only these hosts, over HTTPS; a host given with
    /// `http://` here is allowed over plain HTTP, for a test push service on the loopback).
    public var pushServiceHosts: [String] = AppConfig.defaultPushServices
    public static let defaultPushServices = ["fcm.googleapis.com", "updates.push.services.mozilla.com", "web.push.apple.com", "*.notify.windows.com"]
    /// Larger messages are kept as their header only.
    public var mailMaxBytes: Int = 10 * 1_024 * 1_024
    /// The SMS gateway (Kannel's sendsms interface); nil: text messages wait in their outbox.
    public var smsGateway: SMSGatewayConfiguration? = nil
    /// The secret of the gateway's calls to /sms/inbound; nil: inbound SMS are refused.
    public var smsCallbackToken: String? = nil
    /// When the contact centre answers (chat, callbacks, video); Polish public holidays are closed.
    public var contactCentreHours: WeeklyHours = .contactCentre
    /// T and target of the service level per channel, as the reports compute them.
    public var reportTargets: ServiceTargets = .standard
    /// The router's overflow rule; its thresholds are the reports' (`routingPolicy`).
    public var routing = RoutingPolicy()

    /// The router's policy with each channel's threshold taken from `REPORT_TARGETS`: a call
    /// overflows when it would miss what the reports count as answered in time.
    public var routingPolicy: RoutingPolicy {
        var policy = routing
        for channel in Channel.allCases { if let t = reportTargets.byChannel[channel.rawValue] { policy.answerWithin[channel] = t.answerWithin } }
        return policy
    }
    /// Base64 of 32 bytes; the key that encrypts personal identifiers at rest.
    public var dataKeyBase64: String?
    /// The data key being replaced, while `zielona keys rotate` moves what it sealed to the new one.
    public var previousDataKeyBase64: String?
    public var voice = VoiceConfiguration()
    /// When accounts nobody signs in to are warned and deleted.
    public var accountInactivity: AccountInactivity = .standard

    public static let variables: [(name: String, defaultValue: String, meaning: String)] = [
        ("APP_ENV", "development", "development, production or testing; production requires ZIELONA_DATA_KEY and disables demo data"),
        ("PORT", "8080", "HTTP port (also --port)"),
        ("DATA_DIR", "./data", "directory for the SQLite database and the development key"),
        ("DATABASE_URL", "sqlite in DATA_DIR/zielona.sqlite", "postgres://user:password@host:5432/db selects PostgreSQL"),
        ("DATABASE_POOL_SIZE", "8", "database connections per event loop (PostgreSQL)"),
        ("DATABASE_SCHEMA", "(server default)", "PostgreSQL schema (search_path) to use"),
        ("BCRYPT_COST", "12", "bcrypt cost for passwords (at least 10 in production)"),
        ("DEMO_DATA", "true (false in production)", "load the demo data set on start"),
        ("PUBLIC_URL", "http://127.0.0.1:8080", "the address visitors and carriers use"),
        ("TRUSTED_PROXIES", "(none)", "comma-separated addresses or CIDR ranges of load balancers; only their X-Forwarded-For/Forwarded headers are believed"),
        ("REPORT_TARGETS", "voice=20:0.8,video=60:0.8,chat=60:0.8,callback=14400:0.9,email=28800:0.9,web_form=28800:0.9,sms=28800:0.9",
         "service-level threshold T in seconds and target share per channel, as the reports compute them"),
        ("ROUTING_OVERFLOW", "predictive", "predictive: a contact goes to other offices as soon as its own would answer it only after its REPORT_TARGETS threshold; time: only after the waits below"),
        ("ROUTING_VOIVODESHIP_AFTER", "60", "seconds of waiting after which a contact goes to its voivodeship's other offices in any case"),
        ("ROUTING_NATIONAL_AFTER", "180", "seconds of waiting after which a contact goes to the national pool in any case"),
        ("RETENTION_ACCOUNT_INACTIVE_DAYS", "1095", "days without a sign-in after which a portal account is deleted (its owner warned first)"),
        ("RETENTION_ACCOUNT_WARNING_DAYS", "30", "how many days before that deletion its owner is warned by e-mail"),
        ("LOG_LEVEL", "info", "trace, debug, info, notice, warning, error, critical"),
        ("LOG_FORMAT", "text", "text or json (one JSON object per line)"),
        ("SMTP_HOST", "(none: mail stays in the outbox, shown on /dev/mail outside production)", "SMTP server for system e-mail"),
        ("SMTP_PORT", "587 (465 with SMTP_SECURITY=tls)", "SMTP port"),
        ("SMTP_SECURITY", "starttls", "none, starttls or tls (implicit TLS)"),
        ("SMTP_USERNAME, SMTP_PASSWORD", "(none)", "credentials for AUTH PLAIN/LOGIN"),
        ("SMTP_CA_FILE", "(system trust store)", "PEM file of a private CA to trust"),
        ("SMTP_FROM", "noreply@<PUBLIC_URL host>", "sender address"),
        ("SMTP_FROM_NAME", "Zielona Linia", "sender name"),
        ("OUTBOX_POLL_SECONDS", "5", "how often the sender looks for due messages"),
        ("REQUEST_TIMEOUT_SECONDS", "60", "a request with no response after this long is answered 503 (a database call that never returns)"),
        ("DATABASE_STATEMENT_TIMEOUT_SECONDS", "5", "PostgreSQL, `serve`: a statement with no answer after this long is looked up on the server; if the server is not running it (the connection is dead), it fails and its connection is closed and replaced; one still running is looked at again after as long (schema changes and other commands are not watched)"),
        ("WRAP_UP_SECONDS", "30", "after-contact work time before a consultant gets new offers"),
        ("IMAP_HOST", "(none: no e-mail channel)", "mailbox of the e-mail channel, read over IMAP"),
        ("IMAP_PORT", "993 (143 with IMAP_SECURITY=starttls or none)", "IMAP port"),
        ("IMAP_SECURITY", "tls", "tls (implicit), starttls or none"),
        ("IMAP_USERNAME, IMAP_PASSWORD", "(none)", "the mailbox's login"),
        ("IMAP_MAILBOX", "INBOX", "folder to read"),
        ("IMAP_CA_FILE", "(system trust store)", "PEM file of a private CA to trust"),
        ("MAIL_POLL_SECONDS", "30", "how often the mailbox is read"),
        ("MAIL_SERVICE_ADDRESS", "kontakt@<PUBLIC_URL host>", "the address clients write to (Reply-To of replies; never answered automatically)"),
        ("MAIL_DEFAULT_OFFICE", "pup-2002", "office for mail from unknown senders that names no office (kontakt+OFFICE@… names one)"),
        ("RETURNS_OFFICE", "pup-2002", "office under which questions about returning to Poland (/returns) are queued; the national pool answers them too"),
        ("PUSH_SERVICE_HOSTS", AppConfig.defaultPushServices.joined(separator: ","),
         "push services Web Push may be sent to (comma-separated hosts, `*.` for subdomains; `http://host:port` allows a plain-HTTP test service)"),
        ("MAIL_MAX_BYTES", "10485760", "larger messages are kept as their header only"),
        ("SMS_GATEWAY_URL", "(none: SMS wait in their outbox)", "Kannel sendsms address, e.g. http://127.0.0.1:13013/cgi-bin/sendsms"),
        ("SMS_GATEWAY_USERNAME, SMS_GATEWAY_PASSWORD", "(none)", "the sendsms-user of the gateway"),
        ("SMS_SENDER", "19524", "sender shown on the phone"),
        ("SMS_CALLBACK_TOKEN", "(none: inbound SMS refused)", "secret the gateway's get-url carries to /sms/inbound (replies, STOP)"),
        ("CONTACT_CENTRE_HOURS", "mon-fri 08:00-18:00", "when the contact centre answers chats, callbacks and video calls (public holidays closed)"),
        ("VIDEO_MEETING_URL", "https://meet.jit.si/{room}", "video service for sign-language consultations; {room} is replaced by a random room name"),
    ] + VoiceConfiguration.variables + [
        ("ZIELONA_DATA_KEY", "generated into DATA_DIR/data-key (development only)", "base64 of 32 random bytes: encrypts PESEL and other identifiers"),
        ("ZIELONA_PREVIOUS_DATA_KEY", "(none)", "the data key being replaced: still read until `zielona keys rotate` reports done"),
        ("OPERATOR_NAME", "Centrum Informacyjno-Konsultacyjne Służb Zatrudnienia – Zielona Linia", "who runs this deployment"),
        ("OPERATOR_ADDRESS", "ul. Cieszyńska 3a, 15-371 Białystok", "postal address of the operator"),
        ("OPERATOR_EMAIL", "(none)", "public e-mail of the operator"),
        ("A11Y_CONTACT_NAME", "the operator", "person handling accessibility requests"),
        ("A11Y_CONTACT_EMAIL", "OPERATOR_EMAIL", "their e-mail"),
        ("A11Y_CONTACT_PHONE", "19524", "their phone"),
        ("SITE_PUBLISHED_ON", "2026-11-23", "publication date for the accessibility statement"),
        ("SITE_UPDATED_ON", "2026-11-23", "last significant update, for the accessibility statement"),
    ]

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        let mode = Mode(rawValue: env["APP_ENV"] ?? "development") ?? .development
        let dataDir = URL(fileURLWithPath: env["DATA_DIR"] ?? "data", isDirectory: true,
                          relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)).standardizedFileURL
        let demoDefault = mode != .production
        let demo = env["DEMO_DATA"].map { ["1", "true", "yes"].contains($0.lowercased()) } ?? demoDefault
        guard let pool = Int(env["DATABASE_POOL_SIZE"] ?? "8"), pool > 0 else {
            throw ConfigError.invalid("DATABASE_POOL_SIZE", "a positive whole number")
        }
        guard let bcryptCost = Int(env["BCRYPT_COST"] ?? "12"), (4...31).contains(bcryptCost) else {
            throw ConfigError.invalid("BCRYPT_COST", "a whole number from 4 to 31")
        }
        if mode == .production && bcryptCost < 10 { throw ConfigError.invalid("BCRYPT_COST", "at least 10 in production") }
        if mode == .production && (env["ZIELONA_DATA_KEY"] ?? "").isEmpty {
            throw ConfigError.invalid("ZIELONA_DATA_KEY", "required in production: base64 of 32 random bytes (openssl rand -base64 32)")
        }
        let publicURL = env["PUBLIC_URL"] ?? "http://127.0.0.1:8080"
        let video = env["VIDEO_MEETING_URL"] ?? "https://meet.jit.si/{room}"
        guard video.hasPrefix("https://"), video.contains("{room}") else {
            throw ConfigError.invalid("VIDEO_MEETING_URL", "an https:// address containing {room}")
        }
        guard let wrapUp = Double(env["WRAP_UP_SECONDS"] ?? "30"), (0...3600).contains(wrapUp) else {
            throw ConfigError.invalid("WRAP_UP_SECONDS", "a number of seconds from 0 to 3600")
        }
        var hours = WeeklyHours.contactCentre
        if let notation = env["CONTACT_CENTRE_HOURS"], !notation.isEmpty {
            guard let parsed = WeeklyHours(notation: notation), !parsed.days.isEmpty else {
                throw ConfigError.invalid("CONTACT_CENTRE_HOURS", "days and hours such as \"mon-fri 08:00-18:00; sat 09:00-13:00\"")
            }
            hours = parsed
        }
        var reportTargets = ServiceTargets.standard
        if let notation = env["REPORT_TARGETS"], !notation.isEmpty {
            guard let parsed = ServiceTargets.parse(notation) else {
                throw ConfigError.invalid("REPORT_TARGETS", "channel=seconds:target pairs such as \"voice=20:0.8,chat=60:0.8\"")
            }
            reportTargets = parsed
        }
        var routing = RoutingPolicy()
        switch env["ROUTING_OVERFLOW"] ?? "predictive" {
        case "predictive", "": routing.predictive = true
        case "time": routing.predictive = false
        default: throw ConfigError.invalid("ROUTING_OVERFLOW", "predictive or time")
        }
        guard let voivodeshipAfter = TimeInterval(env["ROUTING_VOIVODESHIP_AFTER"] ?? "60"), voivodeshipAfter >= 0,
              let nationalAfter = TimeInterval(env["ROUTING_NATIONAL_AFTER"] ?? "180"), nationalAfter >= voivodeshipAfter else {
            throw ConfigError.invalid("ROUTING_VOIVODESHIP_AFTER", "seconds, with ROUTING_NATIONAL_AFTER at least as long")
        }
        routing.voivodeshipAfter = voivodeshipAfter; routing.nationalAfter = nationalAfter
        var imap: IMAPConfiguration? = nil
        if let host = env["IMAP_HOST"], !host.isEmpty {
            guard let security = IMAPConfiguration.Security(rawValue: env["IMAP_SECURITY"] ?? "tls") else {
                throw ConfigError.invalid("IMAP_SECURITY", "tls, starttls or none")
            }
            guard let port = Int(env["IMAP_PORT"] ?? (security == .tls ? "993" : "143")), (1...65535).contains(port) else {
                throw ConfigError.invalid("IMAP_PORT", "a port number")
            }
            guard let user = env["IMAP_USERNAME"], !user.isEmpty, let password = env["IMAP_PASSWORD"] else {
                throw ConfigError.invalid("IMAP_USERNAME", "IMAP_USERNAME and IMAP_PASSWORD are needed with IMAP_HOST")
            }
            imap = IMAPConfiguration(host: host, port: port, security: security, username: user, password: password,
                                     mailbox: env["IMAP_MAILBOX"].flatMap { $0.isEmpty ? nil : $0 } ?? "INBOX",
                                     caFile: env["IMAP_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 })
        }
        guard let mailPoll = Double(env["MAIL_POLL_SECONDS"] ?? "30"), mailPoll > 0 else {
            throw ConfigError.invalid("MAIL_POLL_SECONDS", "a positive number of seconds")
        }
        guard let mailMax = Int(env["MAIL_MAX_BYTES"] ?? "10485760"), mailMax >= 65_536 else {
            throw ConfigError.invalid("MAIL_MAX_BYTES", "a number of bytes, at least 65536")
        }
        var sms: SMSGatewayConfiguration? = nil
        if let url = env["SMS_GATEWAY_URL"], !url.isEmpty {
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else { throw ConfigError.invalid("SMS_GATEWAY_URL", "an http(s):// address") }
            sms = SMSGatewayConfiguration(url: url, username: env["SMS_GATEWAY_USERNAME"] ?? "", password: env["SMS_GATEWAY_PASSWORD"] ?? "",
                                          sender: env["SMS_SENDER"].flatMap { $0.isEmpty ? nil : $0 } ?? "19524")
        }
        var smtp: SMTPConfiguration? = nil
        if let host = env["SMTP_HOST"], !host.isEmpty {
            guard let security = SMTPConfiguration.Security(rawValue: env["SMTP_SECURITY"] ?? "starttls") else {
                throw ConfigError.invalid("SMTP_SECURITY", "none, starttls or tls")
            }
            guard let port = Int(env["SMTP_PORT"] ?? (security == .tls ? "465" : "587")), (1...65535).contains(port) else {
                throw ConfigError.invalid("SMTP_PORT", "a port number")
            }
            smtp = SMTPConfiguration(host: host, port: port, security: security, username: env["SMTP_USERNAME"],
                                     password: env["SMTP_PASSWORD"], heloName: URLComponents(string: publicURL)?.host ?? "localhost",
                                     caFile: env["SMTP_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 })
        }
        guard let poll = Double(env["OUTBOX_POLL_SECONDS"] ?? "5"), poll > 0 else {
            throw ConfigError.invalid("OUTBOX_POLL_SECONDS", "a positive number of seconds")
        }
        let email = env["OPERATOR_EMAIL"].flatMap { $0.isEmpty ? nil : $0 }
        var op = OperatorInfo(
            name: env["OPERATOR_NAME"] ?? "Centrum Informacyjno-Konsultacyjne Służb Zatrudnienia – Zielona Linia",
            address: env["OPERATOR_ADDRESS"] ?? "ul. Cieszyńska 3a, 15-371 Białystok",
            email: email,
            accessibilityContactName: env["A11Y_CONTACT_NAME"],
            accessibilityContactEmail: env["A11Y_CONTACT_EMAIL"] ?? email,
            accessibilityContactPhone: env["A11Y_CONTACT_PHONE"],
            siteURL: publicURL,
            publishedOn: env["SITE_PUBLISHED_ON"] ?? "2026-11-23",
            updatedOn: env["SITE_UPDATED_ON"] ?? "2026-11-23")
        if let v = env["PRIVACY_CONTROLLER"], !v.isEmpty { op.controllerName = v }
        if let v = env["PRIVACY_CONTROLLER_ADDRESS"], !v.isEmpty { op.controllerAddress = v }
        if let v = env["DPO_EMAIL"], !v.isEmpty { op.dpoEmail = v }
        if let v = env["DPO_ADDRESS"], !v.isEmpty { op.dpoAddress = v }
        var config = AppConfig(mode: mode, dataDirectory: dataDir, databaseURL: env["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 },
                         databasePoolSize: pool, bcryptCost: bcryptCost, databaseSchema: env["DATABASE_SCHEMA"].flatMap { $0.isEmpty ? nil : $0 },
                         loadDemoData: demo, publicURL: publicURL,
                         logFormat: env["LOG_FORMAT"] ?? "text", operatorInfo: op, smtp: smtp,
                         mailFrom: env["SMTP_FROM"] ?? "noreply@" + (URLComponents(string: publicURL)?.host ?? "localhost"),
                         mailFromName: env["SMTP_FROM_NAME"] ?? "Zielona Linia", outboxPollSeconds: poll,
                         wrapUpSeconds: wrapUp, videoMeetingURL: video, dataKeyBase64: env["ZIELONA_DATA_KEY"])
        guard let requestTimeout = Double(env["REQUEST_TIMEOUT_SECONDS"] ?? "60"), (1...3_600).contains(requestTimeout) else {
            throw ConfigError.invalid("REQUEST_TIMEOUT_SECONDS", "a number of seconds from 1 to 3600")
        }
        config.requestTimeoutSeconds = requestTimeout
        guard let statementTimeout = Double(env["DATABASE_STATEMENT_TIMEOUT_SECONDS"] ?? "5"), (1...3_600).contains(statementTimeout) else {
            throw ConfigError.invalid("DATABASE_STATEMENT_TIMEOUT_SECONDS", "a number of seconds from 1 to 3600")
        }
        config.databaseStatementTimeoutSeconds = statementTimeout
        guard let inFlight = Int(env["MAX_REQUESTS_IN_FLIGHT"] ?? "256"), (1...100_000).contains(inFlight) else {
            throw ConfigError.invalid("MAX_REQUESTS_IN_FLIGHT", "a whole number from 1 to 100000")
        }
        config.maxRequestsInFlight = inFlight
        config.previousDataKeyBase64 = env["ZIELONA_PREVIOUS_DATA_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        config.contactCentreHours = hours
        config.reportTargets = reportTargets
        config.routing = routing
        switch TrustedProxies.parse(env["TRUSTED_PROXIES"] ?? "") {
        case .success(let proxies): config.trustedProxies = proxies
        case .failure(let bad): throw ConfigError.invalid("TRUSTED_PROXIES", "\"\(bad.text)\" is not an IP address or CIDR range")
        }
        config.smsGateway = sms
        config.smsCallbackToken = env["SMS_CALLBACK_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        config.imap = imap; config.mailPollSeconds = mailPoll; config.mailMaxBytes = mailMax
        config.serviceAddress = env["MAIL_SERVICE_ADDRESS"].flatMap { $0.isEmpty ? nil : $0.lowercased() }
            ?? "kontakt@" + (URLComponents(string: publicURL)?.host ?? "localhost")
        config.mailDefaultOffice = env["MAIL_DEFAULT_OFFICE"].flatMap { $0.isEmpty ? nil : $0 } ?? "pup-2002"
        config.returnsOffice = env["RETURNS_OFFICE"].flatMap { $0.isEmpty ? nil : $0 } ?? "pup-2002"
        if let hosts = env["PUSH_SERVICE_HOSTS"], !hosts.isEmpty {
            config.pushServiceHosts = hosts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        config.voice = try VoiceConfiguration.fromEnvironment(env, production: mode == .production)
        guard let inactive = Int(env["RETENTION_ACCOUNT_INACTIVE_DAYS"] ?? "1095"), (30...36_500).contains(inactive) else {
            throw ConfigError.invalid("RETENTION_ACCOUNT_INACTIVE_DAYS", "a whole number of days from 30 to 36500")
        }
        guard let warning = Int(env["RETENTION_ACCOUNT_WARNING_DAYS"] ?? "30"), (1..<inactive).contains(warning) else {
            throw ConfigError.invalid("RETENTION_ACCOUNT_WARNING_DAYS", "a whole number of days, at least 1 and fewer than RETENTION_ACCOUNT_INACTIVE_DAYS")
        }
        config.accountInactivity = AccountInactivity(inactiveDays: inactive, warningDays: warning)
        return config
    }

    /// A configuration for tests: in-memory SQLite unless `TEST_DATABASE_URL` names PostgreSQL.
    public static func testing(databaseURL: String? = nil) -> AppConfig {
        var c = try! fromEnvironment(["APP_ENV": "testing", "DEMO_DATA": "false", "BCRYPT_COST": "4"])
        c.databaseURL = databaseURL ?? "sqlite::memory:"
        c.dataKeyBase64 = Data(repeating: 7, count: 32).base64EncodedString()
        return c
    }
}

public enum ConfigError: Error, CustomStringConvertible {
    case invalid(String, String)
    public var description: String {
        switch self { case let .invalid(name, reason): "configuration: \(name) — \(reason)" }
    }
}
