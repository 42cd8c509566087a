import Foundation

/// Licences and certificates that offers ask for and CVs name, recognised in the free text
/// both are written in ("prawo jazdy kat. C+E, kod 95", "uprawnienia UDT na wózki widłowe").
/// A set is a bit mask, so a million CVs keep it in one word each.
public struct LicenceSet: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let b = LicenceSet(rawValue: 1 << 0)
    public static let be = LicenceSet(rawValue: 1 << 1)
    public static let c1 = LicenceSet(rawValue: 1 << 2)
    public static let c = LicenceSet(rawValue: 1 << 3)
    public static let ce = LicenceSet(rawValue: 1 << 4)
    public static let d = LicenceSet(rawValue: 1 << 5)
    public static let de = LicenceSet(rawValue: 1 << 6)
    public static let t = LicenceSet(rawValue: 1 << 7)
    /// Świadectwo kwalifikacji zawodowej ("kod 95"): professional drivers.
    public static let driverQualification = LicenceSet(rawValue: 1 << 8)
    /// UDT: forklifts and other lifting equipment.
    public static let forklift = LicenceSet(rawValue: 1 << 9)
    /// SEP: electrical installations.
    public static let electrical = LicenceSet(rawValue: 1 << 10)
    public static let welding = LicenceSet(rawValue: 1 << 11)
    /// Orzeczenie sanitarno-epidemiologiczne (food handling).
    public static let sanitary = LicenceSet(rawValue: 1 << 12)
    /// Prawo wykonywania zawodu (nurses, doctors, pharmacists…).
    public static let practice = LicenceSet(rawValue: 1 << 13)

    /// Every licence, in the order explanations list them, with its stable name (catalogue keys
    /// `licence.<name>`; driving categories are written the same in every language).
    public static let named: [(LicenceSet, String)] = [
        (.ce, "C+E"), (.c, "C"), (.c1, "C1"), (.de, "D+E"), (.d, "D"), (.be, "B+E"), (.b, "B"), (.t, "T"),
        (.driverQualification, "driver_qualification"), (.forklift, "forklift"), (.electrical, "electrical"),
        (.welding, "welding"), (.sanitary, "sanitary"), (.practice, "practice"),
    ]

    public var members: [LicenceSet] { Self.named.map(\.0).filter { contains($0) } }
    public var names: [String] { Self.named.filter { contains($0.0) }.map(\.1) }

    /// A higher driving category includes those it requires (C+E holds C and B).
    public var withImplied: LicenceSet {
        var s = self
        if s.contains(.ce) { s.formUnion([.c, .be]) }
        if s.contains(.de) { s.formUnion([.d, .be]) }
        if s.contains(.c) { s.formUnion([.c1, .b]) }
        if s.contains(.d) || s.contains(.c1) || s.contains(.be) { s.insert(.b) }
        return s
    }

    static let categories: [String: LicenceSet] = [
        "b": .b, "b+e": .be, "be": .be, "c1": .c1, "c": .c, "c+e": .ce, "ce": .ce, "d": .d, "d+e": .de, "de": .de, "t": .t,
    ]
    static let phrases: [(String, LicenceSet)] = [
        ("kod 95", .driverQualification), ("kwalifikacji zawodowej", .driverQualification), ("kwalifikacja wstępna", .driverQualification),
        ("udt", .forklift), ("wózk", .forklift), ("forklift", .forklift), ("sep", .electrical), ("1 kv", .electrical),
        ("spawa", .welding), ("welding", .welding), ("sanitarn", .sanitary), ("sanepid", .sanitary),
        ("prawo wykonywania zawodu", .practice), ("pwz", .practice),
    ]

    /// The licences a text names. Driving categories are the words B, C, C+E… (alone, after
    /// "kat." or in a list); everything else by the phrases people use for it.
    public static func parse(_ text: String) -> LicenceSet {
        let lower = text.lowercased()
        var s: LicenceSet = []
        for (phrase, licence) in phrases where lower.contains(phrase) {
            // "sep" only as a word: "separacja" is not a licence.
            if phrase == "sep" || phrase == "udt" || phrase == "pwz" {
                guard words(lower).contains(phrase) else { continue }
            }
            s.insert(licence)
        }
        for word in words(lower) {
            if let category = categories[word] { s.insert(category) }
        }
        return s
    }

    /// Words split at anything but letters, digits and "+" ("kat.C+E," gives "kat", "c+e").
    static func words(_ lower: String) -> [String] {
        lower.split { !($0.isLetter || $0.isNumber || $0 == "+") }.map(String.init)
    }
}
