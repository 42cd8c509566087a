import Foundation

/// An offer as an employer writes it, before it is stored. `problems` says what is wrong, field
/// by field, with catalogue keys, so a form and the API can explain it in the user's language.
public struct OfferDraft: Sendable, Equatable {
    public var title: String
    public var occupationCode: String
    public var duties: String
    /// In Poland: the postal code of the place of work (it gives locality, powiat and coordinates).
    public var postalCode: String?
    public var locality: String
    /// Abroad (EURES): ISO 3166-1 alpha-2 country, e.g. "DE"; nil in Poland.
    public var country: String?
    public var contract: ContractType
    /// Full-time equivalent, 0.1…1.0.
    public var workingTime: Double
    public var shifts: ShiftSystem
    public var wageMin: Double?
    public var wageMax: Double?
    public var wageType: WageType
    public var positions: Int
    public var positionsForDisabled: Int
    public var education: Education
    public var languages: [LanguageRequirement]
    public var experienceMonths: Int
    public var licences: String
    public var startDate: Date?
    public var validUntil: Date
    public var howToApply: String
    public var employerVisible: Bool

    public init(title: String, occupationCode: String, duties: String, postalCode: String?, locality: String, country: String?,
                contract: ContractType, workingTime: Double, shifts: ShiftSystem, wageMin: Double?, wageMax: Double?, wageType: WageType,
                positions: Int, positionsForDisabled: Int, education: Education, languages: [LanguageRequirement], experienceMonths: Int,
                licences: String, startDate: Date?, validUntil: Date, howToApply: String, employerVisible: Bool) {
        self.title = title; self.occupationCode = occupationCode; self.duties = duties; self.postalCode = postalCode
        self.locality = locality; self.country = country; self.contract = contract; self.workingTime = workingTime
        self.shifts = shifts; self.wageMin = wageMin; self.wageMax = wageMax; self.wageType = wageType; self.positions = positions
        self.positionsForDisabled = positionsForDisabled; self.education = education; self.languages = languages
        self.experienceMonths = experienceMonths; self.licences = licences; self.startDate = startDate; self.validUntil = validUntil
        self.howToApply = howToApply; self.employerVisible = employerVisible
    }

    public struct Problem: Sendable, Equatable {
        public let field: String
        public let key: String
        public let arguments: [String: String]
        public init(_ field: String, _ key: String, _ arguments: [String: String] = [:]) { self.field = field; self.key = key; self.arguments = arguments }

        /// A text field's length outside `min...max` (ignoring surrounding spaces), or nil.
        public static func length(_ field: String, _ value: String, min: Int = 0, max: Int) -> Problem? {
            let n = value.trimmingCharacters(in: .whitespacesAndNewlines).count
            if n < min { return Problem(field, "offer.error.required") }
            if n > max { return Problem(field, "offer.error.too_long", ["max": "\(max)"]) }
            return nil
        }
    }

    /// The longest an offer may stay open before it must be renewed.
    public static let maximumValidityDays = 180

    public func problems(today: Date, occupationExists: (String) -> Bool) -> [Problem] {
        var p: [Problem] = []
        func length(_ field: String, _ value: String, min: Int = 1, max: Int) {
            if let problem = Problem.length(field, value, min: min, max: max) { p.append(problem) }
        }
        length("title", title, max: 200)
        length("duties", duties, min: 20, max: 5000)
        length("how_to_apply", howToApply, max: 2000)
        length("locality", locality, max: 100)
        if licences.count > 500 { p.append(Problem("licences", "offer.error.too_long", ["max": "500"])) }
        if occupationCode.count != 6 || !occupationExists(occupationCode) { p.append(Problem("occupation", "offer.error.occupation")) }
        if let country {
            if country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isUppercase }) || country == "PL" {
                p.append(Problem("country", "offer.error.country"))
            }
        } else if postalCode == nil {
            p.append(Problem("postal_code", "offer.error.required"))
        }
        if !(0.1...1.0).contains(workingTime) { p.append(Problem("working_time", "offer.error.working_time")) }
        if let min = wageMin, min < 0 { p.append(Problem("wage_min", "offer.error.wage_negative")) }
        if let max = wageMax, max < 0 { p.append(Problem("wage_max", "offer.error.wage_negative")) }
        if let min = wageMin, let max = wageMax, min > max { p.append(Problem("wage_max", "offer.error.wage_order")) }
        if !(1...10_000).contains(positions) { p.append(Problem("positions", "offer.error.positions")) }
        if positionsForDisabled < 0 || positionsForDisabled > positions { p.append(Problem("positions_disabled", "offer.error.positions_disabled")) }
        if !(0...600).contains(experienceMonths) { p.append(Problem("experience", "offer.error.experience")) }
        let start = Calendar.polish.startOfDay(for: today)
        if validUntil < start { p.append(Problem("valid_until", "offer.error.past")) }
        if validUntil > start.addingTimeInterval(Double(Self.maximumValidityDays) * 86_400 + 86_399) {
            p.append(Problem("valid_until", "offer.error.too_far", ["days": "\(Self.maximumValidityDays)"]))
        }
        if let s = startDate, s < start { p.append(Problem("start_date", "offer.error.past")) }
        if languages.count > 5 { p.append(Problem("languages", "offer.error.too_many_languages")) }
        for l in languages where l.language.count != 2 || !l.language.allSatisfy({ $0.isASCII && $0.isLowercase }) {
            p.append(Problem("languages", "offer.error.language"))
        }
        return p
    }
}

extension Calendar {
    /// Days as the offices count them.
    public static let polish: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Europe/Warsaw")!
        return c
    }()
}
