import Fluent
import SQLKit
import Foundation
import Portal

/// What matching reads from the database: the live offers and the CVs employers may be shown,
/// as compact profiles, all at once (read a page at a time by id) or those changed since a
/// moment; and the seekers' match alerts with the pairs already sent.
public struct MatchStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    static let offerColumns: SQLQueryString = """
        o.id, o.status, o.valid_until, o.occupation_code, o.latitude, o.longitude, o.country, o.contract, o.working_time, o.wage_min, \
        o.wage_max, o.wage_type, o.education, o.experience_months, o.languages, o.licences, o.published_at, o.created_at
        """

    /// Every live offer.
    public func liveOffers(now: Date = Date()) async throws -> [OfferProfile] {
        let sql = db as! any SQLDatabase
        var out: [OfferProfile] = [], after = Self.zero
        while true {
            let rows = try await sql.raw("SELECT " + Self.offerColumns + " FROM offers o WHERE o.id > \(bind: after) AND o.status = 'published' "
                                         + "AND o.valid_until >= \(bind: now) ORDER BY o.id LIMIT 5000").all()
            guard let last = rows.last else { return out }
            out += try rows.map { try Self.offer($0).profile }
            after = try last.decode(column: "id", as: UUID.self)
        }
    }

    /// Offers changed after `since`: the live ones, and the ids of those no longer live.
    public func offerChanges(since: Date, now: Date = Date()) async throws -> (changed: [OfferProfile], removed: Set<UUID>) {
        let rows = try await (db as! any SQLDatabase).raw("SELECT " + Self.offerColumns + " FROM offers o WHERE o.updated_at > \(bind: since)").all()
        var changed: [OfferProfile] = [], removed = Set<UUID>()
        for row in rows {
            let o = try Self.offer(row)
            if o.live(now) { changed.append(o.profile) } else { removed.insert(o.profile.id) }
        }
        return (changed, removed)
    }

    struct OfferRow { let profile: OfferProfile; let status: String; let validUntil: Date; func live(_ now: Date) -> Bool { status == "published" && validUntil >= now } }

    static func offer(_ row: any SQLRow) throws -> OfferRow {
        func od(_ c: String) throws -> Double? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: Double.self) }
        let languagesText = try row.decode(column: "languages", as: String.self)
        let languages = languagesText == "[]" ? [] : (try? JSONDecoder().decode([LanguageRequirement].self, from: Data(languagesText.utf8))) ?? []
        let country = try row.decodeNil(column: "country") ? nil : try row.decode(column: "country", as: String.self)
        let published = try row.decodeNil(column: "published_at") ? try row.decode(column: "created_at", as: Date.self)
            : try row.decode(column: "published_at", as: Date.self)
        let profile = OfferProfile(
            id: try row.decode(column: "id", as: UUID.self), occupation: MatchModel.occupationNumber(try row.decode(column: "occupation_code", as: String.self)),
            latitude: try od("latitude"), longitude: try od("longitude"), abroad: country != nil,
            contract: ContractType(rawValue: try row.decode(column: "contract", as: String.self)) ?? .employment,
            fullTime: try row.decode(column: "working_time", as: Double.self) >= 1,
            monthlyWage: Pay.monthly(min: try od("wage_min"), max: try od("wage_max"), type: WageType(rawValue: try row.decode(column: "wage_type", as: String.self)) ?? .monthly),
            education: Education(rawValue: try row.decode(column: "education", as: String.self)) ?? .none,
            experienceMonths: try row.decode(column: "experience_months", as: Int.self), languages: languages,
            licences: LicenceSet.parse(try row.decode(column: "licences", as: String.self)), publishedAt: published)
        return OfferRow(profile: profile, status: try row.decode(column: "status", as: String.self), validUntil: try row.decode(column: "valid_until", as: Date.self))
    }

    static let zero = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    static let candidateColumns: SQLQueryString = """
        c.cv_id, c.occupation_code, c.latitude, c.longitude, c.commute_km, c.willing_to_move, c.expected_monthly, c.work_time, c.contracts, \
        c.licences, c.language_levels, c.education_rank, c.experience_months, c.updated_at
        """

    /// Every CV employers may be shown that names an occupation (its seeker not objecting to
    /// matching nor restricted), ten thousand rows a statement.
    public func candidates() async throws -> [CVProfile] {
        let sql = db as! any SQLDatabase
        var out: [CVProfile] = [], after = Self.zero
        while true {
            let rows = try await sql.raw("SELECT " + Self.candidateColumns + " FROM cv_candidates c WHERE c.cv_id > \(bind: after) "
                                         + "AND c.occupation_code IS NOT NULL AND " + CVStore.notObjecting + " ORDER BY c.cv_id LIMIT 10000").all()
            guard let last = rows.last else { return out }
            out.reserveCapacity(out.count + rows.count)
            for row in rows { out.append(try Self.candidate(row)) }
            after = try last.decode(column: "cv_id", as: UUID.self)
        }
    }

    /// CVs changed after `since` (a CV deleted or no longer shared is not among them: what is
    /// shown is read again from `cv_candidates`, which no longer has it).
    public func candidateChanges(since: Date) async throws -> [CVProfile] {
        try await (db as! any SQLDatabase).raw("SELECT " + Self.candidateColumns + " FROM cv_candidates c WHERE c.updated_at > \(bind: since) AND "
                                               + CVStore.notObjecting).all().map(Self.candidate)
    }

    static func candidate(_ row: any SQLRow) throws -> CVProfile {
        func od(_ c: String) throws -> Double? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: Double.self) }
        func oi(_ c: String) throws -> Int? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: Int.self) }
        func os(_ c: String) throws -> String? { try row.decodeNil(column: c) ? nil : row.decode(column: c, as: String.self) }
        let expected = try od("expected_monthly")
        let contracts = try os("contracts").map { $0.split(separator: ",").compactMap { ContractType(rawValue: String($0)) } } ?? []
        let wish = WorkWish(commuteKm: try oi("commute_km"), willingToMove: try row.decodeNil(column: "willing_to_move") ? false : try row.decode(column: "willing_to_move", as: Bool.self),
                            expectedWage: expected, expectedWageType: .monthly,
                            time: try os("work_time").flatMap(WorkWish.Time.init(rawValue:)) ?? .any, contracts: contracts)
        let rank = try oi("education_rank")
        return CVProfile(id: try row.decode(column: "cv_id", as: UUID.self),
                         occupation: try os("occupation_code").map(MatchModel.occupationNumber) ?? 0,
                         latitude: try od("latitude"), longitude: try od("longitude"), wish: wish,
                         education: rank.flatMap { Education.allCases.indices.contains($0) ? Education.allCases[$0] : nil },
                         experienceMonths: try oi("experience_months"),
                         languages: try os("language_levels").flatMap(LanguageRequirement.parseList) ?? [],
                         licences: LicenceSet(rawValue: UInt32(truncatingIfNeeded: try oi("licences") ?? 0)),
                         updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }
}

extension MatchStore {
    public enum Hold: String, Sendable { case objection, restriction }

    /// Why a seeker's CVs may not be matched at all: they objected to the profiling of matching
    /// or of alerts (art. 21), or their processing is restricted (art. 18).
    public func hold(account: UUID) async throws -> Hold? {
        guard let row = try await (db as! any SQLDatabase).select().columns("objects_to_matching_at", "objects_to_alerts_at", "restricted_at")
            .from("accounts").where("id", .equal, SQLBind(account)).first() else { return .restriction }
        if !(try row.decodeNil(column: "restricted_at")) { return .restriction }
        let matching = try row.decodeNil(column: "objects_to_matching_at"), alerts = try row.decodeNil(column: "objects_to_alerts_at")
        if !matching || !alerts { return .objection }
        return nil
    }
}
