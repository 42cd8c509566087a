import Foundation

/// What a field holds, which decides its input, its checks and how it is printed.
public enum FieldKind: String, Codable, Sendable {
    /// Free text, printed in capitals.
    case text
    /// A name as in the travel document: Latin letters, Cyrillic offered in transliteration.
    case name
    case multiline
    case date
    case choice
    /// An ISO 3166 country code, printed as the country's Polish name.
    case country
    case yesNo = "yes_no"
    case pesel, nip, regon
    case postalCode = "postal_code"
    /// A passport's series and number: letters and digits, no per-country format.
    case passport
    /// An amount in złoty, up to two decimals.
    case money
    /// Hours of work a week.
    case hours
    case email, phone
}

/// One of a choice's answers: what is stored, what is printed, what the user reads.
public struct FormOption: Codable, Hashable, Sendable {
    public let value: String
    public let official: String
    public let label: FormText
}

/// A field shown and printed only when another field has one of some values.
public struct FieldCondition: Codable, Hashable, Sendable {
    public let field: String
    public let `in`: [String]

    public func holds(_ values: [String: String]) -> Bool { self.in.contains(values[field] ?? "") }
}

public struct FormField: Codable, Hashable, Sendable {
    public let id: String
    public let kind: FieldKind
    /// The label on the official form, in Polish.
    public let official: String
    public let label: FormText
    public let help: FormText
    public let required: Bool
    public let max: Int?
    public let options: [FormOption]?
    public let when: FieldCondition?
    public let rules: [FieldRule]
    /// A rule of this field that could not be confirmed, said to the user at the field.
    public let review: ReviewNote?

    public init(id: String, kind: FieldKind, official: String, label: FormText, help: FormText, required: Bool = true, max: Int? = nil,
                options: [FormOption]? = nil, when: FieldCondition? = nil, rules: [FieldRule] = [], review: ReviewNote? = nil) {
        self.id = id; self.kind = kind; self.official = official; self.label = label; self.help = help; self.required = required
        self.max = max; self.options = options; self.when = when; self.rules = rules; self.review = review
    }

    enum CodingKeys: String, CodingKey { case id, kind, official, label, help, required, max, options, when, rules, review }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(FieldKind.self, forKey: .kind)
        official = try c.decode(String.self, forKey: .official)
        label = try c.decode(FormText.self, forKey: .label)
        help = try c.decode(FormText.self, forKey: .help)
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? true
        max = try c.decodeIfPresent(Int.self, forKey: .max)
        options = try c.decodeIfPresent([FormOption].self, forKey: .options)
        when = try c.decodeIfPresent(FieldCondition.self, forKey: .when)
        rules = try c.decodeIfPresent([FieldRule].self, forKey: .rules) ?? []
        review = try c.decodeIfPresent(ReviewNote.self, forKey: .review)
    }

    /// The longest value a field of this kind takes when the definition does not say.
    public var maximumLength: Int {
        if let max { return max }
        switch kind {
        case .multiline: return 2000
        case .text, .name: return 100
        default: return 60
        }
    }
}

/// A check of a field beyond its kind, with the other field it compares with.
public struct FieldRule: Codable, Hashable, Sendable {
    public enum Check: String, Codable, Sendable {
        /// A date not after today (births, issues, entries).
        case past
        /// A date not before today (expiries, the end of what is asked).
        case future
        /// A date not before the other field's.
        case notBefore = "not_before"
        /// A date at most `months` after the other field's (a period's limit).
        case withinMonths = "within_months"
        /// A date at most `months` after today (when work may start).
        case startsWithinMonths = "starts_within_months"
        /// A document's expiry not before the other field's date: doubtful, not wrong.
        case covers
        /// A birth date equal to the one a PESEL in the other field encodes.
        case matchesPESEL = "matches_pesel"
        /// A country among `values`, else the rule's message (the right path).
        case countryIn = "country_in"
        /// A choice equal to one of `values`, else the rule's message.
        case equals
        /// A monthly or hourly pay not under the minimum wage in force over the period
        /// (`from`…`to` dates, `hours` a week, `unit` monthly or hourly).
        case minimumWage = "minimum_wage"
    }

    public let check: Check
    public let field: String?
    public let months: Int?
    public let values: [String]?
    public let from: String?
    public let to: String?
    public let hours: String?
    public let unit: String?
    /// What to tell the user when the rule fails (else the generator's own wording for the check).
    public let message: FormText?
    public let review: ReviewNote?
}
