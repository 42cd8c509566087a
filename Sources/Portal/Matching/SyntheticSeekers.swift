import Foundation

/// Generated job seekers' CVs for load tests, benchmarks and the matching evaluation: the
/// occupations registered unemployed people most often have, the trades offers ask for, a
/// long tail from the whole classification, and the choices people make about what to share.
public enum SyntheticSeekers {
    struct Trade {
        let code: String
        /// Per mille of CVs. The first rows follow the order of the occupations with the most
        /// registered unemployed in the labour ministry's yearly tables (sprzedawca, robotnik
        /// gospodarczy, sprzątaczka…) with rounded shares; see README "Matching" on what this is.
        let weight: Int
        let job: String
        let education: Education
        let licences: [String]
        let wage: ClosedRange<Int>
    }

    static let trades: [Trade] = [
        Trade(code: "522301", weight: 70, job: "Sprzedawca", education: .vocational, licences: ["", "prawo jazdy kat. B"], wage: 4700...5600),
        Trade(code: "515303", weight: 40, job: "Robotnik gospodarczy", education: .primary, licences: ["", "prawo jazdy kat. B"], wage: 4666...5200),
        Trade(code: "911207", weight: 40, job: "Sprzątaczka", education: .primary, licences: [""], wage: 4666...5000),
        Trade(code: "331403", weight: 28, job: "Technik ekonomista", education: .secondary, licences: ["prawo jazdy kat. B"], wage: 5000...6500),
        Trade(code: "432103", weight: 45, job: "Magazynier", education: .vocational, licences: ["uprawnienia UDT na wózki widłowe", "prawo jazdy kat. B", ""], wage: 4800...6000),
        Trade(code: "512001", weight: 30, job: "Kucharz", education: .vocational, licences: ["orzeczenie sanitarno-epidemiologiczne"], wage: 4800...7000),
        Trade(code: "411003", weight: 22, job: "Pracownik biurowy", education: .secondary, licences: ["prawo jazdy kat. B", ""], wage: 4800...6000),
        Trade(code: "711204", weight: 22, job: "Murarz-tynkarz", education: .vocational, licences: ["prawo jazdy kat. B", ""], wage: 6000...8500),
        Trade(code: "722204", weight: 18, job: "Ślusarz", education: .vocational, licences: ["prawo jazdy kat. B", ""], wage: 5500...8000),
        Trade(code: "833203", weight: 30, job: "Kierowca samochodu ciężarowego", education: .vocational,
              licences: ["prawo jazdy kat. C+E, kod 95", "prawo jazdy kat. C, świadectwo kwalifikacji zawodowej", "prawo jazdy kat. C+E"], wage: 6500...10000),
        Trade(code: "514101", weight: 14, job: "Fryzjer", education: .vocational, licences: [""], wage: 4700...6000),
        Trade(code: "941201", weight: 16, job: "Pomoc kuchenna", education: .primary, licences: ["orzeczenie sanitarno-epidemiologiczne", ""], wage: 4666...5200),
        Trade(code: "523002", weight: 14, job: "Kasjer", education: .secondary, licences: [""], wage: 4700...5500),
        Trade(code: "931301", weight: 16, job: "Pomocnik na budowie", education: .primary, licences: ["", "prawo jazdy kat. B"], wage: 4800...6000),
        Trade(code: "723103", weight: 12, job: "Mechanik samochodowy", education: .vocational, licences: ["prawo jazdy kat. B"], wage: 5500...8000),
        Trade(code: "832203", weight: 12, job: "Kierowca", education: .secondary, licences: ["prawo jazdy kat. B"], wage: 4800...6500),
        Trade(code: "263102", weight: 10, job: "Ekonomista", education: .higher, licences: ["prawo jazdy kat. B", ""], wage: 6000...9000),
        Trade(code: "235921", weight: 10, job: "Pedagog", education: .higher, licences: [""], wage: 5000...7000),
        Trade(code: "721204", weight: 16, job: "Spawacz", education: .vocational, licences: ["certyfikat spawalniczy 135", "certyfikat spawalniczy 141", ""], wage: 6000...9500),
        Trade(code: "741103", weight: 14, job: "Elektryk", education: .vocational, licences: ["uprawnienia SEP do 1 kV", "uprawnienia SEP do 1 kV, prawo jazdy kat. B"], wage: 6000...9000),
        Trade(code: "331301", weight: 10, job: "Księgowa", education: .higher, licences: [""], wage: 5500...8500),
        Trade(code: "222101", weight: 6, job: "Pielęgniarka", education: .higher, licences: ["prawo wykonywania zawodu"], wage: 6500...9000),
        Trade(code: "251401", weight: 6, job: "Programista", education: .higher, licences: [""], wage: 8000...16000),
        Trade(code: "833101", weight: 6, job: "Kierowca autobusu", education: .vocational, licences: ["prawo jazdy kat. D, kod 95", "prawo jazdy kat. D"], wage: 6000...7500),
        Trade(code: "325905", weight: 10, job: "Opiekunka", education: .secondary, licences: [""], wage: 4700...5500),
        Trade(code: "751204", weight: 8, job: "Piekarz", education: .vocational, licences: ["orzeczenie sanitarno-epidemiologiczne"], wage: 4800...6000),
        Trade(code: "752205", weight: 8, job: "Stolarz", education: .vocational, licences: [""], wage: 5000...7500),
        Trade(code: "713102", weight: 8, job: "Malarz", education: .vocational, licences: [""], wage: 5000...7500),
    ]
    /// The share of CVs naming an occupation outside the list (any of the classification).
    static let tailPerMille = 1000 - trades.reduce(0) { $0 + $1.weight }

    static let cumulative: [Int] = { var s = 0; return trades.map { s += $0.weight; return s } }()

    /// Where a seeker lives (the CV's place): a postal code with its coordinates.
    public struct Home: Sendable {
        public let postalCode: String
        public let locality: String
        public init(postalCode: String, locality: String) { self.postalCode = postalCode; self.locality = locality }
    }

    static func trade(_ rng: inout SeededRandom) -> Trade? {
        let r = Int(rng.next() % 1000)
        guard let i = cumulative.firstIndex(where: { r < $0 }) else { return nil }
        return trades[i]
    }

    /// Every 6-digit occupation, and those of each unit group (the long tail and the neighbours).
    public struct Pool: Sendable {
        let codes: [String]
        let names: [String: String]
        let byGroup: [Substring: [String]]
        public init(_ occupations: [Occupation]) {
            let six = occupations.filter(\.isOccupation)
            codes = six.map(\.code)
            names = Dictionary(six.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            byGroup = Dictionary(grouping: codes, by: { $0.prefix(4) })
        }
        func any(_ rng: inout SeededRandom) -> String { codes[Int(rng.next() % UInt64(codes.count))] }
        public func name(_ code: String) -> String? { names[code] }
    }

    /// One to three CVs of seeker `n` (half one, a third two, the rest three): the first in their
    /// trade, the others in a neighbouring occupation of the same group or another common one.
    public static func cvs(_ n: Int, home: Home, occupations: Pool, rng: inout SeededRandom) -> [CVDraft] {
        let r = rng.next() % 100, count = r < 50 ? 1 : r < 85 ? 2 : 3
        let first = trade(&rng)
        let firstCode = first?.code ?? occupations.any(&rng)
        let sharing = sharingChoice(&rng)
        let years = Int(rng.next() % 100) < 20 ? 0 : Int(rng.next() % 240)
        let languages = languageList(&rng)
        let wish = wish(first, &rng)
        return (0..<count).map { i in
            var code = firstCode, trade = first
            if i > 0 {
                let siblings = occupations.byGroup[firstCode.prefix(4)] ?? []
                if rng.next() % 2 == 0, siblings.count > 1 {
                    code = siblings[Int(rng.next() % UInt64(siblings.count))]; trade = nil
                } else {
                    trade = Self.trade(&rng); code = trade?.code ?? occupations.any(&rng)
                }
            }
            let name = trade?.job ?? occupations.names[code] ?? "Praca"
            let education = trade?.education ?? Education.allCases[1 + Int(rng.next() % 5)]
            let licences = trade.map { $0.licences[Int(rng.next() % UInt64($0.licences.count))] } ?? (rng.next() % 2 == 0 ? "prawo jazdy kat. B" : "")
            return CVDraft(title: "CV \(i + 1)", desiredJob: name, occupationCode: code, desiredLocality: home.locality, postalCode: home.postalCode,
                           education: education, educationDetails: "", experienceMonths: years,
                           experience: years == 0 ? "" : "Praca na stanowisku: \(name.lowercased()).", languages: languages,
                           skills: "", licences: licences, courses: "", shared: sharing, wish: wish)
        }
    }

    static func sharingChoice(_ rng: inout SeededRandom) -> Set<CVSection> {
        switch rng.next() % 100 {
        case 0..<65: Set(CVSection.allCases)
        case 65..<80: [.desired, .experience, .languages, .licences]
        case 80..<88: [.desired]
        default: []
        }
    }

    static func languageList(_ rng: inout SeededRandom) -> [LanguageRequirement] {
        var out: [LanguageRequirement] = []
        let levels = LanguageLevel.allCases
        if rng.next() % 100 < 35 { out.append(.init(language: "en", level: levels[1 + Int(rng.next() % 3)])) }
        if rng.next() % 100 < 12 { out.append(.init(language: "de", level: levels[Int(rng.next() % 3)])) }
        if rng.next() % 100 < 10 { out.append(.init(language: "ru", level: levels[2 + Int(rng.next() % 3)])) }
        if rng.next() % 100 < 6 { out.append(.init(language: "uk", level: levels[4 + Int(rng.next() % 2)])) }
        return out
    }

    static func wish(_ trade: Trade?, _ rng: inout SeededRandom) -> WorkWish? {
        guard rng.next() % 100 < 85 else { return nil }
        let commute = [10, 20, 30, 30, 50, 80][Int(rng.next() % 6)]
        let range = trade?.wage ?? 4666...6000
        let monthly = Double(Int.random(in: range, using: &rng) / 100 * 100)
        let hourly = rng.next() % 100 < 15
        let contracts: [ContractType] = switch rng.next() % 100 {
        case 0..<70: []
        case 70..<95: [.employment]
        default: [.employment, .mandate]
        }
        return WorkWish(commuteKm: commute, willingToMove: rng.next() % 100 < 12,
                        expectedWage: rng.next() % 100 < 80 ? (hourly ? (monthly / Pay.hoursPerMonth).rounded() : monthly) : nil,
                        expectedWageType: hourly ? .hourly : .monthly, time: [.any, .any, .any, .full, .full, .part][Int(rng.next() % 6)],
                        contracts: contracts)
    }
}
