import Foundation

/// How good the ranking is, measured on generated people whose best-fitting offers are known:
/// each seeker has a true trade, home, longest journey, lowest acceptable pay and licences,
/// and writes a CV that tells only part of it (a neighbouring occupation now and then, no
/// journey or pay at times, sections not shared), as real CVs do. The offers that truly fit
/// are those of the true trade within the true journey, paying enough, asking for no licence
/// the seeker lacks. Precision@10: the share of the first ten that truly fit; recall@50: the
/// share of those that truly fit found in the first fifty.
public enum MatchEvaluation {
    public struct Result: Sendable, Equatable {
        public let seekers: Int
        public let offers: Int
        public let meanRelevant: Double
        public let precisionAt10: Double
        public let recallAt50: Double
    }

    struct City { let lat: Double; let lon: Double; let weight: Int }
    /// The largest cities with their populations in thousands; the rest of the country as one
    /// more share spread over the map.
    static let cities: [City] = [
        City(lat: 52.23, lon: 21.01, weight: 1_860), City(lat: 50.06, lon: 19.94, weight: 800), City(lat: 51.76, lon: 19.46, weight: 660),
        City(lat: 51.11, lon: 17.03, weight: 670), City(lat: 52.41, lon: 16.93, weight: 540), City(lat: 54.35, lon: 18.65, weight: 470),
        City(lat: 53.43, lon: 14.55, weight: 390), City(lat: 53.12, lon: 18.01, weight: 330), City(lat: 51.25, lon: 22.57, weight: 330),
        City(lat: 53.13, lon: 23.16, weight: 290), City(lat: 50.26, lon: 19.02, weight: 280), City(lat: 50.04, lon: 22.00, weight: 200),
        City(lat: 53.78, lon: 20.49, weight: 170), City(lat: 50.87, lon: 20.63, weight: 180), City(lat: 50.67, lon: 17.93, weight: 130),
        City(lat: 51.94, lon: 15.51, weight: 140),
    ]
    static let countryside = 7_000

    static func place(_ rng: inout SeededRandom) -> (Double, Double) {
        let total = cities.reduce(countryside) { $0 + $1.weight }
        var r = Int(rng.next() % UInt64(total))
        for c in cities {
            if r < c.weight {
                return (c.lat + Double(Int(rng.next() % 3001) - 1500) / 10_000, c.lon + Double(Int(rng.next() % 3001) - 1500) / 10_000)
            }
            r -= c.weight
        }
        return (49.3 + Double(rng.next() % 5_000) / 1_000, 14.5 + Double(rng.next() % 9_000) / 1_000)
    }

    static func trade(_ rng: inout SeededRandom) -> SyntheticSeekers.Trade {
        while true { if let t = SyntheticSeekers.trade(&rng) { return t } }
    }

    struct Truth { let occupation: Int32; let lat: Float; let lon: Float; let commute: Float; let floor: Float; let licences: LicenceSet }

    public static func run(offers offerCount: Int = 5_000, seekers seekerCount: Int = 1_000, seed: UInt64 = 1,
                           weights: MatchModel.Weights = MatchModel.weights, pool: SyntheticSeekers.Pool) -> Result {
        var rng = SeededRandom(seed: seed)
        let now = Date()
        var offers: [OfferProfile] = []
        for _ in 0..<offerCount {
            let t = trade(&rng)
            let (lat, lon) = place(&rng)
            let wage = Double(Int.random(in: t.wage, using: &rng) / 100 * 100) * (rng.next() % 5 == 0 ? 0.85 : 1.1)
            let licences = rng.next() % 2 == 0 ? LicenceSet.parse(t.licences[Int(rng.next() % UInt64(t.licences.count))]) : []
            offers.append(OfferProfile(id: rng.uuid(), occupation: MatchModel.occupationNumber(t.code), latitude: lat, longitude: lon, abroad: false,
                                       contract: SyntheticOffers.contracts[Int(rng.next() % UInt64(SyntheticOffers.contracts.count))],
                                       fullTime: rng.next() % 5 != 0, monthlyWage: rng.next() % 5 == 0 ? nil : wage, education: t.education,
                                       experienceMonths: [0, 0, 6, 12, 24][Int(rng.next() % 5)], languages: [], licences: licences,
                                       publishedAt: now.addingTimeInterval(-Double(rng.next() % 5_000_000))))
        }
        let index = OfferMatchIndex(offers)
        var evaluated = 0, relevantSum = 0, precision = 0.0, recall = 0.0
        for _ in 0..<seekerCount {
            let t = trade(&rng)
            let (lat, lon) = place(&rng)
            let commute = [10, 20, 30, 30, 50, 80][Int(rng.next() % 6)]
            let floor = Double(t.wage.lowerBound) * (0.9 + Double(rng.next() % 30) / 100)
            let held = LicenceSet.parse(t.licences[Int(rng.next() % UInt64(t.licences.count))] + (rng.next() % 2 == 0 ? " prawo jazdy kat. B" : ""))
            let truth = Truth(occupation: MatchModel.occupationNumber(t.code), lat: Float(lat), lon: Float(lon), commute: Float(commute),
                              floor: Float(floor), licences: held.withImplied)
            // What the CV tells.
            let siblings = pool.byGroup[t.code.prefix(4)] ?? []
            let stated = rng.next() % 4 == 0 && siblings.count > 1 ? siblings[Int(rng.next() % UInt64(siblings.count))] : t.code
            let wish = WorkWish(commuteKm: rng.next() % 10 < 7 ? commute : nil, expectedWage: rng.next() % 10 < 7 ? floor.rounded() : nil)
            let sharesMore = rng.next() % 10 < 7
            let cv = CVProfile(id: rng.uuid(), occupation: MatchModel.occupationNumber(stated), latitude: lat, longitude: lon, wish: wish,
                               education: sharesMore ? t.education : nil, experienceMonths: sharesMore ? Int(rng.next() % 120) : nil,
                               languages: [], licences: rng.next() % 10 < 8 ? held : [], updatedAt: now)
            let relevant = Set(offers.lazy.filter { isRelevant($0, truth) }.map(\.id))
            guard !relevant.isEmpty else { continue }
            let ranked = topWith(weights, index: index, cv: cv)
            evaluated += 1; relevantSum += relevant.count
            precision += Double(ranked.prefix(10).filter { relevant.contains($0) }.count) / 10
            recall += Double(ranked.prefix(50).filter { relevant.contains($0) }.count) / Double(relevant.count)
        }
        let n = Double(max(1, evaluated))
        return Result(seekers: evaluated, offers: offerCount, meanRelevant: Double(relevantSum) / n, precisionAt10: precision / n, recallAt50: recall / n)
    }

    static func isRelevant(_ o: OfferProfile, _ t: Truth) -> Bool {
        o.occupation == t.occupation && MatchModel.km(o.latitude, o.longitude, t.lat, t.lon) <= t.commute
            && (o.monthlyWage.isNaN || o.monthlyWage >= t.floor) && o.licences.isSubset(of: t.licences)
    }

    /// The first fifty under other weights (the index scores with the model's own).
    static func topWith(_ w: MatchModel.Weights, index: OfferMatchIndex, cv: CVProfile) -> [UUID] {
        var best = TopK<UUID>(50)
        index.groups.forEach(inGroupOf: cv.occupation, id: \.id) { o in
            if let s = MatchModel.score(o, cv, w) { best.offer(o.id, score: s, order: o.publishedAt.timeIntervalSinceReferenceDate) }
        }
        return best.items.map(\.item)
    }
}
