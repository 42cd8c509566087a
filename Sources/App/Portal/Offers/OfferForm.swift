import Vapor
import Localization
import Identity
import Directory
import Portal

/// The employer's offer form: raw fields in, an `OfferDraft` or per-field messages out.
struct OfferForm: Content {
    var title: String?; var occupation: String?; var duties: String?; var postal_code: String?; var locality: String?
    var country: String?; var contract: String?; var working_time: String?; var shifts: String?; var wage_min: String?
    var wage_max: String?; var wage_type: String?; var positions: String?; var positions_disabled: String?; var education: String?
    var languages: String?; var experience: String?; var licences: String?; var start_date: String?; var valid_until: String?
    var how_to_apply: String?; var employer_visible: String?

    var values: [String: String] {
        let mirror = Mirror(reflecting: self)
        var out: [String: String] = [:]
        for child in mirror.children { if let label = child.label, let v = child.value as? String? { out[label] = v ?? "" } }
        return out
    }

    static func from(_ d: OfferDraft) -> OfferForm {
        let day = OfferJSON.dayFormatter
        func n(_ v: Double?) -> String? { v.map { $0.truncatingRemainder(dividingBy: 1) == 0 ? String(Int($0)) : String($0) } }
        return OfferForm(title: d.title, occupation: d.occupationCode, duties: d.duties, postal_code: d.postalCode, locality: d.locality,
                         country: d.country, contract: d.contract.rawValue, working_time: n(d.workingTime), shifts: d.shifts.rawValue,
                         wage_min: n(d.wageMin), wage_max: n(d.wageMax), wage_type: d.wageType.rawValue, positions: String(d.positions),
                         positions_disabled: String(d.positionsForDisabled), education: d.education.rawValue,
                         languages: LanguageRequirement.listText(d.languages),
                         experience: String(d.experienceMonths), licences: d.licences, start_date: d.startDate.map(day.string),
                         valid_until: day.string(from: d.validUntil), how_to_apply: d.howToApply, employer_visible: d.employerVisible ? "on" : nil)
    }

    /// Parses and checks everything; the draft only when there is nothing to say.
    func draft(_ t: Catalogue, occupationExists: (String) -> Bool, today: Date = Date()) -> (OfferDraft?, [(field: String, message: String)]) {
        var errors: [(field: String, message: String)] = []
        func fail(_ field: String, _ key: String, _ args: [String: String] = [:]) {
            errors.append((field, t.text("form.invalid_field", ["field": t.text("offer.field." + field), "reason": t.text(key, args)])))
        }
        func s(_ v: String?) -> String { (v ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func number(_ field: String, _ v: String?) -> Double? {
            let text = s(v).replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: ".")
            guard !text.isEmpty else { return nil }
            guard let d = DecimalText.parse(text) else { fail(field, "offer.error.number"); return nil }
            return d
        }
        func integer(_ field: String, _ v: String?, default value: Int) -> Int {
            let text = s(v)
            guard !text.isEmpty else { return value }
            guard let n = Int(text) else { fail(field, "offer.error.number"); return value }
            return n
        }
        func choice<T: RawRepresentable>(_ field: String, _ v: String?, _ fallback: T) -> T where T.RawValue == String {
            guard let value = T(rawValue: s(v)) else { fail(field, "offer.error.choice"); return fallback }
            return value
        }
        let day = OfferJSON.dayFormatter
        func date(_ field: String, _ v: String?) -> Date? {
            guard !s(v).isEmpty else { return nil }
            guard let d = CalendarText.day(s(v)) else { fail(field, "validation.date_format"); return nil }
            return d
        }
        let country = s(country).uppercased()
        if !country.isEmpty && !CountryCode.isAssigned(country) { fail("country", "offer.error.country") }
        var postal: String? = nil
        if country.isEmpty {
            do { postal = try PostalCode(s(postal_code)).value } catch { fail("postal_code", error.catalogueKey, error.arguments) }
        }
        let languages = LanguageRequirement.parseList(s(self.languages)) ?? []
        if LanguageRequirement.parseList(s(self.languages)) == nil { fail("languages", "offer.error.language") }
        let validUntil = date("valid_until", valid_until)
        if s(valid_until).isEmpty { fail("valid_until", "offer.error.required") }
        let d = OfferDraft(
            title: s(title), occupationCode: s(occupation), duties: s(duties), postalCode: postal, locality: s(locality),
            country: country.isEmpty ? nil : country, contract: choice("contract", contract, ContractType.employment),
            workingTime: number("working_time", working_time) ?? 1, shifts: choice("shifts", shifts, ShiftSystem.single),
            wageMin: number("wage_min", wage_min), wageMax: number("wage_max", wage_max), wageType: choice("wage_type", wage_type, WageType.monthly),
            positions: integer("positions", positions, default: 1), positionsForDisabled: integer("positions_disabled", positions_disabled, default: 0),
            education: choice("education", education, Education.none), languages: languages,
            experienceMonths: integer("experience", experience, default: 0), licences: s(licences), startDate: date("start_date", start_date),
            validUntil: validUntil ?? today, howToApply: s(how_to_apply), employerVisible: employer_visible == "on")
        for p in d.problems(today: today, occupationExists: occupationExists) where !errors.contains(where: { $0.field == p.field }) {
            fail(p.field, p.key, p.arguments)
        }
        return (errors.isEmpty ? d : nil, errors)
    }
}
