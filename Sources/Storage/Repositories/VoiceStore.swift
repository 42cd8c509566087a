import Fluent
import SQLKit
import Foundation
import ContactCenter

/// One version of the IVR flow. A version without `publishedAt` is the draft being edited
/// (there is at most one, the newest); the published version with the highest number is the one
/// new calls take.
public struct IVRFlowVersion: Sendable, Equatable {
    public let version: Int
    public let flow: IVRFlow
    public let createdAt: Date
    public let createdBy: String
    public let publishedAt: Date?
    public let publishedBy: String?
    /// "rollback to 3" for a version that republished an older one.
    public let note: String?
}

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

    public init(callSid: String, caller: String, call: IVRCall, seq: Int = 1, interactionID: UUID? = nil, status: String = "in-progress",
                lastKey: String, lastResponse: String, announcedAt: Date? = nil, createdAt: Date) {
        self.callSid = callSid; self.caller = caller; self.call = call; self.seq = seq; self.interactionID = interactionID; self.status = status
        self.lastKey = lastKey; self.lastResponse = lastResponse; self.announcedAt = announcedAt; self.createdAt = createdAt
    }
}

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

public enum VoiceStoreError: Error, Equatable {
    /// Publishing refused: the flow has these problems.
    case invalid([String])
    case noDraft
    case unknownVersion
}

public struct VoiceStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }
    var sql: any SQLDatabase { db as! any SQLDatabase }
    static let encoder: JSONEncoder = { let e = JSONEncoder(); e.outputFormatting = [.sortedKeys]; return e }()

    // MARK: flows

    /// The version new calls take.
    public func current() async throws -> IVRFlowVersion? {
        try await sql.select().column("*").from("ivr_flows").where(SQLColumn("published_at"), .isNot, SQLLiteral.null)
            .orderBy("version", .descending).limit(1).first().map(Self.version)
    }

    public func flow(version: Int) async throws -> IVRFlowVersion? {
        try await sql.select().column("*").from("ivr_flows").where("version", .equal, SQLBind(version)).first().map(Self.version)
    }

    public func versions() async throws -> [IVRFlowVersion] {
        try await sql.select().column("*").from("ivr_flows").orderBy("version", .descending).all().map(Self.version)
    }

    public func draft() async throws -> IVRFlowVersion? {
        try await sql.select().column("*").from("ivr_flows").where(SQLColumn("published_at"), .is, SQLLiteral.null)
            .orderBy("version", .descending).limit(1).first().map(Self.version)
    }

    /// Keeps the editor's work: the draft is replaced, or a new one is started after the newest version.
    @discardableResult
    public func saveDraft(_ flow: IVRFlow, by who: String, now: Date) async throws -> Int {
        let text = String(decoding: try Self.encoder.encode(flow), as: UTF8.self)
        if let d = try await draft() {
            try await sql.update("ivr_flows").set("flow", to: SQLBind(text)).set("created_at", to: SQLBind(now)).set("created_by", to: SQLBind(who))
                .where("version", .equal, SQLBind(d.version)).run()
            return d.version
        }
        let next = try await nextVersion()
        try await insert(version: next, text: text, by: who, now: now, published: false, note: nil)
        return next
    }

    public func discardDraft() async throws {
        try await sql.delete(from: "ivr_flows").where(SQLColumn("published_at"), .is, SQLLiteral.null).run()
    }

    /// Publishes the draft after the flow check; new calls take it, calls in progress keep theirs.
    public func publishDraft(by who: String, now: Date) async throws -> Int {
        guard let d = try await draft() else { throw VoiceStoreError.noDraft }
        let problems = d.flow.problems()
        guard problems.isEmpty else { throw VoiceStoreError.invalid(problems.map(\.description)) }
        try await sql.update("ivr_flows").set("published_at", to: SQLBind(now)).set("published_by", to: SQLBind(who))
            .where("version", .equal, SQLBind(d.version)).run()
        return d.version
    }

    /// Publishes an older version again, as a new version (the history keeps what happened).
    /// A draft in progress stays the newest version number, so it is renumbered after it.
    public func rollback(to version: Int, by who: String, now: Date) async throws -> Int {
        guard let old = try await flow(version: version), old.publishedAt != nil else { throw VoiceStoreError.unknownVersion }
        let text = String(decoding: try Self.encoder.encode(old.flow), as: UTF8.self)
        let draft = try await draft()
        let next = try await nextVersion()
        if let draft {
            try await sql.update("ivr_flows").set("version", to: SQLBind(next)).where("version", .equal, SQLBind(draft.version)).run()
            try await insert(version: draft.version, text: text, by: who, now: now, published: true, note: "rollback to \(version)")
            return draft.version
        }
        try await insert(version: next, text: text, by: who, now: now, published: true, note: "rollback to \(version)")
        return next
    }

    /// The shipped flow as version 1, when there is none yet.
    public func installStandardIfEmpty(now: Date) async throws {
        guard try await sql.select().column("version").from("ivr_flows").limit(1).first() == nil else { return }
        let text = String(decoding: try Self.encoder.encode(IVRFlow.standard), as: UTF8.self)
        do { try await insert(version: 1, text: text, by: "system", now: now, published: true, note: nil) }
        catch {
            // Another server installed it at the same moment.
            if try await current() != nil { return }
            throw error
        }
    }

    func nextVersion() async throws -> Int {
        let row = try await sql.raw("SELECT MAX(version) AS v FROM ivr_flows").first()
        return ((try? row?.decode(column: "v", as: Int?.self)) ?? nil).map { $0 + 1 } ?? 1
    }

    func insert(version: Int, text: String, by who: String, now: Date, published: Bool, note: String?) async throws {
        try await sql.insert(into: "ivr_flows").columns("version", "flow", "created_at", "created_by", "published_at", "published_by", "note")
            .values(SQLBind(version), SQLBind(text), SQLBind(now), SQLBind(who), SQLBind(published ? now : nil), SQLBind(published ? who : nil), SQLBind(note))
            .run()
    }

    static func version(_ row: any SQLRow) throws -> IVRFlowVersion {
        func text(_ c: String) throws -> String? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: String.self) }
        let flow = try JSONDecoder().decode(IVRFlow.self, from: Data(try row.decode(column: "flow", as: String.self).utf8))
        return IVRFlowVersion(version: try row.decode(column: "version", as: Int.self), flow: flow,
                              createdAt: try row.decode(column: "created_at", as: Date.self), createdBy: try row.decode(column: "created_by", as: String.self),
                              publishedAt: try row.decodeNil(column: "published_at") ? nil : row.decode(column: "published_at", as: Date.self),
                              publishedBy: try text("published_by"), note: try text("note"))
    }

    // MARK: calls

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
                         "announced_at", "created_at", "updated_at")
                .values(SQLBind(c.callSid), SQLBind(c.caller), SQLBind(c.call.flowVersion), SQLBind(try Self.state(c.call)), SQLBind(c.seq),
                        SQLBind(c.interactionID), SQLBind(c.status), SQLBind(c.lastKey), SQLBind(c.lastResponse), SQLBind(c.announcedAt),
                        SQLBind(c.createdAt), SQLBind(now))
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
                               createdAt: try row.decode(column: "created_at", as: Date.self))
    }

    // MARK: recordings

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

    /// Forgets recordings past their retention; returns them so the carrier's copies can be deleted too.
    public func expireRecordings(now: Date) async throws -> [VoiceRecording] {
        let old = try await sql.select().column("*").from("voice_recordings").where("delete_after", .lessThan, SQLBind(now)).all().map(Self.recording)
        if !old.isEmpty { try await sql.delete(from: "voice_recordings").where("delete_after", .lessThan, SQLBind(now)).run() }
        return old
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
