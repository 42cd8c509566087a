import Testing
import Foundation
import Portal

struct MatchModelTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let warsaw = (52.2297, 21.0122), lodz = (51.7592, 19.4560), pruszkow = (52.1708, 20.8120)

    static func offer(_ code: String = "833203", at place: (Double, Double)? = warsaw, abroad: Bool = false, licences: String = "",
                      wage: Double? = 8_000, wageType: WageType = .monthly, languages: [LanguageRequirement] = [],
                      education: Education = .none, experience: Int = 0, published: Date = now) -> OfferProfile {
        OfferProfile(id: UUID(), occupation: MatchModel.occupationNumber(code), latitude: place?.0, longitude: place?.1, abroad: abroad,
                     contract: .employment, fullTime: true, monthlyWage: Pay.monthly(min: nil, max: wage, type: wageType), education: education,
                     experienceMonths: experience, languages: languages, licences: LicenceSet.parse(licences), publishedAt: published)
    }

    static func cv(_ code: String? = "833203", at place: (Double, Double)? = warsaw, wish: WorkWish? = nil, licences: String = "",
                   languages: [LanguageRequirement] = [], education: Education? = nil, experience: Int? = nil) -> CVProfile {
        CVProfile(id: UUID(), occupation: code.map(MatchModel.occupationNumber) ?? 0, latitude: place?.0, longitude: place?.1, wish: wish,
                  education: education, experienceMonths: experience, languages: languages, licences: LicenceSet.parse(licences), updatedAt: now)
    }

    @Test func licencesAreReadFromTheWordsPeopleWrite() {
        let s = LicenceSet.parse("Prawo jazdy kat.C+E, kod 95; uprawnienia UDT na wózki widłowe")
        #expect(s == [.ce, .driverQualification, .forklift])
        #expect(s.withImplied.isSuperset(of: [.c, .b, .be, .c1]))
        #expect(LicenceSet.parse("uprawnienia SEP do 1 kV").contains(.electrical))
        #expect(LicenceSet.parse("separacja od hałasu, kurs BHP").isEmpty)
        #expect(LicenceSet.parse("certyfikat spawalniczy 135") == .welding)
        #expect(LicenceSet.parse("prawo jazdy kat. D") .withImplied == [.d, .b])
    }

    @Test func theSameOccupationBeatsItsGroupWhichBeatsRelatedOnesAndFurtherIsNoMatch() throws {
        let o = Self.offer("833203")
        let same = try #require(MatchModel.score(o, Self.cv("833203")))
        let group = try #require(MatchModel.score(o, Self.cv("833202")))
        let related = try #require(MatchModel.score(o, Self.cv("833101")))
        #expect(same > group && group > related)
        #expect(MatchModel.score(o, Self.cv("832203")) == nil)
        #expect(MatchModel.score(o, Self.cv(nil)) == nil)
        // An unknown or retired code on the offer matches nothing rather than everything.
        #expect(MatchModel.score(Self.offer("99999"), Self.cv("833203")) == nil)
        #expect(MatchModel.explain(o, Self.cv("833202"))?.reasons.first == .occupation(.group))
    }

    @Test func distanceCountsAgainstTheSeekersJourneyOrTheirWishToMove() throws {
        let o = Self.offer(at: Self.lodz)
        #expect(MatchModel.score(o, Self.cv(wish: WorkWish(commuteKm: 50))) == nil)
        let far = try #require(MatchModel.explain(o, Self.cv(wish: WorkWish(commuteKm: 50, willingToMove: true))))
        guard case .move(let km) = far.reasons[1] else { Issue.record("expected a move, got \(far.reasons)"); return }
        #expect((115...125).contains(km))
        let near = try #require(MatchModel.explain(Self.offer(at: Self.pruszkow), Self.cv(wish: WorkWish(commuteKm: 30))))
        guard case .distance(let d) = near.reasons[1] else { Issue.record("expected a distance, got \(near.reasons)"); return }
        #expect((13...17).contains(d))
        #expect(near.score > far.score)
        // Abroad: only for someone who would move; a seeker with no place in Poland is matched
        // on everything else, the place scored as unknown.
        #expect(MatchModel.score(Self.offer(at: nil, abroad: true), Self.cv()) == nil)
        #expect(MatchModel.explain(Self.offer(at: nil, abroad: true), Self.cv(wish: WorkWish(willingToMove: true)))?.reasons[1] == .abroad)
        #expect(MatchModel.explain(Self.offer(), Self.cv(at: nil))?.reasons[1] == .placeUnknown)
    }

    @Test func anHourlyWishIsComparedWithAMonthlyOfferInOneUnit() throws {
        let hourly = Self.cv(wish: WorkWish(expectedWage: 40, expectedWageType: .hourly))
        let m = try #require(MatchModel.explain(Self.offer(wage: 6_500), hourly))
        #expect(m.reasons.contains(.pay(offer: 6_500, expected: 6_720)))
        let better = try #require(MatchModel.score(Self.offer(wage: 7_000), hourly))
        #expect(better > m.score)
        // An hourly offer of 45 zł is 7 560 a month.
        #expect(try #require(MatchModel.explain(Self.offer(wage: 45, wageType: .hourly), hourly)).reasons.contains(.pay(offer: 7_560, expected: 6_720)))
        #expect(try #require(MatchModel.explain(Self.offer(wage: nil), hourly)).reasons.contains(.payUnknown))
    }

    @Test func licencesLanguagesEducationAndExperienceAreExplainedPartByPart() throws {
        let o = Self.offer(licences: "prawo jazdy kat. C+E, kod 95", languages: [.init(language: "en", level: .b1), .init(language: "de", level: .a2)],
                           education: .vocational, experience: 24)
        let full = try #require(MatchModel.explain(o, Self.cv(licences: "C+E", languages: [.init(language: "en", level: .b2)],
                                                           education: .secondary, experience: 12)))
        #expect(full.reasons.contains(.licences(has: .ce, lacks: .driverQualification)))
        #expect(full.reasons.contains(.language("en", has: .b2, asked: .b1)))
        #expect(full.reasons.contains(.language("de", has: nil, asked: .a2)))
        #expect(full.reasons.contains(.education(has: .secondary, asked: .vocational)))
        #expect(full.reasons.contains(.experience(months: 12, asked: 24)))
        let both = try #require(MatchModel.score(o, Self.cv(licences: "C+E kod 95", languages: [.init(language: "en", level: .b2)],
                                                             education: .secondary, experience: 12)))
        #expect(both > full.score)
    }

    @Test func employersSideReadsSharedSectionsOnly() {
        var d = CVDraft(title: "Mój", desiredJob: "Kierowca", occupationCode: "833203", education: .higher, experienceMonths: 60,
                        licences: "prawo jazdy kat. C+E", shared: [.desired], wish: WorkWish(commuteKm: 40))
        let shared = CVProfile(id: UUID(), d.sharedOnly, latitude: 52, longitude: 21, updatedAt: Self.now)
        #expect(shared.licences.isEmpty && shared.education == nil && shared.experienceMonths == -1 && shared.commuteKm == 40)
        d.shared = []
        #expect(CVProfile(id: UUID(), d.sharedOnly, latitude: nil, longitude: nil, updatedAt: Self.now).occupation == 0)
    }

    @Test func languagesPackIntoOneWordAndBack() {
        let list: [LanguageRequirement] = [.init(language: "en", level: .c2), .init(language: "uk", level: .a1), .init(language: "zz", level: .b1)]
        #expect(LanguagePack(list).list == list)
        #expect(LanguagePack([.init(language: "english", level: .b1)]).isEmpty)
    }

    @Test func theIndexGivesTheBestFirstAboveTheThresholdAndOnlyNewOnesWhenAsked() {
        let yesterday = Self.now.addingTimeInterval(-86_400)
        let best = Self.offer(at: Self.pruszkow), group = Self.offer("833202"), old = Self.offer(published: yesterday.addingTimeInterval(-86_400)),
            other = Self.offer("512001")
        let index = OfferMatchIndex([group, other, old, best])
        let c = Self.cv(wish: WorkWish(commuteKm: 40))
        let top = index.top(10, for: c)
        #expect(Set(top.map(\.offer.id)) == [old.id, best.id, group.id])
        #expect(top.allSatisfy { $0.score >= MatchModel.threshold })
        #expect(zip(top, top.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(!index.top(10, for: c, since: yesterday).contains { $0.offer.id == old.id })
        #expect(index.top(1, for: c).count == 1)
        // A newer version of an offer shadows the old one; removed ones are gone.
        let moved = OfferProfile(id: best.id, occupation: best.occupation, latitude: Self.lodz.0, longitude: Self.lodz.1, abroad: false,
                                 contract: .employment, fullTime: true, monthlyWage: 8_000, education: .none, experienceMonths: 0, languages: [],
                                 licences: [], publishedAt: Self.now)
        let changed = index.with(changed: [moved], removedIDs: [old.id])
        #expect(Set(changed.top(10, for: c).map(\.offer.id)) == [group.id])
    }

    @Test func generatedSeekersHaveOneToThreeCVsOfRealOccupationsAndVariedSharing() throws {
        let occupations = try OccupationList.bundled()
        let codes = Set(occupations.filter(\.isOccupation).map(\.code))
        let pool = SyntheticSeekers.Pool(occupations)
        var rng = SeededRandom(seed: 7)
        var counts = [0, 0, 0, 0], sharedNothing = 0, all = 0, withWish = 0
        var byCode: [String: Int] = [:]
        for n in 0..<2_000 {
            let cvs = SyntheticSeekers.cvs(n, home: .init(postalCode: "00-001", locality: "Warszawa"), occupations: pool, rng: &rng)
            counts[cvs.count] += 1
            for cv in cvs {
                #expect(cv.problems(occupationExists: codes.contains).isEmpty, "\(cv)")
                all += 1; if cv.shared.isEmpty { sharedNothing += 1 }; if cv.wish != nil { withWish += 1 }
                byCode[cv.occupationCode!, default: 0] += 1
            }
        }
        #expect(counts[0] == 0 && counts[1] > counts[2] && counts[2] > counts[3] && counts[3] > 0)
        #expect((0.05...0.2).contains(Double(sharedNothing) / Double(all)))
        #expect((0.75...0.95).contains(Double(withWish) / Double(all)))
        // Shop assistants are the most common, as in the register of the unemployed.
        #expect(byCode.max { $0.value < $1.value }?.key == "522301")
    }

    @Test func theModelRanksTrulyFittingOffersFarAboveChance() throws {
        let pool = SyntheticSeekers.Pool(try OccupationList.bundled())
        let result = MatchEvaluation.run(offers: 3_000, seekers: 300, seed: 3, pool: pool)
        // Weighing nothing leaves the newest first among everything of the group within reach.
        var none = MatchModel.Weights()
        none.occupation = 0; none.place = 0; none.pay = 0; none.licences = 0; none.terms = 0; none.languages = 0; none.education = 0; none.experience = 0
        let blind = MatchEvaluation.run(offers: 3_000, seekers: 300, seed: 3, weights: none, pool: pool)
        #expect(result.seekers > 100)
        #expect(result.precisionAt10 > blind.precisionAt10 + 0.05, "\(result) vs \(blind)")
        #expect(result.recallAt50 > blind.recallAt50, "\(result) vs \(blind)")
    }
}
