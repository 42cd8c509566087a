import Fluent
import SQLKit
import Foundation
import ContactCenter

/// A recording the carrier made of a call with a consultant or of a voicemail; the audio stays
/// with the carrier (`url`), this is what we know of it and until when it may be kept.
public struct VoiceRecording: Sendable, Equatable {
    public enum Kind: String, Sendable { case conversation, voicemail }
    public var id = UUID()
    public var interactionID: UUID
    public var callSid: String
    public var recordingSid: String
    public var url: String
    public var durationSeconds: Int
    public var kind: Kind
    public var createdAt: Date
    public var deleteAfter: Date

    public init(interactionID: UUID, callSid: String, recordingSid: String, url: String, durationSeconds: Int, kind: Kind, createdAt: Date, deleteAfter: Date) {
        self.interactionID = interactionID; self.callSid = callSid; self.recordingSid = recordingSid; self.url = url
        self.durationSeconds = durationSeconds; self.kind = kind; self.createdAt = createdAt; self.deleteAfter = deleteAfter
    }
}

/// Recordings: what the carrier recorded, kept until their retention date.
extension VoiceStore {
    /// Stores what the carrier reported; a repeated report of the same recording changes nothing.
    public func add(_ r: VoiceRecording) async throws {
        guard try await sql.select().column("id").from("voice_recordings").where("recording_sid", .equal, SQLBind(r.recordingSid)).first() == nil else { return }
        try await sql.insert(into: "voice_recordings")
            .columns("id", "interaction_id", "call_sid", "recording_sid", "url", "duration_seconds", "kind", "created_at", "delete_after")
            .values(SQLBind(r.id), SQLBind(r.interactionID), SQLBind(r.callSid), SQLBind(r.recordingSid), SQLBind(r.url), SQLBind(r.durationSeconds),
                    SQLBind(r.kind.rawValue), SQLBind(r.createdAt), SQLBind(r.deleteAfter)).run()
    }

    public func recordings(interaction id: UUID) async throws -> [VoiceRecording] {
        try await sql.select().column("*").from("voice_recordings").where("interaction_id", .equal, SQLBind(id)).orderBy("created_at").all().map(Self.recording)
    }

    /// How many recordings each of these contacts has (absent: none).
    public func recordingCounts(interactions ids: [UUID]) async throws -> [UUID: Int] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().column("interaction_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("voice_recordings")
            .where("interaction_id", .in, SQLBind.group(ids)).groupBy("interaction_id").all()
        return Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(column: "interaction_id", as: UUID.self), try $0.decode(column: "n", as: Int.self)) })
    }

    public func recording(_ id: UUID) async throws -> VoiceRecording? {
        try await sql.select().column("*").from("voice_recordings").where("id", .equal, SQLBind(id)).first().map(Self.recording)
    }

    /// Forgets recordings past their retention, in one transaction with queueing the carrier's
    /// copies for deletion (see `CarrierDeletionStore`); how many were forgotten.
    public func expireRecordings(now: Date) async throws -> Int {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            let sids = try await sql.select().column("recording_sid").from("voice_recordings").where("delete_after", .lessThan, SQLBind(now)).all()
                .map { try $0.decode(column: "recording_sid", as: String.self) }
            guard !sids.isEmpty else { return 0 }
            try await sql.delete(from: "voice_recordings").where("delete_after", .lessThan, SQLBind(now)).run()
            try await CarrierDeletionStore(db: tx).enqueue(sids, now: now)
            return sids.count
        }
    }

    static func recording(_ row: any SQLRow) throws -> VoiceRecording {
        var r = VoiceRecording(interactionID: try row.decode(column: "interaction_id", as: UUID.self), callSid: try row.decode(column: "call_sid", as: String.self),
                               recordingSid: try row.decode(column: "recording_sid", as: String.self), url: try row.decode(column: "url", as: String.self),
                               durationSeconds: try row.decode(column: "duration_seconds", as: Int.self),
                               kind: VoiceRecording.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .conversation,
                               createdAt: try row.decode(column: "created_at", as: Date.self), deleteAfter: try row.decode(column: "delete_after", as: Date.self))
        r.id = try row.decode(column: "id", as: UUID.self)
        return r
    }
}
