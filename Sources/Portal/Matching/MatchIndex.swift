import Foundation

/// The best `k` of a scan, kept as it goes: a small sorted array is faster than a heap for the
/// twenty to fifty places pages ask for.
struct TopK<Item> {
    let k: Int
    private(set) var items: [(item: Item, score: Int, order: Double)] = []

    init(_ k: Int) { self.k = k; items.reserveCapacity(k + 1) }

    /// `order` breaks ties: the higher first (the newer offer, the CV changed last).
    @inline(__always)
    mutating func offer(_ item: Item, score: Int, order: Double) {
        if items.count == k, let last = items.last, (score, order) <= (last.score, last.order) { return }
        var i = items.count
        while i > 0, (items[i - 1].score, items[i - 1].order) < (score, order) { i -= 1 }
        items.insert((item, score, order), at: i)
        if items.count > k { items.removeLast() }
    }
}

/// Profiles grouped by the KZiS minor group (3 digits) of their occupation: a match needs at
/// least that much in common, so a scan reads one group, not everything. A snapshot (`base`)
/// read now and then plus the few changed since (`recent`), which shadow their old versions.
public struct MatchGroups<Profile: Sendable>: Sendable {
    var groups: [Int32: [Profile]]
    var recent: [Int32: [Profile]]
    var recentIDs: Set<UUID>
    public let count: Int

    public init(_ profiles: [Profile], occupation: (Profile) -> Int32) {
        var g: [Int32: [Profile]] = [:]
        for p in profiles { let o = occupation(p); if o > 0 { g[o / 1000, default: []].append(p) } }
        groups = g; recent = [:]; recentIDs = []; count = profiles.count
    }

    /// The same snapshot with changes read since: `changed` replace their old versions, `removedIDs`
    /// (and ids of changed ones that no longer match anything) hide them.
    public func with(changed: [Profile], removedIDs: Set<UUID>, id: (Profile) -> UUID, occupation: (Profile) -> Int32) -> MatchGroups {
        var copy = self
        copy.recent = [:]
        copy.recentIDs = removedIDs
        for p in changed {
            copy.recentIDs.insert(id(p))
            let o = occupation(p)
            if o > 0 { copy.recent[o / 1000, default: []].append(p) }
        }
        return copy
    }

    @inline(__always)
    func forEach(inGroupOf occupation: Int32, id: (Profile) -> UUID, _ body: (Profile) -> Void) {
        guard occupation > 0 else { return }
        let key = occupation / 1000
        if let list = groups[key] {
            if recentIDs.isEmpty { for p in list { body(p) } } else { for p in list where !recentIDs.contains(id(p)) { body(p) } }
        }
        if let list = recent[key] { for p in list { body(p) } }
    }
}

/// Live offers for matching against CVs.
public struct OfferMatchIndex: Sendable {
    public private(set) var groups: MatchGroups<OfferProfile>

    public init(_ offers: [OfferProfile]) { groups = MatchGroups(offers, occupation: \.occupation) }

    public func with(changed: [OfferProfile], removedIDs: Set<UUID>) -> OfferMatchIndex {
        var copy = self
        copy.groups = groups.with(changed: changed, removedIDs: removedIDs, id: \.id, occupation: \.occupation)
        return copy
    }

    /// The `k` offers that fit a CV best (score ≥ `minimum`), newest first among equals;
    /// `since`: published after it (alerts), `skip`: left out (already sent, closed meanwhile).
    public func top(_ k: Int, for cv: CVProfile, minimum: Int = MatchModel.threshold, since: Date? = nil,
                    skip: (UUID) -> Bool = { _ in false }) -> [(offer: OfferProfile, score: Int)] {
        var best = TopK<OfferProfile>(k)
        groups.forEach(inGroupOf: cv.occupation, id: \.id) { o in
            if let since, o.publishedAt <= since { return }
            guard let s = MatchModel.score(o, cv), s >= minimum, !skip(o.id) else { return }
            best.offer(o, score: s, order: o.publishedAt.timeIntervalSinceReferenceDate)
        }
        return best.items.map { ($0.item, $0.score) }
    }
}

/// CVs employers may be shown (shared sections only), for matching against offers.
public struct CandidateMatchIndex: Sendable {
    public private(set) var groups: MatchGroups<CVProfile>

    public init(_ cvs: [CVProfile]) { groups = MatchGroups(cvs, occupation: \.occupation) }

    public func with(changed: [CVProfile], removedIDs: Set<UUID>) -> CandidateMatchIndex {
        var copy = self
        copy.groups = groups.with(changed: changed, removedIDs: removedIDs, id: \.id, occupation: \.occupation)
        return copy
    }

    /// The `k` CVs that fit an offer best, the most recently updated first among equals.
    public func top(_ k: Int, for offer: OfferProfile, minimum: Int = MatchModel.threshold,
                    skip: (UUID) -> Bool = { _ in false }) -> [(cv: CVProfile, score: Int)] {
        var best = TopK<CVProfile>(k)
        groups.forEach(inGroupOf: offer.occupation, id: \.id) { c in
            guard let s = MatchModel.score(offer, c), s >= minimum, !skip(c.id) else { return }
            best.offer(c, score: s, order: c.updatedAt.timeIntervalSinceReferenceDate)
        }
        return best.items.map { ($0.item, $0.score) }
    }
}
