import Vapor
import Views
import Portal
import Storage

/// An offer in the public API. Hidden employer identity stays hidden here too.
struct OfferJSON: Content {
    struct Occupation: Content { let code: String; let name: String }
    struct Employer: Content { let name: String?; let verified: Bool }
    struct Place: Content { let locality: String; let postal_code: String?; let powiat: String?; let voivodeship: String?; let country: String? }
    struct Wage: Content { let min: Double?; let max: Double?; let type: String; let currency: String }
    struct Language: Content { let language: String; let level: String }
    struct Requirements: Content { let education: String; let languages: [Language]; let experience_months: Int; let licences: String }

    let id: UUID
    let url: String
    let title: String
    let occupation: Occupation
    let employer: Employer
    let place: Place
    let contract: String
    let working_time: Double
    let shifts: String
    let wage: Wage
    let positions: Int
    let positions_for_disabled: Int
    let requirements: Requirements
    let duties: String
    let how_to_apply: String
    let start_date: String?
    let valid_until: String
    let published_at: String?

    init(_ o: StoredOffer, publicURL: String) {
        let d = o.draft
        let day = Self.dayFormatter
        id = o.id; url = publicURL + SiteRoute.offer(o.id.uuidString.lowercased()).path; title = d.title
        occupation = .init(code: d.occupationCode, name: o.occupationName)
        employer = .init(name: d.employerVisible ? o.companyName : nil, verified: o.employerVerified)
        place = .init(locality: d.locality, postal_code: d.postalCode, powiat: o.powiatCode, voivodeship: o.voivodeshipCode, country: d.country)
        contract = d.contract.rawValue; working_time = d.workingTime; shifts = d.shifts.rawValue
        wage = .init(min: d.wageMin, max: d.wageMax, type: d.wageType.rawValue, currency: "PLN")
        positions = d.positions; positions_for_disabled = d.positionsForDisabled
        requirements = .init(education: d.education.rawValue, languages: d.languages.map { .init(language: $0.language, level: $0.level.rawValue) },
                             experience_months: d.experienceMonths, licences: d.licences)
        duties = d.duties; how_to_apply = d.howToApply
        start_date = d.startDate.map(day.string); valid_until = day.string(from: d.validUntil)
        published_at = o.publishedAt.map { $0.formatted(DayFormat.timestamp) }
    }

    static let dayFormatter = DayFormat()
}

struct OfferListJSON: Content {
    let total: Int
    let page: Int
    let per_page: Int
    let items: [OfferJSON]
}
