import Foundation
import Localization
import Portal

/// Why an offer and a CV fit, in words: "same occupation group; 12 km; has C+E; English B2 of
/// B1 asked". Parts that fit as asked and say nothing new (the contract wanted) are left out.
struct MatchText {
    let t: Catalogue
    let language: Language

    func reasons(_ m: MatchModel.Match) -> [String] {
        m.reasons.compactMap(text)
    }

    func line(_ m: MatchModel.Match) -> String { reasons(m).joined(separator: "; ") }

    func text(_ r: MatchModel.Reason) -> String? {
        switch r {
        case .occupation(let fit): return t.text("match.occupation." + fit.rawValue)
        case .distance(let km): return t.text("match.distance", ["km": "\(km)"])
        case .move(let km): return t.text("match.move", ["km": "\(km)"])
        case .abroad: return t.text("match.abroad")
        case .placeUnknown: return t.text("match.place_unknown")
        case .licences(let has, let lacks):
            let parts = [has.isEmpty ? nil : t.text("match.licences_has", ["list": licences(has)]),
                         lacks.isEmpty ? nil : t.text("match.licences_lack", ["list": licences(lacks)])].compactMap { $0 }
            return parts.joined(separator: "; ")
        case .language(let code, let has, let asked):
            let name = Locale(identifier: language.rawValue).localizedString(forLanguageCode: code) ?? code
            guard let has else { return t.text("match.language_missing", ["language": name, "asked": asked.rawValue]) }
            return t.text("match.language", ["language": name, "has": has.rawValue, "asked": asked.rawValue])
        case .pay(let offer, let expected):
            return t.text(offer >= expected ? "match.pay_meets" : "match.pay_below", ["offer": money(offer), "expected": money(expected)])
        case .payUnknown: return t.text("match.pay_unknown")
        case .contract(let c, let wanted): return wanted ? nil : t.text("match.contract_other", ["contract": t.text("offer.contract." + c.rawValue)])
        case .time(let full, let wanted): return wanted ? nil : t.text(full ? "match.time_full" : "match.time_part")
        case .education(let has, let asked):
            if let has, has >= asked { return nil }
            return t.text(has == nil ? "match.education_unknown" : "match.education_below", ["asked": t.text("cv.education." + asked.rawValue)])
        case .experience(let months, let asked):
            if let months, months >= asked { return nil }
            guard let months else { return t.text("match.experience_unknown", ["asked": "\(asked)"]) }
            return t.text("match.experience_below", ["months": "\(months)", "asked": "\(asked)"])
        }
    }

    func licences(_ s: LicenceSet) -> String {
        // Driving categories read the same everywhere; a C+E holder's C and B are not repeated.
        var shown = s
        if s.contains(.ce) { shown.subtract([.c, .c1, .be, .b]) }
        if s.contains(.c) { shown.subtract([.c1, .b]) }
        if s.contains(.de) { shown.subtract([.d, .be, .b]) }
        if s.contains(.d) { shown.subtract(.b) }
        return LicenceSet.named.filter { shown.contains($0.0) }
            .map { $0.1.first!.isUppercase ? $0.1 : t.text("licence." + $0.1) }.joined(separator: ", ")
    }

    func money(_ amount: Int) -> String { NumberText.decimal(Double(amount), language) + " zł" }
}
