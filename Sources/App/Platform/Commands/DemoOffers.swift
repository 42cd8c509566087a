import Vapor
import Fluent
import Portal
import Storage

/// Demo job offers: a verified demo company's published offers across Poland and abroad, and
/// an unverified one's offer waiting in PUP Białystok's moderation queue. Fixed ids, so the
/// accessibility test can open an offer page. Loaded once, in demo mode only.
enum DemoOffers {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-4000-8000-00000000d%03d", n))! }

    struct Sample {
        let n: Int, title: String, occupation: String, duties: String, postal: String?, locality: String, country: String?
        let contract: ContractType, fte: Double, shifts: ShiftSystem, wage: (Double?, Double?), wageType: WageType
        let education: Education, languages: [LanguageRequirement], experience: Int, licences: String
    }

    static let samples: [Sample] = [
        Sample(n: 1, title: "Kierowca C+E w transporcie krajowym", occupation: "833203",
               duties: "Przewóz towarów na terenie kraju zestawem ciągnik siodłowy z naczepą. Powroty do domu na weekendy. Dbałość o powierzony pojazd i dokumentację przewozu.",
               postal: "15-001", locality: "Białystok", country: nil, contract: .employment, fte: 1, shifts: .flexible, wage: (7500, 9500),
               wageType: .monthly, education: .vocational, languages: [], experience: 12, licences: "prawo jazdy kat. C+E, świadectwo kwalifikacji, karta kierowcy"),
        Sample(n: 2, title: "Magazynier z uprawnieniami na wózki widłowe", occupation: "432103",
               duties: "Przyjmowanie i wydawanie towaru, kompletacja zamówień, praca z czytnikiem kodów kreskowych w magazynie centralnym w Łodzi.",
               postal: "90-001", locality: "Łódź", country: nil, contract: .employment, fte: 1, shifts: .two, wage: (5200, 6000),
               wageType: .monthly, education: .primary, languages: [], experience: 0, licences: "uprawnienia UDT na wózki widłowe"),
        Sample(n: 3, title: "Księgowa / księgowy na pół etatu", occupation: "331301",
               duties: "Prowadzenie ksiąg rachunkowych małej spółki, rozliczenia VAT i CIT, współpraca z biurem rachunkowym.",
               postal: "00-001", locality: "Warszawa", country: nil, contract: .employment, fte: 0.5, shifts: .single, wage: (4000, 4500),
               wageType: .monthly, education: .higher, languages: [LanguageRequirement(language: "en", level: .b1)], experience: 24, licences: ""),
        Sample(n: 4, title: "Kucharz w restauracji hotelowej", occupation: "512001",
               duties: "Przygotowywanie dań kuchni polskiej i śródziemnomorskiej, dbanie o porządek na stanowisku zgodnie z HACCP.",
               postal: "31-001", locality: "Kraków", country: nil, contract: .mandate, fte: 1, shifts: .two, wage: (32, 38),
               wageType: .hourly, education: .vocational, languages: [], experience: 6, licences: "orzeczenie sanitarno-epidemiologiczne"),
        Sample(n: 5, title: "Spawacz MIG/MAG – praca w Niemczech", occupation: "721204",
               duties: "Spawanie konstrukcji stalowych w zakładzie produkcyjnym w Hamburgu. Zakwaterowanie i dojazd zapewnia pracodawca. Oferta w sieci EURES.",
               postal: nil, locality: "Hamburg", country: "DE", contract: .employment, fte: 1, shifts: .two, wage: (14000, 17000),
               wageType: .monthly, education: .vocational, languages: [LanguageRequirement(language: "de", level: .a2)], experience: 24,
               licences: "certyfikat spawalniczy MIG/MAG (135/136)"),
        Sample(n: 6, title: "Pielęgniarka / pielęgniarz oddziałowy", occupation: "222101",
               duties: "Opieka nad pacjentami oddziału chorób wewnętrznych, prowadzenie dokumentacji medycznej, praca w systemie zmianowym.",
               postal: "80-001", locality: "Gdańsk", country: nil, contract: .employment, fte: 1, shifts: .continuous, wage: (7000, 8200),
               wageType: .monthly, education: .higher, languages: [], experience: 0, licences: "prawo wykonywania zawodu pielęgniarki"),
    ]

    /// The unverified demo bakery's offer, waiting for PUP Białystok.
    static let pending = Sample(n: 7, title: "Piekarz na zmianę nocną", occupation: "751204",
                                duties: "Wypiek pieczywa i wyrobów cukierniczych na zmianie nocnej, obsługa pieca i dbanie o jakość wyrobów.",
                                postal: "15-371", locality: "Białystok", country: nil, contract: .employment, fte: 1, shifts: .single,
                                wage: (5000, 5800), wageType: .monthly, education: .vocational, languages: [], experience: 0, licences: "")

    static func load(_ app: Application, verifiedCompany: UUID, pendingCompany: UUID, by account: UUID) async throws {
        let store = OfferStore(db: app.db)
        let indexer = OfferIndexer(db: app.db, analyzer: app.services.analyzer, directory: FluentDirectoryStore(db: app.db))
        let validUntil = Calendar.polish.date(byAdding: .day, value: 90, to: Date())!
        for (sample, company, status) in samples.map({ ($0, verifiedCompany, OfferStatus.published) }) + [(pending, pendingCompany, .pending)] {
            guard try await store.find(id(sample.n)) == nil, let companyRecord = try await EmployerStore(db: app.db).find(company: company),
                  let occupation = try await store.occupation(sample.occupation) else { continue }
            let draft = OfferDraft(title: sample.title, occupationCode: sample.occupation, duties: sample.duties, postalCode: sample.postal,
                                   locality: sample.locality, country: sample.country, contract: sample.contract, workingTime: sample.fte,
                                   shifts: sample.shifts, wageMin: sample.wage.0, wageMax: sample.wage.1, wageType: sample.wageType, positions: 2,
                                   positionsForDisabled: sample.n == 2 ? 1 : 0, education: sample.education, languages: sample.languages,
                                   experienceMonths: sample.experience, licences: sample.licences, startDate: nil, validUntil: validUntil,
                                   howToApply: "Demo: CV z dopiskiem „Zielona Linia” na adres rekrutacja.demo@example.org", employerVisible: sample.n != 4)
            let place = try await indexer.place(of: draft, company: companyRecord)
            let tokens = try await indexer.tokens(draft, occupationName: occupation.name, place: place, companyName: companyRecord.name)
            _ = try await store.create(draft, company: company, by: account, place: place, status: status, tokens: tokens, id: id(sample.n))
        }
    }
}
