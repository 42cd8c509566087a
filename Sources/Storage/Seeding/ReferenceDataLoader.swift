import Fluent
import SQLKit
import Foundation
import Directory
import Portal

/// Loads the territorial register, the office list and the postal codes into the database.
/// Each data set is recorded in `app_meta` as `bundled:<hash>` or `imported:<time>`: a start
/// with unchanged files does nothing, and an imported list is never overwritten by the
/// shipped one.
public struct ReferenceDataLoader: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    public struct Report: Sendable, Equatable {
        public var loaded: [String] = []
        public var skipped: [String] = []
    }

    /// Loads what is missing or changed among the shipped data sets.
    @discardableResult
    public func loadBundled() async throws -> Report {
        let prints = try Self.bundledFingerprints()
        return try await db.transaction { tx in
            var report = Report()
            let meta = AppMeta(db: tx)
            let loader = ReferenceDataLoader(db: tx)
            let tercTag = "bundled:" + prints.terc
            if try await meta.get("reference.terc") != tercTag, !(try await meta.get("reference.terc") ?? "").hasPrefix("imported") {
                try await loader.replaceRegister(ReferenceData.register)
                try await meta.set("reference.terc", tercTag)
                report.loaded.append("terc")
            } else { report.skipped.append("terc") }

            let officeTag = "bundled:" + prints.offices
            let officeState = try await meta.get("reference.offices") ?? ""
            if officeState != officeTag, !officeState.hasPrefix("imported") {
                try await loader.replaceOffices(try ReferenceData.offices())
                try await meta.set("reference.offices", officeTag)
                report.loaded.append("offices")
            } else { report.skipped.append("offices") }

            let postalTag = "bundled:" + prints.postal
            let postalState = try await meta.get("reference.postal_codes") ?? ""
            if postalState != postalTag, !postalState.hasPrefix("imported") {
                try await loader.replacePostalCodes(try ReferenceData.postalCodes())
                try await meta.set("reference.postal_codes", postalTag)
                report.loaded.append("postal_codes")
            } else { report.skipped.append("postal_codes") }
            let occupationTag = "bundled:" + prints.occupations
            let occupationState = try await meta.get("reference.occupations") ?? ""
            if occupationState != occupationTag, !occupationState.hasPrefix("imported") {
                try await loader.replaceOccupations(try OccupationList.bundled())
                try await meta.set("reference.occupations", occupationTag)
                report.loaded.append("occupations")
            } else { report.skipped.append("occupations") }
            return report
        }
    }

    /// Adds new codes and renames changed ones; codes offers use are never deleted.
    public func replaceOccupations(_ list: [Occupation]) async throws {
        let sql = db as! any SQLDatabase
        let existing = Dictionary(uniqueKeysWithValues: try await OccupationRecord.query(on: db).all().map { ($0.id!, $0.name) })
        let fresh = list.filter { existing[$0.code] == nil }
        try await Self.insertChunked(sql, table: "occupations", columns: ["code", "name", "level", "school_occupation"],
                                     rows: fresh.map { [Self.literal($0.code), Self.literal($0.name), String($0.level), Self.literal($0.schoolOccupation)] })
        for o in list where existing[o.code] != nil && existing[o.code] != o.name {
            try await sql.update("occupations").set("name", to: SQLBind(o.name)).where("code", .equal, o.code).run()
        }
    }

    struct Fingerprints: Sendable { let terc: String; let offices: String; let postal: String; let occupations: String }
    private static let cachedFingerprints: Fingerprints? = try? Fingerprints(
        terc: fingerprint(ReferenceData.text("pl-teryt-terc.csv")),
        offices: fingerprint(ReferenceData.text("offices.csv")),
        postal: fingerprint(ReferenceData.text("pl-postal-codes.csv")),
        occupations: fingerprint(OccupationList.bundledText()))

    static func bundledFingerprints() throws -> Fingerprints {
        if let f = cachedFingerprints { return f }
        _ = try ReferenceData.text("pl-teryt-terc.csv")
        throw CocoaError(.fileReadCorruptFile)
    }

    /// FNV-1a over the bytes: a cheap, stable fingerprint of a data file.
    static func fingerprint(_ text: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return String(h, radix: 16)
    }

    func replaceRegister(_ register: TerritorialRegister) async throws {
        let sql = db as! any SQLDatabase
        // Powiats keep their serving office across a reload of the register.
        let officeByPowiat = Dictionary(try await PowiatRecord.query(on: db).all().compactMap { r in r.officeID.map { (r.id!, $0) } },
                                        uniquingKeysWith: { a, _ in a })
        let existingVoivodeships = Set(try await VoivodeshipRecord.query(on: db).all().compactMap(\.id))
        for v in register.voivodeships {
            if existingVoivodeships.contains(v.code) {
                try await sql.update("voivodeships").set("name", to: v.name).where("code", .equal, v.code).run()
            } else {
                try await sql.insert(into: "voivodeships").columns("code", "name").values(SQLBind(v.code), SQLBind(v.name)).run()
            }
        }
        try await sql.delete(from: "powiats").run()
        try await Self.insertChunked(sql, table: "powiats", columns: ["code", "name", "voivodeship_code", "is_city", "office_id"],
                                     rows: register.powiats.map { p in
                                         [Self.literal(p.code), Self.literal(p.name), Self.literal(p.voivodeshipCode),
                                          Self.literal(p.isCity), Self.literal(officeByPowiat[p.code])]
                                     })
    }

    /// Replaces the office list and points every powiat at the PUP that serves it.
    public func replaceOffices(_ offices: [Office]) async throws {
        let sql = db as! any SQLDatabase
        let register = TerritorialRegister(voivodeships: try await FluentDirectoryStore(db: db).voivodeships(),
                                           powiats: try await FluentDirectoryStore(db: db).powiats(inVoivodeship: nil))
        try await sql.update("powiats").set("office_id", to: SQLLiteral.null).run()
        try await sql.delete(from: "offices").run()
        try await Self.insertChunked(sql, table: "offices", columns: ["id", "kind", "name", "locality", "voivodeship_code", "powiat_codes",
                                                                    "street", "postal_code", "phone", "email", "website", "hours",
                                                                    "verified", "note", "search_text"],
                                     rows: offices.map { o in
                                         [o.id, o.kind.rawValue, o.name, o.locality, o.voivodeshipCode].map(Self.literal)
                                             + [Self.literal(o.powiatCodes.joined(separator: " ")), Self.literal(o.street),
                                                Self.literal(o.postalCode), Self.literal(o.phone), Self.literal(o.email),
                                                Self.literal(o.website), Self.literal(o.hours?.notation), Self.literal(o.verified),
                                                Self.literal(o.note), Self.literal(OfficeSearchText.make(o, register: register))]
                                     })
        for o in offices where o.kind == .pup {
            for code in o.powiatCodes {
                try await sql.update("powiats").set("office_id", to: SQLBind(o.id)).where("code", .equal, code).run()
            }
        }
    }

    /// Replaces the postal-code table, then applies the administrators' overrides again.
    public func replacePostalCodes(_ entries: [PostalCodeEntry]) async throws {
        let sql = db as! any SQLDatabase
        try await sql.delete(from: "postal_codes").run()
        try await Self.insertChunked(sql, table: "postal_codes",
                                     columns: ["code", "voivodeship_code", "locality", "latitude", "longitude", "powiat_code", "method"],
                                     rows: entries.map { e in
                                         [Self.literal(e.code), Self.literal(e.voivodeshipCode), Self.literal(e.locality),
                                          Self.literal(e.latitude), Self.literal(e.longitude), Self.literal(e.powiatCode),
                                          Self.literal(e.method.rawValue)]
                                     })
        for o in try await PostalCodeOverrideRecord.query(on: db).all() {
            try await sql.update("postal_codes").set("powiat_code", to: SQLBind(o.powiatCode))
                .set("method", to: SQLBind(PowiatMethod.override.rawValue)).where("code", .equal, o.id!).run()
        }
    }

    /// Values written as SQL literals, not bound parameters: encoding tens of thousands of binds
    /// (or SQLKit literal nodes) costs seconds; a quoted string with `'` doubled is a valid
    /// standard SQL literal on SQLite and on PostgreSQL (standard_conforming_strings is on).
    static func literal(_ s: String?) -> String {
        guard let s else { return "NULL" }
        let clean = s.contains("\0") ? s.replacingOccurrences(of: "\0", with: "") : s
        return "'" + (clean.contains("'") ? clean.replacingOccurrences(of: "'", with: "''") : clean) + "'"
    }
    static func literal(_ d: Double?) -> String {
        guard let d, d.isFinite else { return "NULL" }
        return String(d)
    }
    static func literal(_ b: Bool) -> String { b ? "TRUE" : "FALSE" }

    /// Multi-row INSERTs of a few hundred rows: one round trip each.
    static func insertChunked(_ sql: any SQLDatabase, table: String, columns: [String], rows: [[String]], chunk: Int = 500) async throws {
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        var start = 0
        while start < rows.count {
            let end = min(start + chunk, rows.count)
            let values = rows[start..<end].map { "(" + $0.joined(separator: ", ") + ")" }.joined(separator: ", ")
            try await sql.raw("\(unsafeRaw: head + values)").run()
            start = end
        }
    }
}
