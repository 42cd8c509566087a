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

    /// Who the versions the system itself installs are by.
    public static let system = "system"

    /// The shipped flow as version 1, when there is none yet; and, when the flow in use is still
    /// one the system installed (no administrator has published one of theirs, and none is being
    /// edited), the shipped flow of this release as a new version, so a corrected flow reaches
    /// deployments that never changed it.
    public func installStandard(now: Date) async throws {
        guard let current = try await current() else {
            let text = String(decoding: try Self.encoder.encode(IVRFlow.standard), as: UTF8.self)
            do { try await insert(version: 1, text: text, by: Self.system, now: now, published: true, note: nil) }
            catch {
                // Another server installed it at the same moment.
                if try await self.current() != nil { return }
                throw error
            }
            return
        }
        guard current.createdBy == Self.system, current.flow != .standard, try await draft() == nil else { return }
        let text = String(decoding: try Self.encoder.encode(IVRFlow.standard), as: UTF8.self)
        do { try await insert(version: try await nextVersion(), text: text, by: Self.system, now: now, published: true, note: nil) }
        catch { if try await self.current()?.flow != .standard { throw error } }
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
}
