import Foundation

/// A labour office: a voivodeship office (WUP) or a powiat office (PUP) serving one or more
/// powiats; or another operator on the same engine: a voivode's office (UW, "uw-NN") whose
/// foreigners' department runs a helpline of its own.
public struct Office: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        case wup, pup
        /// A voivode's office (urząd wojewódzki): its id is "uw-" and the voivodeship's code.
        case uw
    }

    public var id: String
    public var kind: Kind
    public var name: String
    public var locality: String
    public var voivodeshipCode: String
    /// TERYT codes of the powiats this office serves (empty for a WUP).
    public var powiatCodes: [String]
    public var street: String?
    public var postalCode: String?
    public var phone: String?
    public var email: String?
    public var website: String?
    /// Opening hours in `WeeklyHours` notation; nil when not known.
    public var hours: WeeklyHours?
    /// False until someone checked the record against the office itself.
    public var verified: Bool
    /// What is known and what is not, in plain words.
    public var note: String?

    /// Offices of an operator other than the labour offices answer their own line: their
    /// contacts never overflow to labour offices and their consultants take nothing else.
    public static let ownLinePrefix = "uw-"

    public var answersOwnLine: Bool { kind == .uw }

    public init(id: String, kind: Kind, name: String, locality: String, voivodeshipCode: String, powiatCodes: [String],
                street: String? = nil, postalCode: String? = nil, phone: String? = nil, email: String? = nil,
                website: String? = nil, hours: WeeklyHours? = nil, verified: Bool = false, note: String? = nil) {
        self.id = id; self.kind = kind; self.name = name; self.locality = locality
        self.voivodeshipCode = voivodeshipCode; self.powiatCodes = powiatCodes; self.street = street
        self.postalCode = postalCode; self.phone = phone; self.email = email; self.website = website
        self.hours = hours; self.verified = verified; self.note = note
    }
}

/// The office list's CSV form, used for the shipped list and for `zielona import offices`.
public enum OfficeCSV {
    public static let columns = ["id", "kind", "name", "locality", "voivodeship", "powiats", "street", "postal_code",
                                 "phone", "email", "website", "hours", "verified", "note"]

    public struct RowError: Error, Equatable, Sendable {
        public let line: Int
        public let field: String
        public let reason: String
    }

    /// Parses every row; rows with errors are reported, not guessed at.
    public static func parse(_ text: String, register: TerritorialRegister) -> (offices: [Office], errors: [RowError]) {
        let table = CSVTable(text: text)
        var offices: [Office] = []
        var errors: [RowError] = []
        let missing = columns.filter { !table.header.contains($0) }
        if !missing.isEmpty {
            return ([], [RowError(line: 1, field: missing.joined(separator: ","), reason: "missing column")])
        }
        var seen = Set<String>()
        for (index, r) in table.records.enumerated() {
            let line = index + 2
            func value(_ k: String) -> String? {
                let v = (r[k] ?? "").trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            guard let id = value("id") else { errors.append(.init(line: line, field: "id", reason: "empty")); continue }
            guard seen.insert(id).inserted else { errors.append(.init(line: line, field: "id", reason: "duplicate")); continue }
            guard let kind = value("kind").flatMap(Office.Kind.init(rawValue:)) else {
                errors.append(.init(line: line, field: "kind", reason: "must be wup, pup or uw")); continue
            }
            // A voivode's office answers its own line; the router knows one by its id.
            guard (kind == .uw) == id.hasPrefix(Office.ownLinePrefix) else {
                errors.append(.init(line: line, field: "id", reason: "a voivode's office and only one has an id starting uw-")); continue
            }
            guard let name = value("name") else { errors.append(.init(line: line, field: "name", reason: "empty")); continue }
            guard let woj = value("voivodeship"), register.voivodeship(woj) != nil else {
                errors.append(.init(line: line, field: "voivodeship", reason: "unknown TERYT code")); continue
            }
            let powiats = (value("powiats") ?? "").split(separator: " ").map(String.init)
            if let bad = powiats.first(where: { register.powiat($0) == nil }) {
                errors.append(.init(line: line, field: "powiats", reason: "unknown TERYT code \(bad)")); continue
            }
            var hours: WeeklyHours? = nil
            if let h = value("hours") {
                guard let parsed = WeeklyHours(notation: h) else {
                    errors.append(.init(line: line, field: "hours", reason: "not like mon-fri 08:00-16:00")); continue
                }
                hours = parsed
            }
            offices.append(Office(id: id, kind: kind, name: name, locality: value("locality") ?? "", voivodeshipCode: woj,
                                  powiatCodes: powiats, street: value("street"), postalCode: value("postal_code"),
                                  phone: value("phone"), email: value("email"), website: value("website"), hours: hours,
                                  verified: value("verified") == "true", note: value("note")))
        }
        return (offices, errors)
    }

    public static func serialize(_ offices: [Office]) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for o in offices {
            let fields = [o.id, o.kind.rawValue, o.name, o.locality, o.voivodeshipCode, o.powiatCodes.joined(separator: " "),
                          o.street ?? "", o.postalCode ?? "", o.phone ?? "", o.email ?? "", o.website ?? "",
                          o.hours?.notation ?? "", o.verified ? "true" : "false", o.note ?? ""]
            out += fields.map(CSVTable.escape).joined(separator: ",") + "\n"
        }
        return out
    }
}
