import Foundation
import Directory

/// The application as it goes to the office: the official headings and labels in Polish, in
/// the form's order, every value in capitals, "NIE DOTYCZY" wherever a part or a field does not
/// apply or an optional field was left empty (the form allows no empty field).
public struct PrintedForm: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let label: String
        public let value: String
    }
    public struct Section: Sendable, Equatable {
        public let heading: String
        public let rows: [Row]
    }

    public static let notApplicable = "NIE DOTYCZY"

    public let title: String
    public let legalBasis: String
    public let sections: [Section]
    public let attachments: [String]

    public init(_ form: ApplicationForm, _ values: [String: String]) {
        title = form.official
        legalBasis = form.legalBasis
        sections = form.sections.map { s in
            Section(heading: s.official, rows: s.fields.map { f in
                let asked = FormCheck.applies(f, in: form, values)
                let v = values[f.id] ?? ""
                return Row(label: f.official, value: asked && !v.isEmpty ? Self.printed(v, f) : Self.notApplicable)
            })
        }
        attachments = form.attachments.map(\.official)
    }

    static func printed(_ v: String, _ f: FormField) -> String {
        switch f.kind {
        case .choice: return f.options?.first { $0.value == v }?.official ?? v
        case .country: return FormCountries.name(v, language: "pl").uppercased(with: FormCheck.polish)
        case .yesNo: return v == "yes" ? "TAK" : "NIE"
        case .date:
            guard let d = LocalDate(iso: v) else { return v }
            return String(format: "%02d.%02d.%04d", d.day, d.month, d.year)
        case .money: return FormCheck.money(v).map { amount($0) + " ZŁ" } ?? v
        case .hours: return v + " GODZ./TYDZ."
        case .email: return v
        default: return v.uppercased(with: FormCheck.polish)
        }
    }

    /// "4806,00", "12 500,00": Polish grouping (none for four digits) and two decimals.
    public static func amount(_ d: Decimal) -> String {
        let f = NumberFormatter()
        f.locale = FormCheck.polish
        f.numberStyle = .decimal
        f.minimumFractionDigits = 2
        f.maximumFractionDigits = 2
        f.groupingSeparator = " "
        f.decimalSeparator = ","
        return f.string(from: d as NSDecimalNumber) ?? "\(d)"
    }
}
