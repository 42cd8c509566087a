import Foundation

/// How the powiat of a postal code was found; `override` marks an administrator's correction.
public enum PowiatMethod: String, Sendable, Codable, CaseIterable {
    case city, town, geonames, gmina, nearest, override, imported
}

/// One postal code with the locality it names and the powiat it is routed to.
public struct PostalCodeEntry: Hashable, Sendable, Codable {
    public let code: String
    public let voivodeshipCode: String
    public let locality: String
    public let latitude: Double?
    public let longitude: Double?
    public let powiatCode: String
    public let method: PowiatMethod

    public init(code: String, voivodeshipCode: String, locality: String, latitude: Double?, longitude: Double?,
                powiatCode: String, method: PowiatMethod) {
        self.code = code; self.voivodeshipCode = voivodeshipCode; self.locality = locality
        self.latitude = latitude; self.longitude = longitude; self.powiatCode = powiatCode; self.method = method
    }

    /// Reads `postal_code,voivodeship_teryt,locality,latitude,longitude,powiat_teryt,powiat_method`.
    public static func parse(csv text: String) -> [PostalCodeEntry] {
        let table = CSVTable(text: text)
        func column(_ name: String) -> Int? { table.header.firstIndex(of: name) }
        guard let code = column("postal_code"), let powiat = column("powiat_teryt") else { return [] }
        let woj = column("voivodeship_teryt"), locality = column("locality"), lat = column("latitude"),
            lon = column("longitude"), method = column("powiat_method")
        func field(_ row: [String], _ i: Int?) -> String? { i.flatMap { $0 < row.count ? row[$0] : nil } }
        var result: [PostalCodeEntry] = []
        result.reserveCapacity(table.rows.count)
        for row in table.rows {
            guard let c = field(row, code), let p = field(row, powiat), p.count == 4 else { continue }
            result.append(PostalCodeEntry(
                code: c, voivodeshipCode: field(row, woj) ?? String(p.prefix(2)), locality: field(row, locality) ?? "",
                latitude: field(row, lat).flatMap(Double.init), longitude: field(row, lon).flatMap(Double.init),
                powiatCode: p, method: field(row, method).flatMap(PowiatMethod.init(rawValue:)) ?? .imported))
        }
        return result
    }
}

/// Codes that share the first digits are neighbours on the map: used to suggest a real code
/// when someone types one that does not exist.
public enum PostalCodeSuggestion {
    public static func nearest(to code: String, among sorted: [String], limit: Int = 3) -> [String] {
        guard let target = Int(code.filter(\.isNumber)) else { return [] }
        var scored: [(code: String, distance: Int)] = []
        for c in sorted {
            guard let n = Int(c.filter(\.isNumber)) else { continue }
            scored.append((c, abs(n - target)))
        }
        scored.sort { a, b in a.distance == b.distance ? a.code < b.code : a.distance < b.distance }
        return scored.prefix(limit).map { $0.code }
    }
}
