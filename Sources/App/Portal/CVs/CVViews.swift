import Vapor
import Views
import Localization
import Portal
import Storage

/// CVs and candidates as pages show them, in the visitor's language.
enum CVViews {
    static func languages(_ list: [LanguageRequirement], _ language: Language) -> String {
        let locale = Locale(identifier: language.rawValue)
        return list.map { (locale.localizedString(forLanguageCode: $0.language) ?? $0.language) + " " + $0.level.rawValue }.joined(separator: ", ")
    }

    static func experience(_ months: Int, _ t: Catalogue) -> String {
        months == 0 ? t.text("offer.no_experience") : t.plural("offer.experience_months", count: months, ["count": "\(months)"])
    }

    /// Sections of a CV (everything, for its owner; or the shared part, for employers), empty ones left out.
    static func sections(_ cv: SharedCV, occupationName: String?, place: String?, _ req: Request) -> [CVPrintPage.Section] {
        let t = req.catalogue
        var out: [CVPrintPage.Section] = []
        func add(_ key: String, _ lines: [String?]) {
            let present = lines.compactMap { $0 }.filter { !$0.isEmpty }
            if !present.isEmpty { out.append(.init(heading: t.text("cv.section." + key), lines: present)) }
        }
        add("desired", [cv.desiredJob, occupationName.map { t.text("cv.field.occupation") + ": " + $0 },
                        cv.desiredLocality.map { t.text("cv.field.desired_locality") + ": " + $0 }, place] + wish(cv.wish, req))
        add("education", [cv.education.map { t.text("cv.education." + $0.rawValue) }, cv.educationDetails])
        add("experience", [cv.experienceMonths.map { experience($0, t) }, cv.experience])
        add("languages", [cv.languages.map { languages($0, req.language) }])
        add("skills", [cv.skills])
        add("licences", [cv.licences])
        add("courses", [cv.courses])
        return out
    }

    /// What the seeker said about the work they want, a line each.
    static func wish(_ w: WorkWish?, _ req: Request) -> [String?] {
        guard let w else { return [] }
        let t = req.catalogue
        let pay = w.expectedWage.map { NumberText.decimal($0, req.language) + " " + t.text("offer.wage_type." + w.expectedWageType.rawValue) }
        return [w.commuteKm.map { t.text("cv.wish.commute", ["km": "\($0)"]) }, w.willingToMove ? t.text("cv.wish.move") : nil,
                pay.map { t.text("cv.wish.pay", ["pay": $0]) },
                w.time == .any ? nil : t.text("cv.wish.time", ["time": t.text("cv.work_time." + w.time.rawValue)]),
                w.contracts.isEmpty ? nil : t.text("cv.wish.contract", ["contract": w.contracts.map { t.text("offer.contract." + $0.rawValue) }.joined(separator: ", ")])]
    }

    static func printModel(_ d: CVDraft, name: String?, email: String, phone: String?, occupationName: String?, _ req: Request) -> CVPrintPage.Model {
        var everything = d
        everything.shared = Set(CVSection.allCases)
        return CVPrintPage.Model(name: name ?? d.title, contact: [email, phone].compactMap { $0 },
                                 sections: sections(everything.sharedOnly, occupationName: occupationName, place: nil, req))
    }
}
