import Vapor
import Portal
import Storage

/// The query of `/employer/candidates` and `GET /api/v1/candidates`, checked field by field.
struct CandidateRequest: Content {
    var q: String?
    var occupation: String?
    var voivodeship: String?
    var powiat: String?
    var experience_months: String?
    var language: String?
    var education: String?
    var page: String?
    var per_page: String?

    var values: [String: String] {
        ["q": q ?? "", "occupation": occupation ?? "", "voivodeship": voivodeship ?? "", "powiat": powiat ?? "",
         "experience_months": experience_months ?? "", "language": language ?? "", "education": education ?? ""]
    }

    func criteria(_ req: Request) async throws -> (CandidateCriteria, [(field: String, message: String)]) {
        var check = QueryChecker(req, labelPrefix: "candidates.field.")
        var c = CandidateCriteria()
        c.query = check.text(q, analyzer: req.services.analyzer)
        c.occupation = check.occupation(occupation)
        (c.voivodeship, c.powiat) = try await check.area(voivodeship: voivodeship, powiat: powiat, req)
        if let v = check.present(experience_months) {
            if let n = Int(v), (0...720).contains(n) { c.minimumExperienceMonths = n } else { check.invalid("experience_months", "offer.error.experience") }
        }
        if let v = check.present(language)?.lowercased() {
            if v.count == 2, v.allSatisfy({ $0.isASCII && $0.isLetter }) { c.language = v } else { check.invalid("language", "offer.error.language") }
        }
        if let v = check.present(education) {
            if let e = Education(rawValue: v) { c.minimumEducation = e } else { check.invalid("education", "search.error.choice") }
        }
        c.page = check.page(page) ?? c.page
        c.perPage = check.perPage(per_page) ?? c.perPage
        return (c, check.errors)
    }
}
