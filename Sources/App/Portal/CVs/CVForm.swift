import Vapor
import Localization
import Identity
import Portal

/// The CV form: raw fields in, a `CVDraft` or per-field messages out. `share_<section>` boxes
/// say which sections employers may see; unticked is hidden.
struct CVForm: Content {
    var title: String?; var desired_job: String?; var occupation: String?; var desired_locality: String?; var postal_code: String?
    var education: String?; var education_details: String?; var experience_months: String?; var experience: String?
    var languages: String?; var skills: String?; var licences: String?; var courses: String?
    var share_desired: String?; var share_education: String?; var share_experience: String?; var share_languages: String?
    var share_skills: String?; var share_licences: String?; var share_courses: String?
    var commute_km: String?; var willing_to_move: String?; var expected_wage: String?; var expected_wage_type: String?
    var work_time: String?; var contract: String?

    var values: [String: String] {
        var out: [String: String] = [:]
        for child in Mirror(reflecting: self).children { if let label = child.label, let v = child.value as? String? { out[label] = v ?? "" } }
        return out
    }

    static func values(_ d: CVDraft) -> [String: String] {
        var v: [String: String] = [
            "title": d.title, "desired_job": d.desiredJob, "occupation": d.occupationCode ?? "", "desired_locality": d.desiredLocality,
            "postal_code": d.postalCode ?? "", "education": d.education.rawValue, "education_details": d.educationDetails,
            "experience_months": String(d.experienceMonths), "experience": d.experience, "languages": LanguageRequirement.listText(d.languages),
            "skills": d.skills, "licences": d.licences, "courses": d.courses,
        ]
        for section in CVSection.allCases where d.shared.contains(section) { v["share_" + section.rawValue] = "on" }
        if let w = d.wish {
            v["commute_km"] = w.commuteKm.map(String.init) ?? ""
            if w.willingToMove { v["willing_to_move"] = "on" }
            v["expected_wage"] = w.expectedWage.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? ""
            v["expected_wage_type"] = w.expectedWageType.rawValue
            v["work_time"] = w.time.rawValue
            v["contract"] = w.contracts.first?.rawValue ?? "any"
        }
        return v
    }

    func draft(_ t: Catalogue, occupationExists: (String) -> Bool) -> (CVDraft?, [(field: String, message: String)]) {
        var errors: [(field: String, message: String)] = []
        func fail(_ field: String, _ key: String, _ args: [String: String] = [:]) {
            errors.append((field, t.text("form.invalid_field", ["field": t.text("cv.field." + field), "reason": t.text(key, args)])))
        }
        func s(_ v: String?) -> String { (v ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var postal: String? = nil
        if !s(postal_code).isEmpty {
            do { postal = try PostalCode(s(postal_code)).value } catch { fail("postal_code", error.catalogueKey, error.arguments) }
        }
        let languages = LanguageRequirement.parseList(s(self.languages))
        if languages == nil { fail("languages", "offer.error.language") }
        var months = 0
        if !s(experience_months).isEmpty {
            if let n = Int(s(experience_months)) { months = n } else { fail("experience_months", "offer.error.number") }
        }
        let education = Education(rawValue: s(self.education).isEmpty ? "none" : s(self.education))
        if education == nil { fail("education", "offer.error.choice") }
        var commute: Int? = nil, wage: Double? = nil
        if !s(commute_km).isEmpty {
            if let n = Int(s(commute_km)) { commute = n } else { fail("commute_km", "offer.error.number") }
        }
        if !s(expected_wage).isEmpty {
            let digits = s(expected_wage).replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: ",", with: ".")
            if let n = Double(digits) { wage = n } else { fail("expected_wage", "offer.error.number") }
        }
        let wageType = WageType(rawValue: s(expected_wage_type).isEmpty ? "monthly" : s(expected_wage_type))
        if wageType == nil || (wageType != .monthly && wageType != .hourly) { fail("expected_wage_type", "offer.error.choice") }
        let time = WorkWish.Time(rawValue: s(work_time).isEmpty ? "any" : s(work_time))
        if time == nil { fail("work_time", "offer.error.choice") }
        let wanted = s(contract).isEmpty || s(contract) == "any" ? [] : ContractType(rawValue: s(contract)).map { [$0] }
        if wanted == nil { fail("contract", "offer.error.choice") }
        let saysSomething = commute != nil || willing_to_move == "on" || wage != nil || (time ?? .any) != .any || !(wanted ?? []).isEmpty
        let wish = saysSomething ? WorkWish(commuteKm: commute, willingToMove: willing_to_move == "on", expectedWage: wage,
                                            expectedWageType: wageType ?? .monthly, time: time ?? .any, contracts: wanted ?? []) : nil
        let boxes: [(CVSection, String?)] = [(.desired, share_desired), (.education, share_education), (.experience, share_experience),
                                             (.languages, share_languages), (.skills, share_skills), (.licences, share_licences), (.courses, share_courses)]
        let d = CVDraft(title: s(title), desiredJob: s(desired_job), occupationCode: s(occupation).isEmpty ? nil : s(occupation),
                        desiredLocality: s(desired_locality), postalCode: postal, education: education ?? .none,
                        educationDetails: s(education_details), experienceMonths: months, experience: s(experience),
                        languages: languages ?? [], skills: s(skills), licences: s(licences), courses: s(courses),
                        shared: Set(boxes.filter { $0.1 == "on" }.map(\.0)), wish: wish)
        for p in d.problems(occupationExists: occupationExists) where !errors.contains(where: { $0.field == p.field }) {
            fail(p.field, p.key, p.arguments)
        }
        return (errors.isEmpty ? d : nil, errors)
    }
}
