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
        CSVTable(text: text).records.compactMap { r -> PostalCodeEntry? in
            guard let code = r["postal_code"], let powiat = r["powiat_teryt"], powiat.count == 4 else { return nil }
            let voivodeship: String = r["voivodeship_teryt"] ?? String(powiat.prefix(2))
            let latitude: Double? = Double(r["latitude"] ?? "")
            let longitude: Double? = Double(r["longitude"] ?? "")
            let method: PowiatMethod = PowiatMethod(rawValue: r["powiat_method"] ?? "") ?? .imported
            return PostalCodeEntry(code: code, voivodeshipCode: voivodeship, locality: r["locality"] ?? "",
                                   latitude: latitude, longitude: longitude, powiatCode: powiat, method: method)
        }
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
