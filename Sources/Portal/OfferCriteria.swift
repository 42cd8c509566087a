import Foundation
import TextSearch

public struct OfferCriteria: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable { case relevance, date, wage }
    public var query: SearchQuery?
    public var voivodeship: String?
    public var powiat: String?
    /// Centre and radius of a distance search.
    public var near: (latitude: Double, longitude: Double, km: Double)?
    /// A KZiS code or a group prefix (e.g. "8322").
    public var occupation: String?
    public var contract: ContractType?
    public var fullTime: Bool?
    public var minimumWage: Double?
    public var verifiedOnly = false
    /// true: abroad only; false: Poland only; nil: both.
    public var abroad: Bool?
    public var postedSince: Date?
    public var sort: Sort = .relevance
    public var page = 1
    public var perPage = 20

    public init() {}

    public static func == (a: OfferCriteria, b: OfferCriteria) -> Bool {
        a.query == b.query && a.voivodeship == b.voivodeship && a.powiat == b.powiat && a.near?.latitude == b.near?.latitude
            && a.near?.longitude == b.near?.longitude && a.near?.km == b.near?.km && a.occupation == b.occupation
            && a.contract == b.contract && a.fullTime == b.fullTime && a.minimumWage == b.minimumWage && a.verifiedOnly == b.verifiedOnly
            && a.abroad == b.abroad && a.postedSince == b.postedSince && a.sort == b.sort && a.page == b.page && a.perPage == b.perPage
    }
}

extension OfferCriteria {
    /// Every field that decides the result, in one string: two searches with the same key find
    /// the same offers (the key of a search-result cache).
    public var resultKey: String {
        var parts: [String] = []
        if let q = query { parts.append("q=" + q.terms.map { ($0.forms + [($0.prefix.map { $0 + "*" }) ?? ""]).joined(separator: "|") }.joined(separator: "&")) }
        if let v = voivodeship { parts.append("v=" + v) }
        if let p = powiat { parts.append("p=" + p) }
        if let n = near { parts.append("near=\(n.latitude),\(n.longitude),\(n.km)") }
        if let o = occupation { parts.append("o=" + o) }
        if let c = contract { parts.append("c=" + c.rawValue) }
        if let f = fullTime { parts.append("f=\(f)") }
        if let w = minimumWage { parts.append("w=\(w)") }
        if verifiedOnly { parts.append("verified") }
        if let a = abroad { parts.append("a=\(a)") }
        if let s = postedSince { parts.append("s=\(s.timeIntervalSince1970)") }
        parts.append("sort=" + sort.rawValue)
        parts.append("page=\(page)/\(perPage)")
        return parts.joined(separator: ";")
    }
}
