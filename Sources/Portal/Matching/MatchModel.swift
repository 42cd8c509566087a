import Foundation

/// How well an offer fits a CV, 0–100, and why, in parts a person can check.
///
/// Weights (they add up to 100; README "Matching" explains them):
/// - occupation 40 — the same KZiS code 1, the same unit group (4 digits) 0.75, the same minor
///   group (3 digits: related trades) 0.5; anything further apart is not a match at all;
/// - place 20 — within the seeker's daily journey 1 falling to 0.5 at its limit; beyond it only
///   for a seeker willing to move (0.25), abroad likewise; an unknown place 0.3;
/// - licences 10 — the share of the licences asked that the seeker holds (C+E holds C and B);
/// - pay 10 — the offer's monthly pay at or above the expectation 1, falling to 0 at 80 % of it
///   (hourly rates × 168 h); unknown on either side 0.5;
/// - terms 5 — the contract wanted (or any) and full/part time wanted (or either), half each;
/// - languages 5 — per language asked: the level or above 1, below 0.5, none 0;
/// - education 5 — the level asked or above 1, one below 0.5; not shared 0.3;
/// - experience 5 — months asked or more 1, else in proportion; not shared 0.3.
public enum MatchModel {
    public struct Weights: Sendable, Equatable {
        public var occupation = 40.0, place = 20.0, licences = 10.0, pay = 10.0, terms = 5.0, languages = 5.0, education = 5.0, experience = 5.0
        public init() {}
    }
    public static let weights = Weights()

    /// The lowest score shown as "fits" and sent in alerts.
    public static let threshold = 55

    public enum OccupationFit: String, Sendable, Equatable { case same, group, related }

    public enum Reason: Sendable, Equatable {
        case occupation(OccupationFit)
        /// Within the daily journey.
        case distance(km: Int)
        /// Beyond it; the seeker said they would move.
        case move(km: Int)
        case abroad
        case placeUnknown
        case licences(has: LicenceSet, lacks: LicenceSet)
        case language(String, has: LanguageLevel?, asked: LanguageLevel)
        case pay(offer: Int, expected: Int)
        case payUnknown
        case contract(ContractType, wanted: Bool)
        case time(fullTime: Bool, wanted: Bool)
        case education(has: Education?, asked: Education)
        case experience(months: Int?, asked: Int)
    }

    public struct Match: Sendable, Equatable {
        public let score: Int
        public let reasons: [Reason]
    }

    public static func occupationNumber(_ code: String) -> Int32 {
        code.count == 6 ? Int32(code) ?? 0 : 0
    }

    static func fit(_ a: Int32, _ b: Int32) -> OccupationFit? {
        guard a > 0, b > 0 else { return nil }
        if a == b { return .same }
        if a / 100 == b / 100 { return .group }
        if a / 1000 == b / 1000 { return .related }
        return nil
    }

    /// Kilometres on the ground, near enough for Poland (equirectangular: under 0.5 % off at
    /// these distances, and no trigonometry per candidate but one cosine).
    @inline(__always)
    static func km(_ lat1: Float, _ lon1: Float, _ lat2: Float, _ lon2: Float) -> Float {
        let dy = (lat2 - lat1) * 111.2
        let dx = (lon2 - lon1) * 111.2 * cosf((lat1 + lat2) * 0.5 * .pi / 180)
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The score alone (a scan's inner loop); nil when the offer does not fit at all.
    @inline(__always)
    public static func score(_ o: OfferProfile, _ c: CVProfile, _ w: Weights = weights) -> Int? {
        guard let fit = fit(o.occupation, c.occupation) else { return nil }
        guard let place = placePart(o, c).map(\.value) else { return nil }
        var s = w.occupation * occupationValue(fit) + w.place * place
        s += w.licences * licencePart(o, c)
        s += w.pay * payPart(o, c)
        s += w.terms * ((c.wants(o.contract) ? 0.5 : 0) + (timeFits(o, c) ? 0.5 : 0))
        s += w.languages * languagePart(o, c)
        s += w.education * educationPart(o, c)
        s += w.experience * experiencePart(o, c)
        return Int(s.rounded())
    }

    /// The score with its reasons, in the order people read them.
    public static func explain(_ o: OfferProfile, _ c: CVProfile, _ w: Weights = weights) -> Match? {
        guard let total = score(o, c, w), let fit = fit(o.occupation, c.occupation), let place = placePart(o, c) else { return nil }
        var reasons: [Reason] = [.occupation(fit), place.reason]
        if !o.licences.isEmpty {
            let asked = o.licences
            reasons.append(.licences(has: asked.intersection(c.licences), lacks: asked.subtracting(c.licences)))
        }
        for item in o.languages.items {
            let held = c.languages.level(of: item.code)
            let name = LanguagePack(raw: item.code << 3 | 1).list.first?.language ?? ""
            reasons.append(.language(name, has: held.map { LanguageLevel.allCases[$0 - 1] }, asked: LanguageLevel.allCases[item.level - 1]))
        }
        if o.monthlyWage.isNaN || c.expectedMonthly.isNaN {
            if o.monthlyWage.isNaN { reasons.append(.payUnknown) }
        } else {
            reasons.append(.pay(offer: Int(o.monthlyWage.rounded()), expected: Int(c.expectedMonthly.rounded())))
        }
        reasons.append(.contract(o.contract, wanted: c.wants(o.contract)))
        reasons.append(.time(fullTime: o.fullTime, wanted: timeFits(o, c)))
        if o.education > .none { reasons.append(.education(has: c.education, asked: o.education)) }
        if o.experienceMonths > 0 { reasons.append(.experience(months: c.experienceMonths < 0 ? nil : Int(c.experienceMonths), asked: Int(o.experienceMonths))) }
        return Match(score: total, reasons: reasons)
    }

    static func occupationValue(_ fit: OccupationFit) -> Double {
        switch fit { case .same: 1; case .group: 0.75; case .related: 0.5 }
    }

    @inline(__always)
    static func placePart(_ o: OfferProfile, _ c: CVProfile) -> (value: Double, reason: Reason)? {
        if o.abroad { return c.willingToMove ? (0.25, .abroad) : nil }
        if o.latitude.isNaN || c.latitude.isNaN { return (0.3, .placeUnknown) }
        let d = km(o.latitude, o.longitude, c.latitude, c.longitude), range = Float(max(1, c.commuteKm))
        if d <= range { return (1 - 0.5 * Double(d / range), .distance(km: Int(d.rounded()))) }
        return c.willingToMove ? (0.25, .move(km: Int(d.rounded()))) : nil
    }

    @inline(__always)
    static func licencePart(_ o: OfferProfile, _ c: CVProfile) -> Double {
        guard !o.licences.isEmpty else { return 1 }
        return Double(o.licences.intersection(c.licences).rawValue.nonzeroBitCount) / Double(o.licences.rawValue.nonzeroBitCount)
    }

    @inline(__always)
    static func payPart(_ o: OfferProfile, _ c: CVProfile) -> Double {
        guard !o.monthlyWage.isNaN, !c.expectedMonthly.isNaN, c.expectedMonthly > 0 else { return 0.5 }
        let ratio = Double(o.monthlyWage / c.expectedMonthly)
        return ratio >= 1 ? 1 : max(0, (ratio - 0.8) / 0.2)
    }

    @inline(__always)
    static func timeFits(_ o: OfferProfile, _ c: CVProfile) -> Bool {
        switch c.time { case .any: true; case .full: o.fullTime; case .part: !o.fullTime }
    }

    @inline(__always)
    static func languagePart(_ o: OfferProfile, _ c: CVProfile) -> Double {
        guard !o.languages.isEmpty else { return 1 }
        var sum = 0.0, n = 0.0
        for item in o.languages.items {
            n += 1
            if let held = c.languages.level(of: item.code) { sum += held >= item.level ? 1 : 0.5 }
        }
        return sum / n
    }

    @inline(__always)
    static func educationPart(_ o: OfferProfile, _ c: CVProfile) -> Double {
        guard o.education > .none else { return 1 }
        guard let e = c.education else { return 0.3 }
        if e >= o.education { return 1 }
        let gap = Education.allCases.firstIndex(of: o.education)! - Education.allCases.firstIndex(of: e)!
        return gap == 1 ? 0.5 : 0
    }

    @inline(__always)
    static func experiencePart(_ o: OfferProfile, _ c: CVProfile) -> Double {
        guard o.experienceMonths > 0 else { return 1 }
        guard c.experienceMonths >= 0 else { return 0.3 }
        return min(1, Double(c.experienceMonths) / Double(o.experienceMonths))
    }
}
