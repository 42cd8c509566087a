import Foundation
import TextSearch

/// The directory held in memory: for domain tests and command-line tools.
public struct InMemoryDirectoryStore: DirectoryStore {
    public let register: TerritorialRegister
    public let officeList: [Office]
    let postal: [String: PostalCodeEntry]
    let sortedCodes: [String]

    public init(register: TerritorialRegister, offices: [Office], postalCodes: [PostalCodeEntry]) {
        self.register = register
        officeList = offices
        postal = Dictionary(postalCodes.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        sortedCodes = postal.keys.sorted()
    }

    public static func bundled() throws -> InMemoryDirectoryStore {
        InMemoryDirectoryStore(register: ReferenceData.register, offices: try ReferenceData.offices(),
                               postalCodes: try ReferenceData.postalCodes())
    }

    public func voivodeships() async throws -> [Voivodeship] { register.voivodeships }
    public func powiats(inVoivodeship code: String?) async throws -> [Powiat] {
        code.map(register.powiats(in:)) ?? register.powiats
    }
    public func powiat(code: String) async throws -> Powiat? { register.powiat(code) }
    public func office(id: String) async throws -> Office? { officeList.first { $0.id == id } }

    public func offices(matching query: String?, voivodeship: String?) async throws -> [Office] {
        let folded = query.map(PolishFolding.fold)?.trimmingCharacters(in: .whitespaces)
        return officeList.filter { o in
            (voivodeship == nil || o.voivodeshipCode == voivodeship)
                && (folded?.isEmpty ?? true || OfficeSearchText.make(o, register: register).contains(folded!))
        }
    }

    public func servingOffice(powiat code: String) async throws -> Office? {
        officeList.first { $0.kind == .pup && $0.powiatCodes.contains(code) }
    }

    public func postalCode(_ code: String) async throws -> PostalCodeEntry? { postal[code] }

    public func postalCodeSuggestions(near code: String, limit: Int) async throws -> [String] {
        PostalCodeSuggestion.nearest(to: code, among: sortedCodes, limit: limit)
    }
}

/// The folded text an office is found by: its name, locality and the powiats it serves.
public enum OfficeSearchText {
    public static func make(_ office: Office, register: TerritorialRegister) -> String {
        let powiats = office.powiatCodes.compactMap { register.powiat($0)?.displayName }
        return PolishFolding.fold(([office.name, office.locality] + powiats).joined(separator: " | "))
    }
}
