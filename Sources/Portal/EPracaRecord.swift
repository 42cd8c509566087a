import Foundation
import TextSearch

/// One offer of an ePraca (formerly CBOP) export, read from its JSON object and checked field
/// by field. ePraca names fields in Polish camelCase; values come as strings or numbers, the
/// wage as a number, a "min-max" string or an object {od, do}.
public struct EPracaRecord: Sendable, Equatable {
    public var externalID: String
    public var title: String
    public var employerName: String
    public var employerNIP: String?
    public var locality: String
    public var postalCode: String?
    public var occupationCode: String?
    public var contract: ContractType
    public var wageMin: Double?
    public var wageMax: Double?
    public var workingTime: Double
    public var positions: Int
    public var duties: String
    public var howToApply: String
    public var publishedAt: Date
    public var validUntil: Date

    public struct Rejection: Error, Sendable, Equatable {
        public let field: String
        public let reason: String
        public init(_ field: String, _ reason: String) { self.field = field; self.reason = reason }
    }

    /// Contract names as ePraca writes them, folded, to ours.
    static let contracts: [(String, ContractType)] = [
        ("zastepstwo", .replacement), ("tymczasow", .temporaryWork), ("zlecen", .mandate), ("dzielo", .specificWork),
        ("b2b", .b2b), ("kontrakt", .b2b), ("sezon", .seasonal), ("staz", .internship), ("praktyk", .internship), ("umowa o prace", .employment),
        ("o prace", .employment),
    ]

    public static func contract(_ text: String) -> ContractType? {
        let folded = PolishFolding.fold(text)
        return contracts.first { folded.contains($0.0) }?.1
    }

    static func day(_ text: String) -> Date? {
        // Foundation's formatter traps on some text (digits with combining marks): only the
        // characters of the formats below reach it.
        guard text.utf8.count <= 32, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || "-:.+TZ".utf8.contains($0) }) else { return nil }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "Europe/Warsaw")
        for format in ["yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd", "dd.MM.yyyy"] {
            f.dateFormat = format
            if let d = f.date(from: text) { return d }
        }
        return nil
    }

    /// A finite number ("1e400" and "nan" are not amounts, and would trap when counted).
    static func number(_ v: Any?) -> Double? {
        let n: Double?
        switch v {
        case let x as NSNumber: n = x.doubleValue
        case let s as String: n = Double(s.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: ",", with: "."))
        default: n = nil
        }
        return n.flatMap { $0.isFinite ? $0 : nil }
    }

    public static func text(_ v: Any?) -> String? {
        switch v {
        case let s as String: let t = s.trimmingCharacters(in: .whitespacesAndNewlines); return t.isEmpty ? nil : t
        case let n as NSNumber: return n.stringValue
        default: return nil
        }
    }

    /// A number that may be absent (then `default`), else must be one, within `range`.
    static func optional(_ field: String, in o: [String: Any], default value: Double, within range: ClosedRange<Double>, _ expected: String,
                         whole: Bool = false) throws(Rejection) -> Double {
        guard let raw = o[field], !(raw is NSNull), text(raw) != nil else { return value }
        guard let n = number(raw), range.contains(n), !whole || n.rounded() == n else { throw Rejection(field, "not \(expected)") }
        return n
    }

    /// The wage: 5000, "4666-6000", "4 666,00 - 6 000,00", or {"od": 4666, "do": 6000}.
    static func wage(_ v: Any?) throws(Rejection) -> (Double?, Double?) {
        switch v {
        case nil, is NSNull: return (nil, nil)
        case let o as [String: Any]:
            let min = number(o["od"] ?? o["min"]), max = number(o["do"] ?? o["max"])
            if min == nil && max == nil { throw Rejection("wynagrodzenieBrutto", "no amount") }
            return (min, max)
        case let s as String:
            let parts = s.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { number(String($0)) }
            guard !parts.isEmpty, parts.count <= 2, parts.allSatisfy({ $0 != nil }) else { throw Rejection("wynagrodzenieBrutto", "not an amount: \(s)") }
            return (parts[0], parts.count == 2 ? parts[1] : parts[0])
        default:
            guard let n = number(v) else { throw Rejection("wynagrodzenieBrutto", "not an amount") }
            return (n, n)
        }
    }

    public init(json o: [String: Any], now: Date = Date()) throws(Rejection) {
        func required(_ field: String) throws(Rejection) -> String {
            guard let v = Self.text(o[field]) else { throw Rejection(field, "missing") }
            return v
        }
        externalID = try required("identyfikatorOferty")
        title = try required("stanowisko")
        switch o["pracodawca"] {
        case let p as [String: Any]:
            guard let name = Self.text(p["nazwa"]) else { throw Rejection("pracodawca", "missing name") }
            employerName = name; employerNIP = Self.text(p["nip"])
        default:
            employerName = try required("pracodawca"); employerNIP = Self.text(o["nip"])
        }
        locality = try required("miejscowosc")
        postalCode = Self.text(o["kodPocztowy"])
        occupationCode = Self.text(o["kodZawodu"])
        let contractText = try required("rodzajUmowy")
        guard let contract = Self.contract(contractText) else { throw Rejection("rodzajUmowy", "unknown contract type: \(contractText)") }
        self.contract = contract
        (wageMin, wageMax) = try Self.wage(o["wynagrodzenieBrutto"])
        if let min = wageMin, let max = wageMax, min > max { throw Rejection("wynagrodzenieBrutto", "minimum above maximum") }
        workingTime = try Self.optional("wymiarEtatu", in: o, default: 1, within: 0.1...1, "a share of a full time from 0.1 to 1")
        positions = Int(try Self.optional("liczbaMiejsc", in: o, default: 1, within: 1...10_000, "a whole number of places from 1", whole: true))
        duties = Self.text(o["zakresObowiazkow"]) ?? Self.text(o["opis"]) ?? ""
        guard duties.count >= 20 else { throw Rejection("zakresObowiazkow", "missing or shorter than 20 characters") }
        howToApply = Self.text(o["sposobAplikowania"]) ?? Self.text(o["kontakt"])
            ?? "Oferta z bazy ePraca nr \(externalID): szczegóły i zgłoszenia w urzędzie pracy."
        let added = try required("dataDodaniaOferty")
        guard let published = Self.day(added) else { throw Rejection("dataDodaniaOferty", "not a date: \(added)") }
        let until = try required("ofertaWaznaDo")
        guard let valid = Self.day(until) else { throw Rejection("ofertaWaznaDo", "not a date: \(until)") }
        // "Valid until" is a day: the offer stays until its end.
        let endOfDay = Calendar.polish.startOfDay(for: valid).addingTimeInterval(86_399)
        guard endOfDay >= now else { throw Rejection("ofertaWaznaDo", "expired on \(until)") }
        publishedAt = min(published, now); validUntil = endOfDay
    }
}
