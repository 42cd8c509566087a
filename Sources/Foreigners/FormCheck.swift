import Foundation
import Identity
import Directory

/// The form's own rules, applied while filling: every field of the parts that apply, each
/// value against its kind, then against the other fields and today's date.
public enum FormCheck {
    public static let polish = Locale(identifier: "pl_PL")

    /// Whether a field is asked (its section and the field itself apply to the answers so far).
    public static func applies(_ field: FormField, in form: ApplicationForm, _ values: [String: String]) -> Bool {
        guard form.section(of: field.id)?.when.map({ $0.holds(values) }) ?? true else { return false }
        return field.when?.holds(values) ?? true
    }

    /// A value as it is kept: trimmed, capitals for what the printed form writes in capitals,
    /// a PESEL or NIP without separators, a country code in capitals.
    public static func normalized(_ raw: String, for field: FormField) -> String {
        let v = field.kind == .multiline ? raw.trimmingCharacters(in: .whitespacesAndNewlines)
                                         : raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        switch field.kind {
        case .text, .name, .multiline, .passport, .country: return v.uppercased(with: polish)
        case .pesel, .nip, .regon: return v.filter { !$0.isWhitespace && $0 != "-" }
        case .email: return v.lowercased()
        default: return v
        }
    }

    public static func issues(_ form: ApplicationForm, _ values: [String: String], today: LocalDate,
                              wages: MinimumWage = .poland) -> [FieldIssue] {
        var out: [FieldIssue] = []
        var valid = Set<String>()
        let asked = form.fields.filter { applies($0, in: form, values) }
        for f in asked {
            let v = values[f.id] ?? ""
            if v.isEmpty {
                if f.required { out.append(FieldIssue(field: f.id, severity: .missing, code: "required")) }
                continue
            }
            if let issue = kindIssue(f, v) { out.append(issue) } else { valid.insert(f.id) }
        }
        for f in asked where valid.contains(f.id) {
            for rule in f.rules {
                if let issue = ruleIssue(rule, f, values, valid: valid, today: today, wages: wages) { out.append(issue) }
            }
        }
        let order = Dictionary(uniqueKeysWithValues: form.fields.enumerated().map { ($1.id, $0) })
        return out.sorted { (order[$0.field] ?? 0, $0.severity) < (order[$1.field] ?? 0, $1.severity) }
    }

    // MARK: a value against its kind

    static func kindIssue(_ f: FormField, _ v: String) -> FieldIssue? {
        func wrong(_ code: String, _ args: [String: String] = [:], suggestion: String? = nil) -> FieldIssue {
            FieldIssue(field: f.id, severity: .wrong, code: code, args: args, suggestion: suggestion)
        }
        if v.count > f.maximumLength { return wrong("too_long", ["max": "\(f.maximumLength)"]) }
        switch f.kind {
        case .text, .multiline:
            if Transliteration.containsCyrillic(v) { return wrong("cyrillic") }
            if !latinOnly(v) { return wrong("latin") }
        case .name:
            if Transliteration.containsCyrillic(v) { return wrong("cyrillic_name", suggestion: Transliteration.icaoLatin(v)) }
            if !latinOnly(v) || v.contains(where: { $0.isNumber }) { return wrong("name_characters") }
        case .date:
            if LocalDate(iso: v) == nil { return wrong("date") }
        case .choice:
            if !(f.options ?? []).contains(where: { $0.value == v }) { return wrong("choice") }
        case .country:
            if !FormCountries.isKnown(v) { return wrong("country") }
        case .yesNo:
            if v != "yes" && v != "no" { return wrong("choice") }
        case .pesel:
            do { _ = try PESEL(v) } catch { return wrong(error.catalogueKey, error.arguments) }
        case .nip:
            do { _ = try NIP(v) } catch { return wrong(error.catalogueKey, error.arguments) }
        case .regon:
            do { _ = try REGON(v) } catch { return wrong(error.catalogueKey, error.arguments) }
        case .postalCode:
            do { _ = try PostalCode(v) } catch { return wrong(error.catalogueKey, error.arguments) }
        case .passport:
            // Lenient: a passport's series and number are letters and digits; no country's format is assumed.
            let compact = v.filter { $0 != " " }
            if !(5...20).contains(compact.count) || !compact.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) }) { return wrong("passport") }
        case .money:
            if money(v) == nil { return wrong("money") }
        case .hours:
            if let h = Int(v), (1...60).contains(h) { break }
            return wrong("hours")
        case .email:
            if case .failure(let e) = EmailAddress.checked(v) { return wrong(e.catalogueKey, e.arguments) }
        case .phone:
            let digits = v.filter(\.isNumber)
            if !(7...15).contains(digits.count) || !v.allSatisfy({ $0.isNumber || " +-()".contains($0) }) { return wrong("phone") }
        }
        return nil
    }

    /// Letters of the Latin script (Polish ones included), digits, spaces and the punctuation
    /// of addresses and names.
    static func latinOnly(_ v: String) -> Bool {
        v.unicodeScalars.allSatisfy { s in
            if s.properties.isAlphabetic { return s.value < 0x0250 || (0x1E00...0x1EFF).contains(s.value) }
            return s.properties.numericType != nil || " \n\r\t-.,/'’()\"„”:;&+#%°§".unicodeScalars.contains(s)
        }
    }

    /// An amount in złoty: digits with a comma or dot and at most two decimals, spaces as
    /// thousands separators.
    public static func money(_ v: String) -> Decimal? {
        let s = v.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: ",", with: ".")
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard !s.isEmpty, parts.count <= 2, parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber), !parts[0].isEmpty,
              parts.count == 1 || (parts[1].count <= 2 && !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber }),
              let d = Decimal(string: s), d > 0 else { return nil }
        return d
    }

    // MARK: a value against the others

    static func ruleIssue(_ rule: FieldRule, _ f: FormField, _ values: [String: String], valid: Set<String>, today: LocalDate,
                          wages: MinimumWage) -> FieldIssue? {
        let v = values[f.id] ?? ""
        func issue(_ severity: FieldIssue.Severity, _ code: String, _ args: [String: String] = [:]) -> FieldIssue {
            FieldIssue(field: f.id, severity: severity, code: code, args: args, message: rule.message)
        }
        func date(_ id: String?) -> LocalDate? {
            guard let id, valid.contains(id) else { return nil }
            return LocalDate(iso: values[id] ?? "")
        }
        switch rule.check {
        case .past:
            if let d = LocalDate(iso: v), d > today { return issue(.wrong, "past") }
        case .future:
            if let d = LocalDate(iso: v), d < today { return issue(.wrong, "future") }
        case .notBefore:
            if let d = LocalDate(iso: v), let other = date(rule.field), d < other { return issue(.wrong, "not_before", ["field": rule.field!]) }
        case .withinMonths:
            if let d = LocalDate(iso: v), let other = date(rule.field), let months = rule.months, d > other.adding(months: months).adding(days: -1) {
                return issue(.wrong, "within_months", ["field": rule.field!, "months": "\(months)"])
            }
        case .startsWithinMonths:
            if let d = LocalDate(iso: v), let months = rule.months, d > today.adding(months: months) {
                return issue(.wrong, "starts_within_months", ["months": "\(months)"])
            }
        case .covers:
            if let d = LocalDate(iso: v), let other = date(rule.field), d < other { return issue(.doubtful, "covers", ["field": rule.field!]) }
        case .matchesPESEL:
            if let id = rule.field, valid.contains(id), let pesel = try? PESEL(values[id] ?? ""), pesel.birthDateISO != v {
                return issue(.wrong, "pesel_birth", ["field": id])
            }
        case .countryIn, .equals:
            if !(rule.values ?? []).contains(v) { return issue(.wrong, rule.check == .countryIn ? "country_not_allowed" : "not_allowed") }
        case .minimumWage:
            return wageIssue(rule, f, values, date: date, wages: wages, valid: valid)
        }
        return nil
    }

    static func wageIssue(_ rule: FieldRule, _ f: FormField, _ values: [String: String], date: (String?) -> LocalDate?,
                          wages: MinimumWage, valid: Set<String>) -> FieldIssue? {
        guard let pay = money(values[f.id] ?? ""), let from = date(rule.from) else { return nil }
        let to = date(rule.to) ?? from
        let hourly = rule.unit.map { values[$0] == "hourly" } ?? false
        let hours = rule.hours.flatMap { valid.contains($0) ? Int(values[$0] ?? "") : nil } ?? 40
        for rate in wages.rates(from: from, to: to) {
            // Part-time work earns the full-time minimum in proportion to its hours.
            let minimum = hourly ? rate.hourly : rate.monthly * Decimal(min(hours, 40)) / 40
            if pay < minimum {
                return FieldIssue(field: f.id, severity: .wrong, code: hourly ? "minimum_hourly" : "minimum_wage",
                                  args: ["minimum": PrintedForm.amount(minimum), "date": rate.from.description])
            }
        }
        if let year = wages.unknownYear(until: to) {
            return FieldIssue(field: f.id, severity: .doubtful, code: "minimum_wage_unknown", args: ["year": "\(year)"])
        }
        return nil
    }
}

extension LocalDate {
    /// The same day some months later (the month's last day when it is shorter).
    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return LocalDate(year: y, month: m, day: Swift.min(day, LocalDate(iso: String(format: "%04d-%02d-01", y, m))!.daysInMonth))
    }

    var daysInMonth: Int { LocalDate(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1).adding(days: -1).day }
}
