import Fluent
import SQLKit
import Foundation

/// A call the system placed for a conversation in a conference: the consultant's leg, or a
/// supervisor listening (muted) or coaching (heard by the consultant only).
public struct VoiceLeg: Sendable, Equatable {
    public enum Role: String, Sendable { case agent, listen, coach }
    public var callSid: String
    public var interactionID: UUID
    public var role: Role
    public var staffID: String
    public var status: String
    public var createdAt: Date
    public var endedAt: Date?

    public init(callSid: String, interactionID: UUID, role: Role, staffID: String, status: String = "queued", createdAt: Date, endedAt: Date? = nil) {
        self.callSid = callSid; self.interactionID = interactionID; self.role = role; self.staffID = staffID; self.status = status
        self.createdAt = createdAt; self.endedAt = endedAt
    }

    public var isLive: Bool { endedAt == nil }
}

extension VoiceStore {
    public func add(_ leg: VoiceLeg) async throws {
        try await sql.insert(into: "voice_legs").columns("call_sid", "interaction_id", "role", "staff_id", "status", "created_at", "ended_at")
            .values(SQLBind(leg.callSid), SQLBind(leg.interactionID), SQLBind(leg.role.rawValue), SQLBind(leg.staffID), SQLBind(leg.status),
                    SQLBind(leg.createdAt), SQLBind(leg.endedAt)).run()
    }

    public func legs(interaction id: UUID) async throws -> [VoiceLeg] {
        try await sql.select().column("*").from("voice_legs").where("interaction_id", .equal, SQLBind(id)).orderBy("created_at").all().map(Self.leg)
    }

    public func leg(_ sid: String) async throws -> VoiceLeg? {
        try await sql.select().column("*").from("voice_legs").where("call_sid", .equal, SQLBind(sid)).first().map(Self.leg)
    }

    /// The carrier's status of a leg; a final one ends it.
    public func setLegStatus(_ sid: String, _ status: String, now: Date) async throws {
        let final = ["completed", "busy", "failed", "no-answer", "canceled"].contains(status)
        var update = sql.update("voice_legs").set("status", to: SQLBind(status)).where("call_sid", .equal, SQLBind(sid))
        if final { update = update.set("ended_at", to: SQLBind(now)).where(SQLColumn("ended_at"), .is, SQLLiteral.null) }
        try await update.run()
    }

    static func leg(_ row: any SQLRow) throws -> VoiceLeg {
        VoiceLeg(callSid: try row.decode(column: "call_sid", as: String.self), interactionID: try row.decode(column: "interaction_id", as: UUID.self),
                 role: VoiceLeg.Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .listen,
                 staffID: try row.decode(column: "staff_id", as: String.self), status: try row.decode(column: "status", as: String.self),
                 createdAt: try row.decode(column: "created_at", as: Date.self),
                 endedAt: try row.decodeNil(column: "ended_at") ? nil : row.decode(column: "ended_at", as: Date.self))
    }
}
