import Fluent
import SQLKit
import Foundation
import ContactCenter

/// A call the carrier is walking through the flow: where it is (`call`), the step counter the
/// carrier's next request must carry (`seq`), and the last request and answer so that a
/// carrier repeating a request gets the same answer and nothing happens twice.
public struct VoiceCallRecord: Sendable, Equatable {
    public var callSid: String
    public var caller: String
    public var call: IVRCall
    public var seq: Int
    public var interactionID: UUID?
    /// The carrier's last call status (in-progress, completed, busy, no-answer, failed, canceled).
    public var status: String
    public var lastKey: String
    public var lastResponse: String
    /// When the caller last heard their place in the queue.
    public var announcedAt: Date?
    public var createdAt: Date
    /// The number dialled (`VoiceLine.number`), when the carrier said and it is mapped.
    public var line: String?

    public init(callSid: String, caller: String, call: IVRCall, seq: Int = 1, interactionID: UUID? = nil, status: String = "in-progress",
                lastKey: String, lastResponse: String, announcedAt: Date? = nil, createdAt: Date, line: String? = nil) {
        self.callSid = callSid; self.caller = caller; self.call = call; self.seq = seq; self.interactionID = interactionID; self.status = status
        self.lastKey = lastKey; self.lastResponse = lastResponse; self.announcedAt = announcedAt; self.createdAt = createdAt; self.line = line
    }
}

/// Calls: the IVR state of each call the carrier reported, linked to its contact.
extension VoiceStore {
    public func call(_ sid: String) async throws -> VoiceCallRecord? {
        try await sql.select().column("*").from("ivr_calls").where("call_sid", .equal, SQLBind(sid)).first().map(Self.call)
    }

    public func call(interaction id: UUID) async throws -> VoiceCallRecord? {
        try await sql.select().column("*").from("ivr_calls").where("interaction_id", .equal, SQLBind(id)).first().map(Self.call)
    }

    /// False when the carrier already started this call (a repeated request).
    public func insert(_ c: VoiceCallRecord, now: Date) async throws -> Bool {
        guard try await call(c.callSid) == nil else { return false }
        do {
            try await sql.insert(into: "ivr_calls")
                .columns("call_sid", "caller", "flow_version", "state", "seq", "interaction_id", "status", "last_key", "last_response",
                         "announced_at", "created_at", "updated_at", "line")
                .values(SQLBind(c.callSid), SQLBind(c.caller), SQLBind(c.call.flowVersion), SQLBind(try Self.state(c.call)), SQLBind(c.seq),
                        SQLBind(c.interactionID), SQLBind(c.status), SQLBind(c.lastKey), SQLBind(c.lastResponse), SQLBind(c.announcedAt),
                        SQLBind(c.createdAt), SQLBind(now), SQLBind(c.line))
                .run()
            return true
        } catch {
            // The same call started by a request running at the same moment.
            if try await call(c.callSid) != nil { return false }
            throw error
        }
    }

    /// Stores the call's next state — only if nobody moved it on meanwhile (the step counter is
    /// still `expectedSeq`); false otherwise.
    public func update(_ c: VoiceCallRecord, expectedSeq: Int, now: Date) async throws -> Bool {
        let rows = try await sql.raw("""
            UPDATE ivr_calls SET state = \(bind: try Self.state(c.call)), seq = \(bind: c.seq), interaction_id = \(bind: c.interactionID), \
            status = \(bind: c.status), last_key = \(bind: c.lastKey), last_response = \(bind: c.lastResponse), \
            announced_at = \(bind: c.announcedAt), updated_at = \(bind: now) \
            WHERE call_sid = \(bind: c.callSid) AND seq = \(bind: expectedSeq) RETURNING call_sid
            """).all()
        return !rows.isEmpty
    }

    public func setStatus(_ sid: String, _ status: String, now: Date) async throws {
        try await sql.update("ivr_calls").set("status", to: SQLBind(status)).set("updated_at", to: SQLBind(now))
            .where("call_sid", .equal, SQLBind(sid)).run()
    }

    /// The contact a call became when it was not queued by a step (a voicemail).
    public func link(_ sid: String, interaction: UUID) async throws {
        try await sql.update("ivr_calls").set("interaction_id", to: SQLBind(interaction)).where("call_sid", .equal, SQLBind(sid)).run()
    }

    public func setAnnounced(_ sid: String, at: Date) async throws {
        try await sql.update("ivr_calls").set("announced_at", to: SQLBind(at)).where("call_sid", .equal, SQLBind(sid)).run()
    }

    /// Versions some call still in progress is walking (they stay loadable while edited flows move on).
    public func versionsInUse() async throws -> Set<Int> {
        Set(try await sql.raw("SELECT DISTINCT flow_version FROM ivr_calls WHERE status IN ('queued', 'ringing', 'in-progress')").all()
            .map { try $0.decode(column: "flow_version", as: Int.self) })
    }

    /// Forgets the IVR state of calls last touched before `before` (the caller's number and keys
    /// stay only with the contact they became) and the legs of those days; how many calls.
    public func forgetCalls(before: Date) async throws -> Int {
        let old = try await sql.raw("SELECT COUNT(*) AS n FROM ivr_calls WHERE updated_at < \(bind: before)").first()?.decode(column: "n", as: Int.self) ?? 0
        try await sql.delete(from: "ivr_calls").where("updated_at", .lessThan, SQLBind(before)).run()
        try await sql.delete(from: "voice_legs").where("created_at", .lessThan, SQLBind(before)).run()
        return old
    }

    static func state(_ call: IVRCall) throws -> String { String(decoding: try encoder.encode(call), as: UTF8.self) }

    static func call(_ row: any SQLRow) throws -> VoiceCallRecord {
        let call = try JSONDecoder().decode(IVRCall.self, from: Data(try row.decode(column: "state", as: String.self).utf8))
        return VoiceCallRecord(callSid: try row.decode(column: "call_sid", as: String.self), caller: try row.decode(column: "caller", as: String.self),
                               call: call, seq: try row.decode(column: "seq", as: Int.self),
                               interactionID: try row.decodeNil(column: "interaction_id") ? nil : row.decode(column: "interaction_id", as: UUID.self),
                               status: try row.decode(column: "status", as: String.self), lastKey: try row.decode(column: "last_key", as: String.self),
                               lastResponse: try row.decode(column: "last_response", as: String.self),
                               announcedAt: try row.decodeNil(column: "announced_at") ? nil : row.decode(column: "announced_at", as: Date.self),
                               createdAt: try row.decode(column: "created_at", as: Date.self),
                               line: try row.decodeNil(column: "line") ? nil : row.decode(column: "line", as: String.self))
    }
}
