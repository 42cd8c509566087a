import Vapor
import Identity
import ContactCenter
import Storage

/// What the SMS gateway calls: delivery reports (`/sms/dlr`, on the signed address each
/// message carried) and messages from phones (`/sms/inbound`, with the shared token of the
/// gateway's configuration). STOP (or NIE) stops every message to that number, START allows
/// them again; any other text becomes an SMS contact for the sender's office, routed like
/// every other channel.
struct SMSController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("sms", "dlr", use: deliveryReport)
        routes.get("sms", "inbound", use: inbound)
    }

    static let stopWords: Set<String> = ["STOP", "NIE", "STOPSMS", "UNSUBSCRIBE", "СТОП", "STOP ZL"]
    static let startWords: Set<String> = ["START", "TAK"]

    @Sendable func deliveryReport(req: Request) async throws -> Response {
        guard let id = (try? req.query.get(String.self, at: "id")).flatMap(UUID.init(uuidString:)),
              let sig = try? req.query.get(String.self, at: "sig"),
              SignedLink.checked(SignedLink.smsDeliveryReport, req.services.secrets, \.smsKey).isValid(id, signature: sig) else { throw Abort(.forbidden) }
        // Kannel: 1 delivered, 2 not delivered, 16 refused by the network; 4 and 8 are steps on the way.
        let status = (try? req.query.get(Int.self, at: "status")) ?? 0
        if status & 1 != 0 { try await SMSStore(db: req.db).report(id, delivered: true, now: Date()) }
        else if status & 2 != 0 || status & 16 != 0 { try await SMSStore(db: req.db).report(id, delivered: false, now: Date()) }
        return Response(status: .ok)
    }

    @Sendable func inbound(req: Request) async throws -> Response {
        guard let expected = req.services.config.smsCallbackToken, let token = try? req.query.get(String.self, at: "token"),
              Secrets.sameMAC(expected, token) else { throw Abort(.forbidden) }
        guard let from = try? PhoneNumber((try? req.query.get(String.self, at: "from")) ?? "") else { throw Abort(.badRequest, reason: "from: not a phone number") }
        let text = ((try? req.query.get(String.self, at: "text")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let word = text.uppercased()
        let now = try await ServerClock.now(req.db)
        if Self.stopWords.contains(word) {
            // The number and what waits for it change together: nobody sees one without the other.
            try await req.db.transaction { try await SMSStore(db: $0).optOut(from.value, source: "stop", now: now) }
            return Response(status: .ok)
        }
        if Self.startWords.contains(word) {
            try await SMSStore(db: req.db).optIn(from.value)
            return Response(status: .ok)
        }
        guard !text.isEmpty else { return Response(status: .ok) }
        let clients = try await ClientStore(db: req.db).find(contact: "phone", value: from.value)
        let client = clients.count == 1 ? clients[0] : nil
        let officeID = client?.officeID ?? req.services.config.mailDefaultOffice
        guard let office = try await req.directory.office(id: officeID) else { throw Abort(.internalServerError) }
        let i = Interaction(channel: .sms, clientID: client?.id, language: "pl", topic: ContactTopic.other.rawValue, officeID: office.id,
                            voivodeshipCode: office.voivodeshipCode, queuedAt: now)
        try await ContactCenterStore(db: req.db).enqueue(i, context: ContactContext(phone: from.value, message: String(text.prefix(1_000))), now: now)
        await req.application.desktopEvents.publish(DesktopMessage(agents: [], kind: "queue"), on: req.db, logger: req.logger)
        return Response(status: .ok)
    }
}
