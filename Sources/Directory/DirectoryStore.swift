import Foundation
import Identity

/// What the directory needs from storage. Storage implements it on SQLite and PostgreSQL;
/// `InMemoryDirectoryStore` implements it for tests and tools.
public protocol DirectoryStore: Sendable {
    func voivodeships() async throws -> [Voivodeship]
    func powiats(inVoivodeship code: String?) async throws -> [Powiat]
    func powiat(code: String) async throws -> Powiat?
    func office(id: String) async throws -> Office?
    /// Offices whose name, locality or served powiats match the folded query; all when nil.
    func offices(matching query: String?, voivodeship: String?) async throws -> [Office]
    /// The PUP that serves a powiat.
    func servingOffice(powiat code: String) async throws -> Office?
    func postalCode(_ code: String) async throws -> PostalCodeEntry?
    /// Existing codes closest to a code that does not exist.
    func postalCodeSuggestions(near code: String, limit: Int) async throws -> [String]
}

/// The result of "which office serves this postal code?".
public struct OfficeLocation: Sendable, Equatable {
    public let postalCode: PostalCodeEntry
    public let powiat: Powiat
    public let voivodeship: Voivodeship
    public let office: Office
    /// The voivodeship office, listed after the serving office.
    public let regionalOffice: Office?
}

public enum OfficeLocatorError: Error, Equatable, Sendable {
    case unknownPostalCode(suggestions: [String])
    case noOfficeForPowiat(String)
}

/// Postal code → locality → powiat → office.
public struct OfficeLocator: Sendable {
    public let store: any DirectoryStore

    public init(store: any DirectoryStore) { self.store = store }

    public func locate(_ code: PostalCode) async throws -> OfficeLocation { try await locate(code.value) }

    /// Only the serving office (two lookups, not the whole location): for the IVR, which asks
    /// on every call that keys in a postal code. nil: a code nobody serves.
    public func servingOffice(_ code: PostalCode) async throws -> Office? {
        guard let entry = try await store.postalCode(code.value) else { return nil }
        return try await store.servingOffice(powiat: entry.powiatCode)
    }

    public func locate(_ code: String) async throws -> OfficeLocation {
        guard let entry = try await store.postalCode(code) else {
            throw OfficeLocatorError.unknownPostalCode(suggestions: try await store.postalCodeSuggestions(near: code, limit: 3))
        }
        guard let powiat = try await store.powiat(code: entry.powiatCode),
              let office = try await store.servingOffice(powiat: entry.powiatCode) else {
            throw OfficeLocatorError.noOfficeForPowiat(entry.powiatCode)
        }
        let voivodeship = try await store.voivodeships().first { $0.code == powiat.voivodeshipCode }
            ?? Voivodeship(code: powiat.voivodeshipCode, name: "")
        let regional = try await store.office(id: "wup-\(powiat.voivodeshipCode)")
        return OfficeLocation(postalCode: entry, powiat: powiat, voivodeship: voivodeship, office: office, regionalOffice: regional)
    }
}
