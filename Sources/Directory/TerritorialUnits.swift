import Foundation

/// A voivodeship (województwo) with its 2-digit TERYT code.
public struct Voivodeship: Hashable, Sendable, Codable {
    public let code: String
    /// Official name, lower case as GUS writes it in running text ("podlaskie").
    public let name: String

    public init(code: String, name: String) { self.code = code; self.name = name }
}

/// A powiat with its 4-digit TERYT code: a land powiat or a city with powiat rights.
public struct Powiat: Hashable, Sendable, Codable {
    public let code: String
    public let name: String
    public let isCity: Bool

    public init(code: String, name: String, isCity: Bool) {
        self.code = code; self.name = name; self.isCity = isCity
    }

    public var voivodeshipCode: String { String(code.prefix(2)) }

    /// "powiat augustowski" or "Białystok" — the form people recognise.
    public var displayName: String { isCity ? name : "powiat \(name)" }
}

/// The TERYT TERC register's voivodeships and powiats.
public struct TerritorialRegister: Sendable {
    public let voivodeships: [Voivodeship]
    public let powiats: [Powiat]
    private let powiatByCode: [String: Powiat]
    private let voivodeshipByCode: [String: Voivodeship]

    public init(voivodeships: [Voivodeship], powiats: [Powiat]) {
        self.voivodeships = voivodeships.sorted { $0.code < $1.code }
        self.powiats = powiats.sorted { $0.code < $1.code }
        powiatByCode = Dictionary(uniqueKeysWithValues: powiats.map { ($0.code, $0) })
        voivodeshipByCode = Dictionary(uniqueKeysWithValues: voivodeships.map { ($0.code, $0) })
    }

    /// Reads GUS's TERC file (`woj,pow,gmi,rodz,name,kind,as_of`).
    public init(tercCSV text: String) {
        var voivodeships: [Voivodeship] = []
        var powiats: [Powiat] = []
        for r in CSVTable(text: text).records {
            let woj = r["woj"] ?? "", pow = r["pow"] ?? "", gmi = r["gmi"] ?? ""
            let name = r["name"] ?? "", kind = r["kind"] ?? ""
            if pow.isEmpty {
                voivodeships.append(Voivodeship(code: woj, name: name.lowercased()))
            } else if gmi.isEmpty {
                powiats.append(Powiat(code: woj + pow, name: name, isCity: kind.hasPrefix("miasto")))
            }
        }
        self.init(voivodeships: voivodeships, powiats: powiats)
    }

    public func powiat(_ code: String) -> Powiat? { powiatByCode[code] }
    public func voivodeship(_ code: String) -> Voivodeship? { voivodeshipByCode[code] }
    public func powiats(in voivodeshipCode: String) -> [Powiat] { powiats.filter { $0.voivodeshipCode == voivodeshipCode } }
}
