import Fluent
import SQLKit
import Foundation
import ContactCenter

/// One version of an IVR flow. Versions are numbered across all flows; a flow is named by its
/// id ("main": 19524 and 9524, "unemployed": 9510, any an administrator adds). A version without
/// `publishedAt` is the flow's draft being edited (at most one, its newest); the flow's published
/// version with the highest number is the one new calls on its numbers take.
public struct IVRFlowVersion: Sendable, Equatable {
    public let flowID: String
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

    /// The flow 19524 and any number not mapped elsewhere take.
    public static let mainFlow = "main"
    /// The shipped flows: the main line, the free line for the registered unemployed, and the
    /// Łódź voivode's office foreigners' helpline (numbered by a deployment that runs it).
    public static let shippedFlows: [(id: String, flow: IVRFlow)] = [(mainFlow, .standard), ("unemployed", .unemployedLine),
                                                                      (foreignersFlow, .lodzForeignersHelpline)]
    public static let foreignersFlow = "foreigners-uw-10"

    /// The version new calls of the flow take.
    public func current(flow id: String = mainFlow) async throws -> IVRFlowVersion? {
        try await sql.select().column("*").from("ivr_flows").where("flow_id", .equal, SQLBind(id))
            .where(SQLColumn("published_at"), .isNot, SQLLiteral.null)
            .orderBy("version", .descending).limit(1).first().map(Self.version)
    }

    public func flow(version: Int) async throws -> IVRFlowVersion? {
        try await sql.select().column("*").from("ivr_flows").where("version", .equal, SQLBind(version)).first().map(Self.version)
    }

    public func versions(flow id: String = mainFlow) async throws -> [IVRFlowVersion] {
        try await sql.select().column("*").from("ivr_flows").where("flow_id", .equal, SQLBind(id)).orderBy("version", .descending).all().map(Self.version)
    }

    /// Every flow's id, the main one first.
    public func flowIDs() async throws -> [String] {
        let ids = try await sql.raw("SELECT DISTINCT flow_id FROM ivr_flows").all().map { try $0.decode(column: "flow_id", as: String.self) }
        return ids.sorted { a, b in a == Self.mainFlow || (b != Self.mainFlow && a < b) }
    }

    public func draft(flow id: String = mainFlow) async throws -> IVRFlowVersion? {
        try await sql.select().column("*").from("ivr_flows").where("flow_id", .equal, SQLBind(id)).where(SQLColumn("published_at"), .is, SQLLiteral.null)
            .orderBy("version", .descending).limit(1).first().map(Self.version)
    }

    /// Keeps the editor's work: the draft is replaced, or a new one is started after the newest version.
    @discardableResult
    public func saveDraft(_ flow: IVRFlow, flow id: String = mainFlow, by who: String, now: Date) async throws -> Int {
        let text = String(decoding: try Self.encoder.encode(flow), as: UTF8.self)
        if let d = try await draft(flow: id) {
            try await sql.update("ivr_flows").set("flow", to: SQLBind(text)).set("created_at", to: SQLBind(now)).set("created_by", to: SQLBind(who))
                .where("version", .equal, SQLBind(d.version)).run()
            return d.version
        }
        let next = try await nextVersion()
        try await insert(id, version: next, text: text, by: who, now: now, published: false, note: nil)
        return next
    }

    public func discardDraft(flow id: String = mainFlow) async throws {
        try await sql.delete(from: "ivr_flows").where("flow_id", .equal, SQLBind(id)).where(SQLColumn("published_at"), .is, SQLLiteral.null).run()
    }

    /// Publishes the draft after the flow check; new calls take it, calls in progress keep theirs.
    public func publishDraft(flow id: String = mainFlow, by who: String, now: Date) async throws -> Int {
        guard let d = try await draft(flow: id) else { throw VoiceStoreError.noDraft }
        let problems = d.flow.problems()
        guard problems.isEmpty else { throw VoiceStoreError.invalid(problems.map(\.description)) }
        try await sql.update("ivr_flows").set("published_at", to: SQLBind(now)).set("published_by", to: SQLBind(who))
            .where("version", .equal, SQLBind(d.version)).run()
        return d.version
    }

    /// Publishes an older version of a flow again, as a new version (the history keeps what
    /// happened). A draft in progress stays the flow's newest version, so it is renumbered after it.
    public func rollback(flow id: String = mainFlow, to version: Int, by who: String, now: Date) async throws -> Int {
        guard let old = try await flow(version: version), old.flowID == id, old.publishedAt != nil else { throw VoiceStoreError.unknownVersion }
        let text = String(decoding: try Self.encoder.encode(old.flow), as: UTF8.self)
        let draft = try await draft(flow: id)
        let next = try await nextVersion()
        if let draft {
            try await sql.update("ivr_flows").set("version", to: SQLBind(next)).where("version", .equal, SQLBind(draft.version)).run()
            try await insert(id, version: draft.version, text: text, by: who, now: now, published: true, note: "rollback to \(version)")
            return draft.version
        }
        try await insert(id, version: next, text: text, by: who, now: now, published: true, note: "rollback to \(version)")
        return next
    }

    /// Who the versions the system itself installs are by.
    public static let system = "system"

    /// Each shipped flow as its first version, when it has none yet; and, when a flow in use is
    /// still one the system installed (no administrator has published one of theirs, and none is
    /// being edited), the shipped flow of this release as a new version, so a corrected flow
    /// reaches deployments that never changed it. The shipped numbers too, when no number is
    /// mapped yet.
    public func installStandard(now: Date) async throws {
        for (id, shipped) in Self.shippedFlows { try await install(shipped, flow: id, now: now) }
        if try await lines().isEmpty {
            for line in VoiceLine.shipped {
                do { try await saveLine(line, by: Self.system, now: now) }
                catch { if try await self.line(number: line.number) == nil { throw error } }
            }
        }
    }

    func install(_ shipped: IVRFlow, flow id: String, now: Date) async throws {
        let text = String(decoding: try Self.encoder.encode(shipped), as: UTF8.self)
        guard let current = try await current(flow: id) else {
            do { try await insert(id, version: try await nextVersion(), text: text, by: Self.system, now: now, published: true, note: nil) }
            catch {
                // Another server installed it at the same moment.
                if try await self.current(flow: id) != nil { return }
                throw error
            }
            return
        }
        guard current.createdBy == Self.system, current.flow != shipped, try await draft(flow: id) == nil else { return }
        do { try await insert(id, version: try await nextVersion(), text: text, by: Self.system, now: now, published: true, note: nil) }
        catch { if try await self.current(flow: id)?.flow != shipped { throw error } }
    }

    func nextVersion() async throws -> Int {
        let row = try await sql.raw("SELECT MAX(version) AS v FROM ivr_flows").first()
        return ((try? row?.decode(column: "v", as: Int?.self)) ?? nil).map { $0 + 1 } ?? 1
    }

    func insert(_ flow: String, version: Int, text: String, by who: String, now: Date, published: Bool, note: String?) async throws {
        try await sql.insert(into: "ivr_flows").columns("flow_id", "version", "flow", "created_at", "created_by", "published_at", "published_by", "note")
            .values(SQLBind(flow), SQLBind(version), SQLBind(text), SQLBind(now), SQLBind(who), SQLBind(published ? now : nil),
                    SQLBind(published ? who : nil), SQLBind(note))
            .run()
    }

    static func version(_ row: any SQLRow) throws -> IVRFlowVersion {
        func text(_ c: String) throws -> String? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: String.self) }
        let flow = try JSONDecoder().decode(IVRFlow.self, from: Data(try row.decode(column: "flow", as: String.self).utf8))
        return IVRFlowVersion(flowID: try row.decode(column: "flow_id", as: String.self), version: try row.decode(column: "version", as: Int.self), flow: flow,
                              createdAt: try row.decode(column: "created_at", as: Date.self), createdBy: try row.decode(column: "created_by", as: String.self),
                              publishedAt: try row.decodeNil(column: "published_at") ? nil : row.decode(column: "published_at", as: Date.self),
                              publishedBy: try text("published_by"), note: try text("note"))
    }
}
