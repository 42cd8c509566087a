import Vapor
import ContactCenter

/// The carrier's webhooks (TwiML, form-encoded POSTs signed with `X-Twilio-Signature`):
/// `/voice/incoming` a new call, `/voice/step` the keys of a step, `/voice/wait` the queue's
/// wait music, `/voice/wait-key` a key pressed while waiting, `/voice/queued` the caller left the queue, `/voice/dialed` the end of a Dial,
/// `/voice/recorded` the end of a voicemail, `/voice/status` and `/voice/recording` reports.
/// An unsigned or wrongly signed request gets 403 and changes nothing.
struct VoiceController: RouteCollection {
    static let maxBody: ByteCount = "64kb"

    func boot(routes: any RoutesBuilder) throws {
        let voice = routes.grouped("voice")
        let hooks: [(String, @Sendable (Request) async throws -> Response)] = [
            ("incoming", incoming), ("step", step), ("wait", wait), ("queued", queued), ("dialed", dialed), ("recorded", recorded),
            ("status", status), ("recording", recording), ("agent", leg), ("monitor", leg), ("leg-status", legStatus), ("requeue", requeue),
            ("wait-key", waitKey),
        ]
        for (path, handler) in hooks { voice.on(.POST, PathComponent(stringLiteral: path), body: .collect(maxSize: Self.maxBody), use: handler) }
    }

    /// A verified request: its parameters, the call it is about and what identifies it.
    struct Signed {
        let parameters: [String: String]
        let callSid: String
        let key: String
        let seq: Int?
        subscript(_ name: String) -> String? { parameters[name] }
    }

    static func verified(_ req: Request) throws -> Signed {
        guard let token = req.services.config.voice.authToken else { throw Abort(.serviceUnavailable, reason: "voice is not configured (VOICE_AUTH_TOKEN)") }
        let parameters = formParameters(req.body.string ?? "")
        guard CarrierSignature.isValid(req, parameters: parameters, token: token, publicURL: req.services.config.publicURL) else {
            throw Abort(.forbidden, reason: "X-Twilio-Signature does not match")
        }
        guard let sid = parameters["CallSid"], !sid.isEmpty, sid.count <= 64 else { throw Abort(.badRequest, reason: "CallSid: missing") }
        let url = CarrierSignature.url(of: req, publicURL: req.services.config.publicURL)
        return Signed(parameters: parameters, callSid: sid, key: VoiceService.requestKey(url: url, parameters: parameters),
                      seq: (try? req.query.get(String.self, at: "seq")).flatMap { Int($0) })
    }

    /// `application/x-www-form-urlencoded` as the carrier sends it (the values it signed).
    static func formParameters(_ body: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String { String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s) }
            out[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return out
    }

    static func twiml(_ body: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "xml", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    /// The refusals of carrier requests as HTTP statuses with a reason.
    static func mapped(_ body: () async throws -> String) async throws -> Response {
        do { return twiml(try await body()) }
        catch VoiceRequestError.unknownCall { throw Abort(.notFound, reason: "CallSid: no such call") }
        catch VoiceRequestError.stale { throw Abort(.conflict, reason: "seq: this step of the call has been answered already") }
        catch VoiceRequestError.badDigits { throw Abort(.badRequest, reason: "Digits: only 0-9, * and # (at most 32)") }
    }

    @Sendable func incoming(req: Request) async throws -> Response {
        let s = try Self.verified(req)
        return try await Self.mapped { try await VoiceService(req).incoming(sid: s.callSid, from: s["From"] ?? "anonymous", to: s["To"], key: s.key) }
    }

    @Sendable func step(req: Request) async throws -> Response {
        let s = try Self.verified(req)
        return try await Self.mapped { try await VoiceService(req).step(sid: s.callSid, seq: s.seq, digits: s["Digits"], key: s.key) }
    }

    @Sendable func wait(req: Request) async throws -> Response {
        let s = try Self.verified(req)
        return try await Self.mapped { try await VoiceService(req).wait(sid: s.callSid) }
    }

    /// A key pressed while waiting in the queue (information, a callback that keeps the place).
    @Sendable func waitKey(req: Request) async throws -> Response {
        let s = try Self.verified(req)
        return try await Self.mapped { try await VoiceService(req).waitKey(sid: s.callSid, digits: s["Digits"]) }
    }

    @Sendable func queued(req: Request) async throws -> Response {
        let s = try Self.verified(req)
        return try await Self.mapped { try await VoiceService(req).queued(sid: s.callSid, seq: s.seq, result: s["QueueResult"] ?? "", key: s.key) }
    }

    @Sendable func dialed(req: Request) async throws -> Response {
        let s = try Self.verified(req)
        return try await Self.mapped { try await VoiceService(req).dialed(sid: s.callSid, seq: s.seq, status: s["DialCallStatus"] ?? "", key: s.key) }
    }

    @Sendable func recorded(req: Request) async throws -> Response {
        let s = try Self.verified(req)
        return try await Self.mapped { try await VoiceService(req).recorded(sid: s.callSid, seq: s.seq, key: s.key) }
    }

    @Sendable func status(req: Request) async throws -> Response {
        let s = try Self.verified(req)
        return try await Self.mapped {
            try await VoiceService(req).status(sid: s.callSid, status: s["CallStatus"] ?? "")
            return TwiML.document([])
        }
    }

    /// A call the system placed (a consultant or supervisor) asks what to do: join the conference.
    @Sendable func leg(req: Request) async throws -> Response {
        let s = try Self.verified(req)
        let interaction = (try? req.query.get(String.self, at: "interaction")).flatMap(UUID.init(uuidString:))
        return try await Self.mapped { try await VoiceService(req).legAnswer(sid: s.callSid, interaction: interaction) }
    }

    @Sendable func legStatus(req: Request) async throws -> Response {
        let s = try Self.verified(req)
        return try await Self.mapped {
            // A Dial's end in a leg's answer reports DialCallStatus; the leg's own status callback CallStatus.
            try await VoiceService(req).legStatus(sid: s.callSid, status: s["CallStatus"] ?? "")
            return TwiML.document(s["DialCallStatus"] == nil ? [] : [.hangup])
        }
    }

    @Sendable func requeue(req: Request) async throws -> Response {
        let s = try Self.verified(req)
        return try await Self.mapped {
            try await VoiceService(req).requeued(sid: s.callSid, seq: s.seq, status: (try? req.query.get(String.self, at: "status")) ?? "failed", key: s.key)
        }
    }

    @Sendable func recording(req: Request) async throws -> Response {
        let s = try Self.verified(req)
        guard let rsid = s["RecordingSid"], !rsid.isEmpty, let url = s["RecordingUrl"], url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw Abort(.badRequest, reason: "RecordingSid, RecordingUrl: missing")
        }
        return try await Self.mapped {
            try await VoiceService(req).recording(sid: s.callSid, recordingSid: rsid, url: url, duration: Int(s["RecordingDuration"] ?? "") ?? 0,
                                                  status: s["RecordingStatus"] ?? "completed")
            return TwiML.document([])
        }
    }
}
