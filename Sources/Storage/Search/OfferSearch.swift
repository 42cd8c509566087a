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
    /// With `cache`, a result found in the last moments is used again (see `SearchResultCache`).
    public func search(_ c: OfferCriteria, now: Date = Date(), sqlOnly: Bool = false, cache: SearchResultCache? = nil) async throws -> SearchResult {
        if let cache {
            let key = c.resultKey
            if let hit = cache.get(key) {
                return SearchResult(total: hit.total, offers: try await offers(ids: hit.ids).filter { $0.isLive(now: now) })
            }
            let generation = SearchResultCache.currentGeneration
            let fresh = try await search(c, now: now, sqlOnly: false)
            cache.put(key, total: fresh.total, ids: fresh.offers.map(\.id), generation: generation)
            return fresh
        }
        let sql = db as! any SQLDatabase
        // Everything below reads the search rows (`s`), which carry the filter and sort columns;
        // the offers table is read only for the page found.
        var with: SQLQueryString = ""
        var from: SQLQueryString = "FROM \(ident: SearchIndex.offers.table) s "
        var rank: SQLQueryString? = nil
        var textCondition: SQLQueryString? = nil
        if let q = c.query {
            let match = SearchIndex.offers.textMatch(q, db: db)
            with = match.with; from = match.from; textCondition = match.condition; rank = match.rank
        }
        // On SQLite a unary + keeps the planner from choosing the valid_until range (and then
        // sorting every live offer) over walking the (status, published_at) index in order.
        let isSQLite = SearchIndex.dialect(db) == .sqlite
        let validity: SQLQueryString = isSQLite && c.query == nil ? "+s.valid_until >= \(bind: now)" : "s.valid_until >= \(bind: now)"
        var conditions: [SQLQueryString] = ["s.status = \(bind: OfferStatus.published.rawValue)", validity]
        if let textCondition { conditions.append(textCondition) }
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

        let order = Self.order(c.sort, ranked: false, alias: "s")
        let perPage = max(1, min(c.perPage, 100))
        let offset = max(0, (c.page - 1) * perPage)
        let limit: SQLQueryString = " LIMIT \(unsafeRaw: String(perPage)) OFFSET \(unsafeRaw: String(offset))"
        let countQuery: SQLQueryString = with + "SELECT COUNT(*) AS n " + from + " " + whereClause
        let ids: [UUID], total: Int
        if c.query != nil {
            // The matches are read once into `r`, then page and count come from that one pass.
            // (Materialised, so PostgreSQL reads the matches through the GIN index instead of
            // walking the date index backwards and testing every live offer.)
            let matchList: SQLQueryString = (isSQLite ? with + ", r AS MATERIALIZED (" : "WITH r AS MATERIALIZED (")
                + "SELECT s.doc_id, s.seq, s.published_at, s.wage, " + (rank ?? "0") + " AS score " + from + " " + whereClause + ") "
            // The count joined to the page, so a page past the end still says how many there
            // are; the page is a top-N sort of the matches, not a sort of them all.
            let rows = try await sql.raw(matchList + "SELECT p.id, c.n FROM (SELECT COUNT(*) AS n FROM r) c LEFT JOIN "
                + "(SELECT r.doc_id AS id, r.score, r.published_at, r.wage, r.seq FROM r " + Self.order(c.sort, ranked: true, alias: "r") + limit
                + ") p ON 1 = 1 " + Self.order(c.sort, ranked: true, alias: "p")).all()
            ids = try rows.compactMap { try $0.decodeNil(column: "id") ? nil : $0.decode(column: "id", as: UUID.self) }
            total = try rows.first?.decode(column: "n", as: Int.self) ?? 0
        } else {
            // Without text the page walks an index and the count reads a covering one.
            ids = try await sql.raw("SELECT s.doc_id AS id " + from + " " + whereClause + " " + order + limit).all()
                .map { try $0.decode(column: "id", as: UUID.self) }
            total = try await sql.raw(countQuery).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
        }
        if sqlOnly { return SearchResult(total: total, offers: []) }
        return SearchResult(total: total, offers: try await offers(ids: ids))
    }
}

extension OfferStore {
    /// Ties broken by date, then by insertion, so pages never overlap.
    static func order(_ sort: OfferCriteria.Sort, ranked: Bool, alias: String) -> SQLQueryString {
        let a: SQLQueryString = "\(unsafeRaw: alias)"
        switch sort {
        case .relevance where ranked: return "ORDER BY " + a + ".score DESC, " + a + ".published_at DESC, " + a + ".seq"
        case .wage: return "ORDER BY COALESCE(" + a + ".wage, 0) DESC, " + a + ".published_at DESC, " + a + ".seq"
        default: return "ORDER BY " + a + ".published_at DESC, " + a + ".seq"
        }
    }
}

extension SQLQueryString {
    static func + (a: SQLQueryString, b: SQLQueryString) -> SQLQueryString {
        var r = a
        r.appendInterpolation(b)
        return r
    }
}
