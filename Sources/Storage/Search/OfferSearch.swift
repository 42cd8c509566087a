import Fluent
import SQLKit
import Foundation
import Portal

extension OfferStore {
    public struct SearchResult: Sendable {
        public let total: Int
        public let offers: [StoredOffer]
    }

    /// Live offers matching the criteria: one SQL query for the page of ids (full-text join,
    /// filters, order) and one for the count, on either database.
    public func search(_ c: OfferCriteria, now: Date = Date()) async throws -> SearchResult {
        let sql = db as! any SQLDatabase
        var from: SQLQueryString = "FROM offers o "
        var rank: SQLQueryString? = nil
        if let q = c.query {
            let m = SearchIndex.offers.match(q, docColumn: "o.id", db: db)
            from = from + m.join
            rank = m.rank
        }
        var conditions: [SQLQueryString] = ["o.status = \(bind: OfferStatus.published.rawValue)", "o.valid_until >= \(bind: now)"]
        if let v = c.voivodeship { conditions.append("o.voivodeship_code = \(bind: v)") }
        if let p = c.powiat { conditions.append("o.powiat_code = \(bind: p)") }
        if let occupation = c.occupation {
            conditions.append(occupation.count == 6 ? "o.occupation_code = \(bind: occupation)" : "o.occupation_code LIKE \(bind: occupation + "%")")
        }
        if let contract = c.contract { conditions.append("o.contract = \(bind: contract.rawValue)") }
        if let full = c.fullTime { conditions.append(full ? "o.working_time >= 1.0" : "o.working_time < 1.0") }
        if let wage = c.minimumWage { conditions.append("COALESCE(o.wage_max, o.wage_min) >= \(bind: wage)") }
        if c.verifiedOnly { conditions.append("o.employer_verified = \(bind: true)") }
        if let abroad = c.abroad { conditions.append(abroad ? "o.country IS NOT NULL" : "o.country IS NULL") }
        if let since = c.postedSince { conditions.append("o.published_at >= \(bind: since)") }
        if let near = c.near {
            // A box first (uses the index), then the distance on a plane scaled to the latitude:
            // well within a kilometre at the radii people search.
            let dLat = near.km / 111.2
            let kmPerLonDegree = 111.2 * cos(near.latitude * .pi / 180)
            let dLon = near.km / kmPerLonDegree
            conditions.append("o.latitude BETWEEN \(bind: near.latitude - dLat) AND \(bind: near.latitude + dLat)")
            conditions.append("o.longitude BETWEEN \(bind: near.longitude - dLon) AND \(bind: near.longitude + dLon)")
            conditions.append("""
                ((o.latitude - \(bind: near.latitude)) * 111.2) * ((o.latitude - \(bind: near.latitude)) * 111.2) + \
                ((o.longitude - \(bind: near.longitude)) * \(bind: kmPerLonDegree)) * ((o.longitude - \(bind: near.longitude)) * \(bind: kmPerLonDegree)) \
                <= \(bind: near.km * near.km)
                """)
        }
        var whereClause: SQLQueryString = "WHERE "
        for (i, condition) in conditions.enumerated() { whereClause = whereClause + (i == 0 ? "" : " AND ") + condition }

        let order: SQLQueryString = switch c.sort {
        case .relevance where rank != nil: "ORDER BY " + rank! + " DESC, o.published_at DESC, o.id"
        case .wage: "ORDER BY COALESCE(o.wage_max, o.wage_min, 0) DESC, o.published_at DESC, o.id"
        default: "ORDER BY o.published_at DESC, o.id"
        }
        let perPage = max(1, min(c.perPage, 100))
        let offset = max(0, (c.page - 1) * perPage)
        let idQuery: SQLQueryString = "SELECT o.id AS id " + from + " " + whereClause + " " + order
            + " LIMIT \(unsafeRaw: String(perPage)) OFFSET \(unsafeRaw: String(offset))"
        let countQuery: SQLQueryString = "SELECT COUNT(*) AS n " + from + " " + whereClause
        let ids = try await sql.raw(idQuery).all().map { try $0.decode(column: "id", as: UUID.self) }
        let total = try await sql.raw(countQuery).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
        let records = ids.isEmpty ? [] : try await OfferRecord.query(on: db).filter(\.$id ~~ ids).all()
        let byID = Dictionary(uniqueKeysWithValues: try await offers(records).map { ($0.id, $0) })
        return SearchResult(total: total, offers: ids.compactMap { byID[$0] })
    }
}

extension SQLQueryString {
    static func + (a: SQLQueryString, b: SQLQueryString) -> SQLQueryString {
        var r = a
        r.appendInterpolation(b)
        return r
    }
}
