import Vapor
import Fluent
import SQLKit
import Portal
import ContactCenter
import Storage
import TextSearch

/// `zielona seed [--demo] [--offers N] [--seekers M] [--history DAYS] [--seed S]`: migrates,
/// loads reference data, the demo data set, generated offers and seekers for load tests, and
/// past contact-centre traffic for the reports (the same data for the same seed).
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "demo", help: "Load the demo data set (fictional, marked as demo; loaded once).")
        var demo: Bool
        @Option(name: "offers", help: "Generate this many published job offers (realistic Polish data).")
        var offers: Int?
        @Option(name: "seekers", help: "Generate this many job-seeker accounts with profiles and one to three CVs each.")
        var seekers: Int?
        @Option(name: "seed", help: "Seed of the generator (default 1): the same seed gives the same data.")
        var seed: UInt64?
        @Option(name: "history", help: "Generate this many days of past contact-centre traffic before today, then the reports' sums.")
        var history: Int?
        @Option(name: "contacts-per-day", help: "history: contacts on an ordinary weekday at the start (default 175 in one voivodeship, 10000 nationally).")
        var contactsPerDay: Double?
        @Option(name: "voivodeship", help: "history: the voivodeship (TERYT code, default 20); 'all' for every office in the country.")
        var voivodeship: String?
    }

    var help: String {
        "Load reference data; with --demo the demo data set; with --offers N / --seekers M generated data for load tests. Safe to run again for reference and demo data."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await DatabasePreparation.prepare(app, demo: signature.demo)
        context.console.print(signature.demo ? "Reference and demo data are loaded." : "Reference data is loaded.")
        if let days = signature.history { try await history(days, signature, context) }
        let offers = signature.offers ?? 0, seekers = signature.seekers ?? 0
        guard offers > 0 || seekers > 0 else { return }
        guard offers >= 0, seekers >= 0, offers <= 5_000_000, seekers <= 5_000_000 else {
            throw ConsoleCommandError(message: "--offers and --seekers must be between 0 and 5000000")
        }
        let started = ContinuousClock.now
        let report = try await SyntheticDataSet(app: app, seed: signature.seed ?? 1).generate(offers: offers, seekers: seekers)
        // Fresh statistics, so the query planner knows the new sizes; on PostgreSQL also the
        // visibility map, without which counts cannot be answered from an index alone.
        let isPostgres = DatabaseSetup.kind(of: app.services.config.databaseURL) == .postgres
        try await (app.db as! any SQLDatabase).raw(isPostgres ? "VACUUM ANALYZE" : "ANALYZE").run()
        let elapsed = ContinuousClock.now - started
        context.console.print("Generated \(report.offers) offers of \(report.companies) companies and \(report.seekers) seekers in \(elapsed.formatted(.units(allowed: [.minutes, .seconds], width: .abbreviated))).")
    }
}

extension SeedCommand {
    func history(_ days: Int, _ signature: Signature, _ context: CommandContext) async throws {
        guard (1...800).contains(days) else { throw ConsoleCommandError(message: "--history must be between 1 and 800 days") }
        let app = context.application
        let area = signature.voivodeship ?? "20"
        let seeder = HistorySeeder(app: app)
        let offices = try await seeder.offices(voivodeship: area == "all" ? nil : area)
        guard !offices.isEmpty else { throw ConsoleCommandError(message: "no offices in voivodeship \(area); use a TERYT code such as 10 or 'all'") }
        var p = TrafficHistory.Parameters()
        p.contactsPerDay = signature.contactsPerDay ?? (area == "all" ? 10_000 : 175)
        p.seed = signature.seed ?? 1
        guard p.contactsPerDay > 0, p.contactsPerDay <= 200_000 else { throw ConsoleCommandError(message: "--contacts-per-day must be between 1 and 200000") }
        let s = try await seeder.seed(days: days, offices: offices, parameters: p) { day, total in
            if day % 30 == 0 { context.console.print("  \(day) of \(days) days, \(total) contacts") }
        }
        context.console.print("Generated \(s.contacts) contacts over \(s.days) days for \(offices.count) offices in \(String(format: "%.1f", s.seconds)) s (reports' sums included).")
    }
}

/// Generated offers and seekers, deterministic for a seed.
struct SyntheticDataSet {
    let app: Application
    let seed: UInt64

    struct Report { let offers: Int; let companies: Int; let seekers: Int }

    static let firstNames = ["Anna", "Piotr", "Katarzyna", "Tomasz", "Małgorzata", "Paweł", "Agnieszka", "Michał", "Olena", "Andrij", "Ewa", "Łukasz"]
    static let lastNames = ["Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski", "Zielińska", "Szymański", "Kowalczyk", "Łukasik"]

    /// `seekersFrom`: the number of the first seeker (more can be added to those there).
    func generate(offers offerCount: Int, seekers seekerCount: Int, seekersFrom: Int = 0) async throws -> Report {
        var rng = SeededRandom(seed: seed &+ UInt64(seekersFrom))
        let loader = BulkLoader(db: app.db)
        let places = try await loader.places()
        let samplePlaces = places.map { SyntheticOffers.Place(postalCode: $0.entry.code, locality: $0.entry.locality) }
        let placeByCode = Dictionary(places.map { ($0.entry.code, $0.place) }, uniquingKeysWith: { a, _ in a })
        let unusable = try app.password.hash(Secrets.randomToken())
        var companyCount = 0
        if offerCount > 0 {
            companyCount = max(1, offerCount / 25)
            let offices = Array(Set(places.map(\.place.officeID))).sorted()
            let companies = try await loader.companies((0..<companyCount).map(SyntheticOffers.companyName), offices: offices,
                                                       verified: { $0 % 10 < 7 }, passwordHash: unusable, ids: { rng.uuid() })
            let analyzer = app.services.analyzer
            let directory = FluentDirectoryStore(db: app.db)
            let powiatNames = Dictionary(uniqueKeysWithValues: try await directory.powiats(inVoivodeship: nil).map { ($0.code, $0.name) })
            let voivodeshipNames = Dictionary(uniqueKeysWithValues: try await directory.voivodeships().map { ($0.code, $0.name) })
            var occupationNames: [String: String] = [:]
            for code in SyntheticOffers.occupationCodes { occupationNames[code] = try await OfferStore(db: app.db).occupation(code)?.name ?? "" }
            let today = Date()
            var batch: [BulkLoader.OfferRow] = []
            for n in 0..<offerCount {
                let draft = SyntheticOffers.offer(n, places: samplePlaces, rng: &rng, today: today)
                let companyIndex = Int(rng.next() % UInt64(companies.count))
                guard let place = placeByCode[draft.postalCode ?? ""] else { continue }
                let companyName = SyntheticOffers.companyName(companyIndex)
                let body = [draft.duties, draft.locality, draft.licences, powiatNames[place.powiatCode ?? ""] ?? "",
                            voivodeshipNames[place.voivodeshipCode ?? ""] ?? "", draft.employerVisible ? companyName : ""].joined(separator: " ")
                let tokens = SearchTokens(title: analyzer.indexTokens(draft.title + " " + (occupationNames[draft.occupationCode] ?? "")),
                                          body: analyzer.indexTokens(body))
                let published = today.addingTimeInterval(-Double(rng.next() % (60 * 86_400)))
                batch.append(.init(draft: draft, company: companies[companyIndex], place: place, verified: companyIndex % 10 < 7,
                                   tokens: tokens, publishedAt: published))
                if batch.count == 5_000 { try await loader.offers(batch, createdBy: companies[0], ids: { rng.uuid() }); batch.removeAll(keepingCapacity: true) }
            }
            try await loader.offers(batch, createdBy: companies[0], ids: { rng.uuid() })
        }
        if seekerCount > 0 {
            let pool = SyntheticSeekers.Pool(try OccupationList.bundled())
            let analyzer = app.services.analyzer
            let powiatNames = Dictionary(uniqueKeysWithValues: try await FluentDirectoryStore(db: app.db).powiats(inVoivodeship: nil).map { ($0.code, $0.name) })
            var cvRNG = SeededRandom(seed: seed &+ 77 &+ UInt64(seekersFrom))
            try await loader.seekers(count: seekerCount, first: seekersFrom, passwordHash: unusable, profile: { i in
                let p = samplePlaces[(i * 7919) % samplePlaces.count]
                return SeekerProfile(firstName: Self.firstNames[i % Self.firstNames.count], lastName: Self.lastNames[(i / 12) % Self.lastNames.count],
                                     voivodeshipCode: placeByCode[p.postalCode]?.voivodeshipCode ?? "14", locality: p.locality, postalCode: p.postalCode,
                                     street: "Polna", houseNumber: "\(i % 150 + 1)", phone: nil)
            }, cvs: { i, profile in
                let code = profile.postalCode
                guard let place = placeByCode[code] else { return [] }
                let cvPlace = CVPlace(powiatCode: place.powiatCode, voivodeshipCode: place.voivodeshipCode, latitude: place.latitude, longitude: place.longitude)
                return SyntheticSeekers.cvs(i, home: .init(postalCode: code, locality: profile.locality), occupations: pool, rng: &cvRNG).map { draft in
                    let shared = draft.sharedOnly
                    let tokens = CVController.tokens(shared, occupationName: shared.occupationCode.flatMap(pool.name),
                                                     powiatName: place.powiatCode.flatMap { powiatNames[$0] }, analyzer: analyzer)
                    // Changed at some moment of the last two years, as real CVs are.
                    return BulkLoader.CVRow(draft: draft, place: cvPlace, tokens: tokens,
                                            updatedAt: Date().addingTimeInterval(-Double(cvRNG.next() % (730 * 86_400))))
                }
            }, ids: { rng.uuid() })
        }
        return Report(offers: offerCount, companies: companyCount, seekers: seekerCount)
    }
}
