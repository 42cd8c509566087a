import Fluent
import Content
import Foundation
import Directory
import Portal
import TextSearch

/// The directory's small, rarely changing part — 16 voivodeships, 380 powiats, ~360 offices and
/// which office serves which powiat — read in one go, answered from memory. Postal codes (22 090
/// of them) stay in the database: one lookup by key each.
public struct DirectorySnapshot: Sendable {
    public let register: TerritorialRegister
    let offices: [Office]
    let officeByID: [String: Office]
    /// Folded name, locality and powiats of each office, in `offices` order.
    let searchTexts: [FoldedText]
    let servingOfficeByPowiat: [String: String]
    /// Every powiat as a form offers it, "augustowski (podlaskie)", in Polish alphabetical
    /// order (sorting 380 names by the collation on every form was most of the form's cost).
    public let powiatChoices: [(value: String, label: String)]
    /// The ~2 900 occupations of the KZiS list (six-digit codes) with their folded names, for
    /// the type-ahead and for naming an occupation in a form (read from the database per
    /// keystroke, they cost more than the rest of the page).
    let occupations: [Occupation]
    let occupationTexts: [FoldedText]

    public static func load(_ db: any Database) async throws -> DirectorySnapshot {
        let store = FluentDirectoryStore(db: db)
        let register = TerritorialRegister(voivodeships: try await store.voivodeships(), powiats: try await store.powiats(inVoivodeship: nil))
        let records = try await OfficeRecord.query(on: db).sort(\.$kind, .descending).sort(\.$name).all()
        var serving: [String: String] = [:]
        for p in try await PowiatRecord.query(on: db).all() { if let office = p.officeID { serving[p.id!] = office } }
        // What an office confirmed itself replaces the bundled, unverified details.
        let confirmed = try await MenuStore(db: db).officeDetails()
        let offices = records.map { r in confirmed[r.id ?? ""].map { $0.details.applied(to: r.domain) } ?? r.domain }
        let polish = Locale(identifier: "pl_PL")
        let choices = register.powiats.map { (value: $0.code, label: "\($0.name) (\(register.voivodeship($0.voivodeshipCode)?.name ?? ""))") }
            .sorted { $0.label.compare($1.label, locale: polish) == .orderedAscending }
        let occupations = try await OccupationRecord.query(on: db).filter(\.$level == 6).sort(\.$id).all()
            .map { Occupation(code: $0.id!, name: $0.name, schoolOccupation: $0.schoolOccupation) }
        return DirectorySnapshot(register: register, offices: offices, officeByID: Dictionary(offices.map { ($0.id, $0) }) { a, _ in a },
                                 searchTexts: records.map { FoldedText(folded: $0.searchText) }, servingOfficeByPowiat: serving, powiatChoices: choices,
                                 occupations: occupations, occupationTexts: occupations.map { FoldedText($0.name) })
    }

    /// Occupations whose code starts with `text` or whose folded name contains it, in code order.
    public func occupations(matching text: String, limit: Int = 20) -> [Occupation] {
        let needle = FoldedText(text)
        var found: [Occupation] = []
        for (o, name) in zip(occupations, occupationTexts) where o.code.hasPrefix(text) || name.contains(needle) {
            found.append(o)
            if found.count == limit { break }
        }
        return found
    }

    public func occupation(_ code: String) -> Occupation? {
        occupations.first { $0.code == code }
    }
}

/// The directory with its small part from a snapshot (see `DirectoryCache`) and postal codes
/// from the database: what every page and API of the directory, the forms and the IVR read.
public struct CachedDirectoryStore: DirectoryStore {
    let snapshot: @Sendable () async throws -> DirectorySnapshot
    let database: FluentDirectoryStore

    public init(db: any Database, snapshot: @escaping @Sendable () async throws -> DirectorySnapshot) {
        self.database = FluentDirectoryStore(db: db); self.snapshot = snapshot
    }

    public func voivodeships() async throws -> [Voivodeship] { try await snapshot().register.voivodeships }

    public func powiats(inVoivodeship code: String?) async throws -> [Powiat] {
        let register = try await snapshot().register
        return code.map { register.powiats(in: $0) } ?? register.powiats
    }

    public func powiat(code: String) async throws -> Powiat? { try await snapshot().register.powiat(code) }

    public func office(id: String) async throws -> Office? { try await snapshot().officeByID[id] }

    public func offices(matching query: String?, voivodeship: String?) async throws -> [Office] {
        let s = try await snapshot()
        let folded = FoldedText(folded: query.map { PolishFolding.fold($0).trimmingCharacters(in: .whitespaces) } ?? "")
        return zip(s.offices, s.searchTexts).filter { office, text in
            (voivodeship == nil || office.voivodeshipCode == voivodeship) && (folded.isEmpty || text.contains(folded))
        }.map(\.0)
    }

    public func servingOffice(powiat code: String) async throws -> Office? {
        let s = try await snapshot()
        return s.servingOfficeByPowiat[code].flatMap { s.officeByID[$0] }
    }

    public func postalCode(_ code: String) async throws -> PostalCodeEntry? { try await database.postalCode(code) }

    public func postalCodeSuggestions(near code: String, limit: Int) async throws -> [String] {
        try await database.postalCodeSuggestions(near: code, limit: limit)
    }
}
