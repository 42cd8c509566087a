import Foundation

/// An offer as matching reads it: numbers only, so a scan over every offer of an occupation
/// group costs nanoseconds each.
public struct OfferProfile: Sendable, Equatable {
    public let id: UUID
    /// The 6-digit KZiS code as a number (a retired or unknown code matches nothing).
    public let occupation: Int32
    /// Degrees; NaN when the place is unknown.
    public let latitude: Float, longitude: Float
    public let abroad: Bool
    public let contract: ContractType
    public let fullTime: Bool
    /// Best monthly pay; NaN when none is given (or paid by the piece).
    public let monthlyWage: Float
    public let education: Education
    public let experienceMonths: Int16
    public let languages: LanguagePack
    public let licences: LicenceSet
    public let publishedAt: Date

    public init(id: UUID, occupation: Int32, latitude: Double?, longitude: Double?, abroad: Bool, contract: ContractType, fullTime: Bool,
                monthlyWage: Double?, education: Education, experienceMonths: Int, languages: [LanguageRequirement], licences: LicenceSet,
                publishedAt: Date) {
        self.id = id; self.occupation = occupation
        self.latitude = latitude.map(Float.init) ?? .nan; self.longitude = longitude.map(Float.init) ?? .nan
        self.abroad = abroad; self.contract = contract; self.fullTime = fullTime; self.monthlyWage = monthlyWage.map(Float.init) ?? .nan
        self.education = education; self.experienceMonths = Int16(clamping: experienceMonths); self.languages = LanguagePack(languages)
        self.licences = licences; self.publishedAt = publishedAt
    }

    /// From an offer as written; `latitude`/`longitude` from its postal code.
    public init(id: UUID, _ d: OfferDraft, latitude: Double?, longitude: Double?, publishedAt: Date) {
        self.init(id: id, occupation: MatchModel.occupationNumber(d.occupationCode), latitude: latitude, longitude: longitude,
                  abroad: d.country != nil, contract: d.contract, fullTime: d.workingTime >= 1,
                  monthlyWage: Pay.monthly(min: d.wageMin, max: d.wageMax, type: d.wageType), education: d.education,
                  experienceMonths: d.experienceMonths, languages: d.languages, licences: LicenceSet.parse(d.licences), publishedAt: publishedAt)
    }
}

/// A CV as matching reads it. On the employers' side it is built from the shared sections
/// only: a section not shared is unknown (`nil`/NaN/empty), never guessed.
public struct CVProfile: Sendable, Equatable {
    public let id: UUID
    /// 0 when the CV names no occupation (it matches nothing).
    public let occupation: Int32
    public let latitude: Float, longitude: Float
    public let commuteKm: Int16
    public let willingToMove: Bool
    /// Empty: any contract.
    public let contracts: UInt16
    public let time: WorkWish.Time
    public let expectedMonthly: Float
    /// nil: not shared.
    public let education: Education?
    /// -1: not shared.
    public let experienceMonths: Int16
    public let languages: LanguagePack
    public let licences: LicenceSet
    public let updatedAt: Date

    public init(id: UUID, occupation: Int32, latitude: Double?, longitude: Double?, wish: WorkWish?, education: Education?,
                experienceMonths: Int?, languages: [LanguageRequirement], licences: LicenceSet, updatedAt: Date) {
        self.id = id; self.occupation = occupation
        self.latitude = latitude.map(Float.init) ?? .nan; self.longitude = longitude.map(Float.init) ?? .nan
        let w = wish ?? WorkWish()
        self.commuteKm = Int16(clamping: w.commute); self.willingToMove = w.willingToMove
        self.contracts = w.contracts.reduce(0) { $0 | CVProfile.bit($1) }
        self.time = w.time; self.expectedMonthly = w.expectedMonthly.map(Float.init) ?? .nan
        self.education = education; self.experienceMonths = experienceMonths.map { Int16(clamping: $0) } ?? -1
        self.languages = LanguagePack(languages); self.licences = licences.withImplied; self.updatedAt = updatedAt
    }

    /// The shared part of a CV (employers' side) or the whole CV (`cv.sharedOnly` of a copy
    /// with every section shared: the seeker's own side).
    public init(id: UUID, _ cv: SharedCV, latitude: Double?, longitude: Double?, updatedAt: Date) {
        self.init(id: id, occupation: cv.occupationCode.map(MatchModel.occupationNumber) ?? 0, latitude: latitude, longitude: longitude,
                  wish: cv.wish, education: cv.education, experienceMonths: cv.experienceMonths, languages: cv.languages ?? [],
                  licences: LicenceSet.parse(cv.licences ?? ""), updatedAt: updatedAt)
    }

    static func bit(_ c: ContractType) -> UInt16 { 1 << UInt16(ContractType.allCases.firstIndex(of: c)!) }
    public func wants(_ c: ContractType) -> Bool { contracts == 0 || contracts & Self.bit(c) != 0 }
}

/// Up to four languages with levels in one word: 10 bits for the ISO 639-1 code, 3 for the level.
public struct LanguagePack: Sendable, Equatable, Hashable {
    public let raw: UInt64
    public init(raw: UInt64) { self.raw = raw }

    public init(_ list: [LanguageRequirement]) {
        var r: UInt64 = 0, n = 0
        for l in list where n < 4 {
            guard let code = Self.code(l.language) else { continue }
            let level = UInt64(LanguageLevel.allCases.firstIndex(of: l.level)! + 1)
            r |= (code << 3 | level) << (16 * UInt64(n)); n += 1
        }
        raw = r
    }

    static func code(_ language: String) -> UInt64? {
        let u = Array(language.utf8)
        guard u.count == 2, (97...122).contains(u[0]), (97...122).contains(u[1]) else { return nil }
        return UInt64(u[0] - 97) * 26 + UInt64(u[1] - 97)
    }

    public var list: [LanguageRequirement] {
        (0..<4).compactMap { i in
            let item = (raw >> (16 * UInt64(i))) & 0xFFFF
            guard item != 0 else { return nil }
            let code = item >> 3, level = Int(item & 7) - 1
            let name = String(decoding: [UInt8(code / 26) + 97, UInt8(code % 26) + 97], as: UTF8.self)
            return LanguageRequirement(language: name, level: LanguageLevel.allCases[level])
        }
    }

    public var isEmpty: Bool { raw == 0 }

    /// The level held of a language (by its packed code), or nil.
    func level(of code: UInt64) -> Int? {
        for i in 0..<4 {
            let item = (raw >> (16 * UInt64(i))) & 0xFFFF
            if item != 0 && item >> 3 == code { return Int(item & 7) }
        }
        return nil
    }

    /// Each language asked: (its code, level asked 1…6).
    var items: [(code: UInt64, level: Int)] {
        (0..<4).compactMap { i in
            let item = (raw >> (16 * UInt64(i))) & 0xFFFF
            return item == 0 ? nil : (item >> 3, Int(item & 7))
        }
    }
}
