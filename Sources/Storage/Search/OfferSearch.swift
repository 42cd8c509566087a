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
    /// With `sqlOnly` the two statements run and the page's offers are not loaded (what the
    /// benchmark calls the engine's own time).
    public func search(_ c: OfferCriteria, now: Date = Date(), sqlOnly: Bool = false) async throws -> SearchResult {
        let sql = db as! any SQLDatabase
        // Everything below reads the search rows (`s`), which carry the filter and sort columns;
        // the offers table is read only for the page found.
        var with: SQLQueryString = ""
        var from: SQLQueryString = "FROM \(ident: SearchIndex.offers.table) s "
        var rank: SQLQueryString? = nil
        if let q = c.query {
            with = SearchIndex.offers.matches(q, db: db)
            from = "FROM m JOIN \(ident: SearchIndex.offers.table) s ON s.seq = m.seq "
            rank = "m.score"
        }
        // On SQLite a unary + keeps the planner from choosing the valid_until range (and then
        // sorting every live offer) over walking the (status, published_at) index in order.
        let isSQLite = SearchIndex.dialect(db) == .sqlite
        let validity: SQLQueryString = isSQLite && c.query == nil ? "+s.valid_until >= \(bind: now)" : "s.valid_until >= \(bind: now)"
        var conditions: [SQLQueryString] = ["s.status = \(bind: OfferStatus.published.rawValue)", validity]
        if let v = c.voivodeship { conditions.append("s.voivodeship_code = \(bind: v)") }
        if let p = c.powiat { conditions.append("s.powiat_code = \(bind: p)") }
        if let occupation = c.occupation {
            conditions.append(occupation.count == 6 ? "s.occupation_code = \(bind: occupation)" : "s.occupation_code LIKE \(bind: occupation + "%")")
        }
        if let contract = c.contract { conditions.append("s.contract = \(bind: contract.rawValue)") }
        if let full = c.fullTime { conditions.append(full ? "s.working_time >= 1.0" : "s.working_time < 1.0") }
        if let wage = c.minimumWage { conditions.append("s.wage >= \(bind: wage)") }
        if c.verifiedOnly { conditions.append("s.verified = \(bind: true)") }
        if let abroad = c.abroad { conditions.append("s.abroad = \(bind: abroad)") }
        if let since = c.postedSince { conditions.append("s.published_at >= \(bind: since)") }
        if let near = c.near {
            // A box first (uses the index), then the distance on a plane scaled to the latitude:
            // well within a kilometre at the radii people search.
            let dLat = near.km / 111.2
            let kmPerLonDegree = 111.2 * cos(near.latitude * .pi / 180)
            let dLon = near.km / kmPerLonDegree
            conditions.append("s.latitude BETWEEN \(bind: near.latitude - dLat) AND \(bind: near.latitude + dLat)")
            conditions.append("s.longitude BETWEEN \(bind: near.longitude - dLon) AND \(bind: near.longitude + dLon)")
            conditions.append("""
                ((s.latitude - \(bind: near.latitude)) * 111.2) * ((s.latitude - \(bind: near.latitude)) * 111.2) + \
                ((s.longitude - \(bind: near.longitude)) * \(bind: kmPerLonDegree)) * ((s.longitude - \(bind: near.longitude)) * \(bind: kmPerLonDegree)) \
                <= \(bind: near.km * near.km)
                """)
        }
        var whereClause: SQLQueryString = "WHERE "
        for (i, condition) in conditions.enumerated() { whereClause = whereClause + (i == 0 ? "" : " AND ") + condition }

        let order: SQLQueryString = switch c.sort {
        case .relevance where rank != nil: "ORDER BY " + rank! + " DESC, s.published_at DESC, s.seq"
        case .wage: "ORDER BY COALESCE(s.wage, 0) DESC, s.published_at DESC, s.seq"
        default: "ORDER BY s.published_at DESC, s.seq"
        }
        let perPage = max(1, min(c.perPage, 100))
        let offset = max(0, (c.page - 1) * perPage)
        let limit: SQLQueryString = " LIMIT \(unsafeRaw: String(perPage)) OFFSET \(unsafeRaw: String(offset))"
        let countQuery: SQLQueryString = with + "SELECT COUNT(*) AS n " + from + " " + whereClause
        let ids: [UUID], total: Int
        if c.query != nil {
            // The matches are joined once: page and count from the same pass.
            let rows = try await sql.raw(with + "SELECT s.doc_id AS id, COUNT(*) OVER () AS n " + from + " " + whereClause + " " + order + limit).all()
            ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
            if let first = rows.first {
                total = try first.decode(column: "n", as: Int.self)
            } else if offset > 0 {
                // Past the last page: the count still says how many there are.
                total = try await sql.raw(countQuery).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
            } else {
                total = 0
            }
        } else {
            // Without text the page walks an index and the count reads a covering one.
            ids = try await sql.raw("SELECT s.doc_id AS id " + from + " " + whereClause + " " + order + limit).all()
                .map { try $0.decode(column: "id", as: UUID.self) }
            total = try await sql.raw(countQuery).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
        }
        if sqlOnly { return SearchResult(total: total, offers: []) }
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
