import Vapor
import Views
import Localization
import Portal
import Storage
import Directory
import NIOConcurrencyHelpers

/// Offers as the pages show them: every label in the visitor's language.
enum OfferViews {
    /// Number and date styles per language, made once: a locale per listed offer was most of a
    /// result page's cost.
    static let moneyStyles = Dictionary(uniqueKeysWithValues: Language.allCases.map {
        ($0, FloatingPointFormatStyle<Double>(locale: Locale(identifier: $0.rawValue)).precision(.fractionLength(0...2)))
    })
    static let dateStyles = Dictionary(uniqueKeysWithValues: Language.allCases.map {
        ($0, Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: $0.rawValue), timeZone: BusinessCalendar.warsaw))
    })

    static func money(_ v: Double, _ language: Language) -> String {
        let key = MoneyKey(value: v, language: language)
        if let known = moneyTexts.withLockedValue({ $0[key] }) { return known }
        let text = v.formatted(moneyStyles[language]!)
        moneyTexts.withLockedValue { cache in
            if cache.count > 10_000 { cache.removeAll() }
            cache[key] = text
        }
        return text
    }

    /// Wages repeat (5 000, 6 500 …): each amount is formatted once per language.
    struct MoneyKey: Hashable { let value: Double; let language: Language }
    static let moneyTexts = NIOLockedValueBox([MoneyKey: String]())

    static func wage(_ d: OfferDraft, _ t: Catalogue, _ language: Language) -> String? {
        let unit = t.text("offer.wage_type." + d.wageType.rawValue)
        switch (d.wageMin, d.wageMax) {
        case let (min?, max?) where min == max: return t.text("offer.wage_exact", ["amount": money(min, language), "unit": unit])
        case let (min?, max?): return t.text("offer.wage_range", ["min": money(min, language), "max": money(max, language), "unit": unit])
        case let (min?, nil): return t.text("offer.wage_from", ["amount": money(min, language), "unit": unit])
        case let (nil, max?): return t.text("offer.wage_to", ["amount": money(max, language), "unit": unit])
        default: return nil
        }
    }

    static func place(_ o: StoredOffer, register: TerritorialRegister, _ req: Request) -> String {
        if let country = o.draft.country {
            let name = Locale(identifier: req.language.rawValue).localizedString(forRegionCode: country) ?? country
            return req.catalogue.text("offer.abroad_place", ["locality": o.draft.locality, "country": name])
        }
        var parts = [o.draft.locality]
        if let p = o.powiatCode, let powiat = register.powiat(p) { parts.append(powiat.name) }
        if let v = o.voivodeshipCode, let voivodeship = register.voivodeship(v) { parts.append(voivodeship.name) }
        return parts.joined(separator: ", ")
    }

    static func date(_ d: Date, _ language: Language) -> String { d.formatted(dateStyles[language]!) }

    static func workingTime(_ fte: Double, _ t: Catalogue) -> String {
        fte >= 1 ? t.text("offer.full_time") : t.text("offer.part_time", ["fte": String(format: "%.2g", fte)])
    }

    static func summary(_ o: StoredOffer, register: TerritorialRegister, _ req: Request) -> OfferSearchPage.Item {
        let t = req.catalogue, lang = req.language
        return OfferSearchPage.Item(
            id: o.id.uuidString.lowercased(), title: o.draft.title, employer: o.draft.employerVisible ? o.companyName : nil,
            verified: o.employerVerified, place: place(o, register: register, req), wage: wage(o.draft, t, lang),
            contract: t.text("offer.contract." + o.draft.contract.rawValue), workingTime: workingTime(o.draft.workingTime, t),
            validUntil: date(o.draft.validUntil, lang))
    }

    static func detail(_ o: StoredOffer, _ req: Request) async throws -> OfferDetailPage.Model {
        let t = req.catalogue, lang = req.language, d = o.draft
        let locale = Locale(identifier: lang.rawValue)
        let languages = d.languages.map { (locale.localizedString(forLanguageCode: $0.language) ?? $0.language) + " " + $0.level.rawValue }
        return OfferDetailPage.Model(
            summary: summary(o, register: try await req.services.directoryCache.register(req.db), req), occupation: "\(o.occupationName) (\(d.occupationCode))", duties: d.duties,
            shifts: t.text("offer.shifts." + d.shifts.rawValue),
            positions: d.positionsForDisabled > 0
                ? t.text("offer.positions_with_disabled", ["n": "\(d.positions)", "d": "\(d.positionsForDisabled)"]) : "\(d.positions)",
            education: t.text("offer.education." + d.education.rawValue), languages: languages,
            experience: d.experienceMonths == 0 ? t.text("offer.no_experience") : t.plural("offer.experience_months", count: d.experienceMonths,
                                                                                             ["count": "\(d.experienceMonths)"]),
            licences: d.licences.isEmpty ? nil : d.licences, startDate: d.startDate.map { date($0, lang) }, howToApply: d.howToApply,
            jsonLD: jsonLD(o, req))
    }

    /// schema.org JobPosting, for search engines and job aggregators.
    static func jsonLD(_ o: StoredOffer, _ req: Request) -> String {
        let d = o.draft
        let day = OfferJSON.dayFormatter
        var posting: [String: Any] = [
            "@context": "https://schema.org", "@type": "JobPosting", "title": d.title, "description": d.duties,
            "identifier": ["@type": "PropertyValue", "name": "Zielona Linia", "value": o.id.uuidString.lowercased()],
            "datePosted": day.string(from: o.publishedAt ?? o.createdAt), "validThrough": day.string(from: d.validUntil),
            "employmentType": employmentType(d), "occupationalCategory": "\(d.occupationCode) \(o.occupationName)",
            "hiringOrganization": ["@type": "Organization", "name": d.employerVisible ? o.companyName : req.catalogue.text("offer.employer_hidden")],
            "jobLocation": ["@type": "Place", "address": ([
                "@type": "PostalAddress", "addressLocality": d.locality, "addressCountry": d.country ?? "PL",
            ] as [String: Any]).merging(d.postalCode.map { ["postalCode": $0] } ?? [:]) { a, _ in a }],
            "totalJobOpenings": d.positions, "url": req.services.config.publicURL + SiteRoute.offer(o.id.uuidString.lowercased()).path,
        ]
        if d.wageMin != nil || d.wageMax != nil {
            var value: [String: Any] = ["@type": "QuantitativeValue", "unitText": d.wageType == .hourly ? "HOUR" : "MONTH"]
            if let min = d.wageMin { value["minValue"] = min }
            if let max = d.wageMax { value["maxValue"] = max }
            posting["baseSalary"] = ["@type": "MonetaryAmount", "currency": "PLN", "value": value]
        }
        if let start = d.startDate { posting["jobStartDate"] = day.string(from: start) }
        let data = (try? JSONSerialization.data(withJSONObject: posting, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        // Nothing in the data may close the script element it sits in.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
    }

    static func employmentType(_ d: OfferDraft) -> [String] {
        var types = [d.workingTime >= 1 ? "FULL_TIME" : "PART_TIME"]
        switch d.contract {
        case .temporaryWork, .seasonal, .replacement: types.append("TEMPORARY")
        case .mandate, .specificWork, .b2b: types.append("CONTRACTOR")
        case .internship: types.append("INTERN")
        case .employment: break
        }
        return types
    }
}
