import Fluent
import SQLKit
import Directory
import TextSearch

/// The directory on SQLite or PostgreSQL.
public struct FluentDirectoryStore: DirectoryStore {
    let db: any Database

    public init(db: any Database) { self.db = db }

    public func voivodeships() async throws -> [Voivodeship] {
        try await VoivodeshipRecord.query(on: db).sort(\.$id).all().map { Voivodeship(code: $0.id!, name: $0.name) }
    }

    public func powiats(inVoivodeship code: String?) async throws -> [Powiat] {
        let q = PowiatRecord.query(on: db).sort(\.$id)
        if let code { q.filter(\.$voivodeshipCode == code) }
        return try await q.all().map(Self.powiat)
    }

    public func powiat(code: String) async throws -> Powiat? {
        try await PowiatRecord.find(code, on: db).map(Self.powiat)
    }

    static func powiat(_ r: PowiatRecord) -> Powiat { Powiat(code: r.id!, name: r.name, isCity: r.isCity) }

    public func office(id: String) async throws -> Office? {
        try await OfficeRecord.find(id, on: db)?.domain
    }

    public func offices(matching query: String?, voivodeship: String?) async throws -> [Office] {
        let q = OfficeRecord.query(on: db).sort(\.$kind, .descending).sort(\.$name)
        if let voivodeship { q.filter(\.$voivodeshipCode == voivodeship) }
        let folded = query.map { PolishFolding.fold($0).trimmingCharacters(in: .whitespaces) } ?? ""
        // ~360 rows: matching the folded text in memory is simpler than LIKE escaping on two
        // dialects and well under a millisecond.
        let rows = try await q.all()
        return (folded.isEmpty ? rows : rows.filter { $0.searchText.contains(folded) }).map(\.domain)
    }

    public func servingOffice(powiat code: String) async throws -> Office? {
        guard let officeID = try await PowiatRecord.find(code, on: db)?.officeID else { return nil }
        return try await office(id: officeID)
    }

    public func postalCode(_ code: String) async throws -> PostalCodeEntry? {
        try await PostalCodeRecord.find(code, on: db)?.domain
    }

    public func postalCodeSuggestions(near code: String, limit: Int) async throws -> [String] {
        let above = try await PostalCodeRecord.query(on: db).filter(\.$id >= code).sort(\.$id).limit(limit).all()
        let below = try await PostalCodeRecord.query(on: db).filter(\.$id < code).sort(\.$id, .descending).limit(limit).all()
        return PostalCodeSuggestion.nearest(to: code, among: (above + below).compactMap(\.id).sorted(), limit: limit)
    }
}
