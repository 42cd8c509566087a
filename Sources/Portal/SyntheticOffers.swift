import Foundation

/// A small, fast, seeded generator (SplitMix64): the same seed gives the same data everywhere.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed &+ 0x9E3779B97F4A7C15 }
    public mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// Realistic Polish offers for load tests and benchmarks: common occupations with titles and
/// duties written in inflected Polish (so stemming is exercised), wages of the trade, and
/// places drawn from the caller's postal codes.
public enum SyntheticOffers {
    struct Trade {
        let code: String
        let titles: [String]
        let duties: [String]
        let wage: ClosedRange<Int>
        let education: Education
        let licences: [String]
    }

    static let trades: [Trade] = [
        Trade(code: "833203", titles: ["Kierowca C+E", "Kierowca samochodu ciężarowego", "Zatrudnimy kierowców kat. C"],
              duties: ["Przewóz towarów w transporcie krajowym i międzynarodowym.", "Praca dla kierowców z doświadczeniem na trasach krajowych.",
                       "Dbałość o powierzony pojazd, załadunek i rozładunek towaru u klientów."],
              wage: 6500...11000, education: .vocational, licences: ["prawo jazdy kat. C+E", "świadectwo kwalifikacji zawodowej"]),
        Trade(code: "833101", titles: ["Kierowca autobusu", "Kierowcę autobusu miejskiego zatrudnimy"],
              duties: ["Przewóz pasażerów na liniach miejskich i podmiejskich.", "Praca w systemie zmianowym w komunikacji miejskiej."],
              wage: 6000...8000, education: .vocational, licences: ["prawo jazdy kat. D"]),
        Trade(code: "432103", titles: ["Magazynier", "Pracownik magazynu", "Magazynierów na zmiany zatrudnimy"],
              duties: ["Przyjmowanie i wydawanie towarów w magazynie.", "Kompletacja zamówień i praca ze skanerem w magazynie centralnym.",
                       "Obsługa wózka widłowego w magazynie wysokiego składowania."],
              wage: 4800...6500, education: .primary, licences: ["uprawnienia UDT na wózki widłowe", ""]),
        Trade(code: "721204", titles: ["Spawacz MIG/MAG", "Spawacz TIG", "Spawaczy zatrudnimy od zaraz"],
              duties: ["Spawanie konstrukcji stalowych według dokumentacji.", "Praca przy spawaniu elementów maszyn rolniczych."],
              wage: 6000...10000, education: .vocational, licences: ["certyfikat spawalniczy 135", "certyfikat spawalniczy 141"]),
        Trade(code: "331301", titles: ["Księgowa", "Księgowy", "Samodzielna księgowa"],
              duties: ["Prowadzenie ksiąg rachunkowych spółek.", "Rozliczenia podatkowe i sprawozdawczość finansowa klientów biura."],
              wage: 5500...9000, education: .higher, licences: [""]),
        Trade(code: "512001", titles: ["Kucharz", "Kucharz zmianowy", "Pomoc kucharza"],
              duties: ["Przygotowywanie posiłków w restauracji.", "Praca w kuchni hotelowej, przygotowywanie śniadań i obiadów."],
              wage: 4800...7500, education: .vocational, licences: ["orzeczenie sanitarno-epidemiologiczne"]),
        Trade(code: "522301", titles: ["Sprzedawca", "Kasjer-sprzedawca", "Sprzedawczyni w sklepie spożywczym"],
              duties: ["Obsługa klientów i kasy fiskalnej w sklepie.", "Wykładanie towaru na półki i dbanie o ekspozycję w sklepach sieci."],
              wage: 4700...5800, education: .primary, licences: [""]),
        Trade(code: "222101", titles: ["Pielęgniarka", "Pielęgniarz", "Pielęgniarka oddziałowa"],
              duties: ["Opieka nad pacjentami na oddziale szpitalnym.", "Wykonywanie zabiegów pielęgniarskich i prowadzenie dokumentacji."],
              wage: 6500...9500, education: .higher, licences: ["prawo wykonywania zawodu"]),
        Trade(code: "711204", titles: ["Murarz", "Murarz-tynkarz", "Murarzy na budowy zatrudnimy"],
              duties: ["Prace murarskie na budowach domów jednorodzinnych.", "Wznoszenie ścian i tynkowanie na budowie osiedla."],
              wage: 6000...9000, education: .vocational, licences: [""]),
        Trade(code: "741103", titles: ["Elektryk", "Elektromonter", "Elektryk utrzymania ruchu"],
              duties: ["Montaż instalacji elektrycznych w budynkach.", "Konserwacja maszyn i urządzeń elektrycznych w zakładzie produkcyjnym."],
              wage: 6500...9500, education: .vocational, licences: ["uprawnienia SEP do 1 kV"]),
        Trade(code: "251401", titles: ["Programista Java", "Programistka aplikacji internetowych", "Młodszy programista"],
              duties: ["Tworzenie aplikacji internetowych w zespole programistów.", "Rozwój systemów informatycznych dla klientów z sektora publicznego."],
              wage: 9000...18000, education: .higher, licences: [""]),
        Trade(code: "911207", titles: ["Sprzątaczka", "Pracownik porządkowy", "Osoba do sprzątania biur"],
              duties: ["Sprzątanie biur i pomieszczeń socjalnych.", "Utrzymanie czystości w obiektach handlowych."],
              wage: 4666...5200, education: .none, licences: [""]),
    ]

    static let contracts: [ContractType] = [.employment, .employment, .employment, .mandate, .temporaryWork, .seasonal, .replacement, .b2b]

    public struct Place: Sendable {
        public let postalCode: String
        public let locality: String
        public init(postalCode: String, locality: String) { self.postalCode = postalCode; self.locality = locality }
    }

    public static var occupationCodes: [String] { trades.map(\.code) }

    /// The `n`-th offer of a data set.
    public static func offer(_ n: Int, places: [Place], rng: inout SeededRandom, today: Date) -> OfferDraft {
        let trade = trades[Int(rng.next() % UInt64(trades.count))]
        let place = places[Int(rng.next() % UInt64(places.count))]
        let low = Int.random(in: trade.wage, using: &rng) / 100 * 100
        let high = low + Int.random(in: 0...3, using: &rng) * 500
        let hasWage = rng.next() % 5 != 0
        let duties = (0..<2).map { _ in trade.duties[Int(rng.next() % UInt64(trade.duties.count))] }
        let fte = [1.0, 1.0, 1.0, 0.75, 0.5][Int(rng.next() % 5)]
        return OfferDraft(
            title: trade.titles[Int(rng.next() % UInt64(trade.titles.count))], occupationCode: trade.code,
            duties: (Set(duties).sorted() + ["Miejsce pracy: \(place.locality)."]).joined(separator: " "),
            postalCode: place.postalCode, locality: place.locality, country: nil,
            contract: contracts[Int(rng.next() % UInt64(contracts.count))], workingTime: fte,
            shifts: ShiftSystem.allCases[Int(rng.next() % UInt64(ShiftSystem.allCases.count))],
            wageMin: hasWage ? Double(low) : nil, wageMax: hasWage ? Double(high) : nil, wageType: .monthly,
            positions: 1 + Int(rng.next() % 5), positionsForDisabled: 0, education: trade.education, languages: [],
            experienceMonths: [0, 0, 6, 12, 24][Int(rng.next() % 5)], licences: trade.licences[Int(rng.next() % UInt64(trade.licences.count))],
            startDate: nil, validUntil: today.addingTimeInterval(Double(7 + Int(rng.next() % 120)) * 86_400),
            howToApply: "CV przez portal lub na adres rekrutacja\(n % 997)@example.org", employerVisible: rng.next() % 10 != 0)
    }

    static let companyWords = (["Bałtyk", "Mazowsze", "Podlasie", "Karpaty", "Wisła", "Odra", "Warta", "Tatry", "Pomorze", "Śląsk", "Kujawy", "Warmia"],
                               ["Logistyka", "Budownictwo", "Handel", "Usługi", "Produkcja", "Transport", "Gastronomia", "Medica", "Systemy", "Serwis"])

    public static func companyName(_ n: Int) -> String {
        let (a, b) = companyWords
        return "\(a[n % a.count]) \(b[(n / a.count) % b.count]) \(n) sp. z o.o."
    }
}

extension SeededRandom {
    /// A version-4 UUID from the generator, so generated data has the same ids every time.
    public mutating func uuid() -> UUID {
        let a = next(), b = next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 { bytes[i] = UInt8(truncatingIfNeeded: a >> (8 * i)); bytes[8 + i] = UInt8(truncatingIfNeeded: b >> (8 * i)) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
