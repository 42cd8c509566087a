import Vapor
import Fluent
import Portal
import Storage
import Directory

/// Offers that fit a seeker's CVs and candidates that fit an employer's offer, from the
/// in-memory indexes, each checked against the database before it is shown (an offer closed
/// or a CV withdrawn meanwhile is left out).
struct Matching {
    let snapshots: MatchSnapshots
    let db: any Database
    let directory: any DirectoryStore

    init(_ req: Request) { snapshots = req.application.matchSnapshots; db = req.db; directory = req.directory }
    init(_ app: Application) { snapshots = app.matchSnapshots; db = app.db; directory = FluentDirectoryStore(db: app.db) }

    static func offerSnapshot() -> MatchSnapshot<OfferMatchIndex> {
        MatchSnapshot(refreshEvery: .seconds(20), generation: { SearchResultCache.currentGeneration },
                      full: { db in OfferMatchIndex(try await MatchStore(db: db).liveOffers()) },
                      changes: { db, base, since in
                          let c = try await MatchStore(db: db).offerChanges(since: since)
                          return base.with(changed: c.changed, removedIDs: c.removed)
                      })
    }

    static func candidateSnapshot() -> MatchSnapshot<CandidateMatchIndex> {
        MatchSnapshot(refreshEvery: .seconds(20), generation: { CVStore.currentGeneration },
                      full: { db in CandidateMatchIndex(try await MatchStore(db: db).candidates()) },
                      changes: { db, base, since in base.with(changed: try await MatchStore(db: db).candidateChanges(since: since), removedIDs: []) })
    }

    /// A seeker's own CV as matching reads it: every section (it is their own data).
    func profile(own cv: StoredCV) async throws -> CVProfile {
        var all = cv.draft
        all.shared = Set(CVSection.allCases)
        let entry = try await cv.draft.postalCode.asyncMap { try await directory.postalCode($0) } ?? nil
        return CVProfile(id: cv.id, all.sharedOnly, latitude: entry?.latitude, longitude: entry?.longitude, updatedAt: cv.updatedAt)
    }

    struct OfferMatch { let offer: StoredOffer; let match: MatchModel.Match; let cv: StoredCV }

    enum SeekerMatches { case held(MatchStore.Hold), noCV, found([OfferMatch]) }

    /// A seeker's offers that fit, or why there are none: they objected or are restricted, or
    /// no CV of theirs names an occupation (the CVs are read whole: they are their own).
    func offers(forSeeker account: UUID, k: Int = 20, since: Date? = nil, now: Date = Date()) async throws -> SeekerMatches {
        if let hold = try await MatchStore(db: db).hold(account: account) { return .held(hold) }
        let cvs = try await CVStore(db: db).list(account: account).filter { $0.draft.occupationCode != nil }
        guard !cvs.isEmpty else { return .noCV }
        return .found(try await offers(for: cvs, k: k, since: since, now: now))
    }

    /// The offers that fit any of these CVs best, each once (under the CV it fits best);
    /// `since`: published after it (alerts); `skip`: already sent.
    func offers(for cvs: [StoredCV], k: Int = 20, since: Date? = nil, skip: Set<UUID> = [], now: Date = Date()) async throws -> [OfferMatch] {
        guard !cvs.isEmpty else { return [] }
        let index = try await snapshots.offers.index(db)
        var best: [UUID: (offer: OfferProfile, cv: CVProfile, stored: StoredCV, score: Int)] = [:]
        for cv in cvs {
            let p = try await profile(own: cv)
            for (o, s) in index.top(k + 10, for: p, since: since, skip: { skip.contains($0) }) where s > best[o.id]?.score ?? -1 {
                best[o.id] = (o, p, cv, s)
            }
        }
        let ranked = best.values.sorted { ($0.score, $0.offer.publishedAt) > ($1.score, $1.offer.publishedAt) }.prefix(k + 10)
        let stored = try await OfferStore(db: db).offers(ids: ranked.map(\.offer.id)).filter { $0.isLive(now: now) }
        let byID = Dictionary(uniqueKeysWithValues: ranked.map { ($0.offer.id, $0) })
        return stored.prefix(k).compactMap { o in
            guard let r = byID[o.id], let m = MatchModel.explain(r.offer, r.cv) else { return nil }
            return OfferMatch(offer: o, match: m, cv: r.stored)
        }
    }

    /// The candidates that fit an offer best, from what they shared only; their seekers have
    /// not objected to matching nor had processing restricted (checked again here).
    func candidates(for offer: StoredOffer, k: Int = 20) async throws -> [(candidate: Candidate, match: MatchModel.Match)] {
        let profile = Self.profile(offer)
        let top = try await snapshots.candidates.index(db).top(k * 2, for: profile)
        let byID = Dictionary(top.map { ($0.cv.id, $0.cv) }, uniquingKeysWith: { a, _ in a })
        return try await CVStore(db: db).candidates(top.map(\.cv.id)).prefix(k).compactMap { c in
            byID[c.id].flatMap { MatchModel.explain(profile, $0) }.map { (c, $0) }
        }
    }

    static func profile(_ o: StoredOffer) -> OfferProfile {
        OfferProfile(id: o.id, o.draft, latitude: o.latitude, longitude: o.longitude, publishedAt: o.publishedAt ?? o.createdAt)
    }
}

/// The matching indexes of one running server (made at start, filled at first use).
struct MatchSnapshots: Sendable {
    let offers = Matching.offerSnapshot()
    let candidates = Matching.candidateSnapshot()
}

extension Application {
    private struct MatchSnapshotsKey: StorageKey { typealias Value = MatchSnapshots }

    var matchSnapshots: MatchSnapshots {
        get { storage[MatchSnapshotsKey.self]! }
        set { storage[MatchSnapshotsKey.self] = newValue }
    }
}
