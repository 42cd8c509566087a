import Testing
import Privacy
import Foundation
import Vapor
@testable import App
@testable import Storage
import Portal
import TextSearch
import Clients
import SQLKit

/// One fixture, the same queries, the same expected answers: run on SQLite and on PostgreSQL
/// (the suite runs on both), this proves both databases find the same offers.
@Suite(.serialized) struct OfferSearchTests {
    static let now = Date()
    static let analyzer = Analyzer.best()

    struct Row { let key: String; let title: String; let duties: String; let occupation: String; let postal: String
        let contract: ContractType; let fte: Double; let wage: (Double?, Double?); let verified: Bool; let abroad: String? }

    static let rows: [Row] = [
        Row(key: "driverCE", title: "Kierowca C+E", duties: "Transport międzynarodowy, praca dla kierowców z doświadczeniem.",
            occupation: "833203", postal: "15-371", contract: .employment, fte: 1, wage: (7000, 9000), verified: true, abroad: nil),
        Row(key: "driverBus", title: "Kierowcę autobusu zatrudnimy", duties: "Przewóz osób na liniach miejskich w Białymstoku.",
            occupation: "833101", postal: "15-001", contract: .employment, fte: 1, wage: (5500, nil), verified: false, abroad: nil),
        Row(key: "warehouse", title: "Magazynier", duties: "Praca w magazynie w Łodzi, obsługa wózka widłowego.",
            occupation: "432103", postal: "90-001", contract: .temporaryWork, fte: 1, wage: (4800, 5200), verified: true, abroad: nil),
        Row(key: "accountant", title: "Księgowa", duties: "Prowadzenie ksiąg rachunkowych, rozliczenia z urzędem skarbowym.",
            occupation: "331301", postal: "00-001", contract: .employment, fte: 0.5, wage: (3000, 3500), verified: true, abroad: nil),
        Row(key: "welderDE", title: "Spawacz MIG/MAG", duties: "Spawanie konstrukcji stalowych w Niemczech, zakwaterowanie zapewnione.",
            occupation: "721204", postal: "", contract: .employment, fte: 1, wage: (14000, 16000), verified: true, abroad: "DE"),
        Row(key: "cook", title: "Kucharz", duties: "Przygotowywanie posiłków w restauracji hotelowej w Łodzi.",
            occupation: "512001", postal: "90-001", contract: .mandate, fte: 1, wage: (nil, nil), verified: false, abroad: nil),
    ]

    static func load(_ app: Application) async throws -> [String: UUID] {
        let verified = try await EmployerStore(db: app.db).registerEmployer(
            email: "v@example.org", passwordHash: "x", language: "pl", contactPerson: "V",
            company: NewCompany(name: "Zweryfikowana sp. z o.o.", nip: nil, regon: "123456785", street: "S", houseNumber: "1",
                                postalCode: "15-371", locality: "Białystok", officeID: "pup-2002"),
            tokenHash: "a", tokenExpires: now, consent: ConsentGiven(.accountServices, channel: .web), mail: OutboxMessage(recipient: "v@example.org", subject: "", textBody: "", htmlBody: "", language: "pl", kind: "k"))
        try await EmployerStore(db: app.db).verify(company: verified, byOffice: "pup-2002")
        let other = try await EmployerStore(db: app.db).registerEmployer(
            email: "u@example.org", passwordHash: "x", language: "pl", contactPerson: "U",
            company: NewCompany(name: "Nowa firma", nip: nil, regon: "012345678", street: "S", houseNumber: "1",
                                postalCode: "15-371", locality: "Białystok", officeID: "pup-2002"),
            tokenHash: "b", tokenExpires: now, consent: ConsentGiven(.accountServices, channel: .web), mail: OutboxMessage(recipient: "u@example.org", subject: "", textBody: "", htmlBody: "", language: "pl", kind: "k"))
        var ids: [String: UUID] = [:]
        for (i, row) in rows.enumerated() {
            let draft = OfferDraft(title: row.title, occupationCode: row.occupation, duties: row.duties,
                                   postalCode: row.abroad == nil ? row.postal : nil, locality: "X", country: row.abroad, contract: row.contract,
                                   workingTime: row.fte, shifts: .single, wageMin: row.wage.0, wageMax: row.wage.1, wageType: .monthly,
                                   positions: 1, positionsForDisabled: 0, education: .none, languages: [], experienceMonths: 0, licences: "",
                                   startDate: nil, validUntil: now.addingTimeInterval(30 * 86_400), howToApply: "CV", employerVisible: true)
            let entry = row.abroad == nil ? try await FluentDirectoryStore(db: app.db).postalCode(row.postal) : nil
            let powiat = try await entry.asyncMap { try await FluentDirectoryStore(db: app.db).powiat(code: $0.powiatCode) } ?? nil
            let place = OfferPlace(officeID: "pup-2002", powiatCode: entry?.powiatCode, voivodeshipCode: powiat?.voivodeshipCode,
                                   latitude: entry?.latitude, longitude: entry?.longitude)
            let tokens = SearchTokens(title: analyzer.indexTokens(row.title), body: analyzer.indexTokens(row.duties))
            ids[row.key] = try await OfferStore(db: app.db).create(draft, company: row.verified ? verified : other, by: UUID(), place: place,
                                                                   status: .published, tokens: tokens,
                                                                   now: now.addingTimeInterval(Double(i) * 60))
        }
        return ids
    }

    func keys(_ app: Application, _ ids: [String: UUID], _ build: (inout OfferCriteria) throws -> Void) async throws -> [String] {
        var c = OfferCriteria()
        try build(&c)
        let found = try await OfferStore(db: app.db).search(c, now: Self.now.addingTimeInterval(3600)).offers.map(\.id)
        return found.compactMap { id in ids.first { $0.value == id }?.key }
    }

    @Test func bothDatabasesFindTheSameOffers() async throws {
        try await withTestApp { app in
            let ids = try await Self.load(app)
            let a = Self.analyzer
            #expect(Set(try await keys(app, ids) { $0.query = try a.query("kierowca") }) == ["driverCE", "driverBus"])
            #expect(try await keys(app, ids) { $0.query = try a.query("magazyn Łódź") } == ["warehouse"])
            #expect(Set(try await keys(app, ids) { $0.query = try a.query("lodz") }) == ["warehouse", "cook"])
            #expect(try await keys(app, ids) { $0.query = try a.query("ksiegowa") } == ["accountant"])
            #expect(try await keys(app, ids) { $0.query = try a.query("spaw", prefix: true) } == ["welderDE"])
            #expect(try await keys(app, ids) { $0.query = try a.query("kierowca"); $0.verifiedOnly = true } == ["driverCE"])
            #expect(try await keys(app, ids) { $0.abroad = true } == ["welderDE"])
            #expect(try await keys(app, ids) { $0.minimumWage = 7000; $0.sort = .wage } == ["welderDE", "driverCE"])
            #expect(try await keys(app, ids) { $0.fullTime = false } == ["accountant"])
            #expect(try await keys(app, ids) { $0.contract = .mandate } == ["cook"])
            #expect(try await keys(app, ids) { $0.occupation = "8331" } == ["driverBus"])
            #expect(Set(try await keys(app, ids) { $0.voivodeship = "20" }) == ["driverCE", "driverBus"])
            #expect(Set(try await keys(app, ids) { $0.near = (51.7592, 19.4560, 20) }) == ["warehouse", "cook"], "Łódź within 20 km")
            #expect(try await keys(app, ids) { $0.sort = .date; $0.perPage = 2 } == ["cook", "welderDE"], "newest first")
            let page2 = try await OfferStore(db: app.db).search({ var c = OfferCriteria(); c.sort = .date; c.perPage = 2; c.page = 2; return c }(),
                                                                now: Self.now.addingTimeInterval(3600))
            #expect(page2.total == 6 && page2.offers.count == 2)

            // Leaving the search by themselves: an expired offer and a closed one.
            try await OfferStore(db: app.db).close(ids["driverBus"]!)
            #expect(try await keys(app, ids) { $0.query = try a.query("kierowca") } == ["driverCE"])
            let later = try await OfferStore(db: app.db).search(OfferCriteria(), now: Self.now.addingTimeInterval(31 * 86_400))
            #expect(later.total == 0)
        }
    }

    @Test func relevanceIsTitleMatchesFirstThenNewestOnBothDatabases() async throws {
        try await withTestApp { app in
            var ids = try await Self.load(app)
            let company = try #require(try await OfferStore(db: app.db).find(ids["driverCE"]!)).companyID
            let draft = OfferDraft(title: "Spedytor", occupationCode: "333106", duties: "Współpraca z kierowcami, planowanie tras przewozów.",
                                   postalCode: "15-371", locality: "X", country: nil, contract: .employment, workingTime: 1, shifts: .single,
                                   wageMin: nil, wageMax: nil, wageType: .monthly, positions: 1, positionsForDisabled: 0, education: .none,
                                   languages: [], experienceMonths: 0, licences: "", startDate: nil,
                                   validUntil: Self.now.addingTimeInterval(30 * 86_400), howToApply: "CV", employerVisible: true)
            ids["dispatcher"] = try await OfferStore(db: app.db).create(
                draft, company: company, by: UUID(), place: OfferPlace(officeID: "pup-2002", powiatCode: nil, voivodeshipCode: "20", latitude: nil, longitude: nil),
                status: .published, tokens: SearchTokens(title: Self.analyzer.indexTokens(draft.title), body: Self.analyzer.indexTokens(draft.duties)),
                now: Self.now.addingTimeInterval(3_000))
            // Both drivers have the word in the title (the bus driver's offer is newer); the
            // dispatcher, newest of all, only in the text.
            #expect(try await keys(app, ids) { $0.query = try Self.analyzer.query("kierowca") } == ["driverBus", "driverCE", "dispatcher"])
            #expect(try await keys(app, ids) { $0.query = try Self.analyzer.query("kierowca"); $0.sort = .date } == ["dispatcher", "driverBus", "driverCE"])
        }
    }
}

/// The same search again within half a minute is answered from the results kept; a change to
/// offers made here starts every search afresh; an offer closed meanwhile is never shown.
@Suite(.serialized) struct OfferSearchCacheTests {
    @Test func aRepeatedSearchIsKeptUntilOffersChangeAndNeverShowsAClosedOffer() async throws {
        try await withTestApp { app in
            let ids = try await OfferSearchTests.load(app)
            var c = OfferCriteria()
            c.sort = .date
            let store = OfferStore(db: app.db), now = OfferSearchTests.now.addingTimeInterval(3600)
            func setCook(_ status: OfferStatus) async throws {
                // As another server would: straight into the tables, unseen by this process.
                try await (app.db as! any SQLDatabase).update(SearchIndex.offers.table).set("status", to: SQLBind(status.rawValue))
                    .where("doc_id", .equal, SQLBind(ids["cook"]!)).run()
            }
            // Suites running alongside write offers too, and a write anywhere in the process
            // starts every search afresh: a round counts only when none happened during it.
            var round: (cache: SearchResultCache, first: Int, stored: Bool, kept: Int)? = nil
            for _ in 0..<50 where round == nil {
                let generation = SearchResultCache.currentGeneration
                let cache = SearchResultCache(lifetime: .seconds(30))
                let first = try await store.search(c, now: now, cache: cache)
                let stored = cache.get(c.resultKey) != nil
                try await setCook(.closed)
                let kept = try await store.search(c, now: now, cache: cache)
                if SearchResultCache.currentGeneration == generation { round = (cache, first.total, stored, kept.total) } else { try await setCook(.published) }
            }
            let (cache, firstTotal, stored, keptTotal) = try #require(round)
            #expect(firstTotal == OfferSearchTests.rows.count && stored)
            #expect(keptTotal == firstTotal, "the count is the one kept")
            // A change made here: searched again at once.
            try await store.close(ids["warehouse"]!)
            let fresh = try await store.search(c, now: now, cache: cache)
            #expect(fresh.total == firstTotal - 2 && !fresh.offers.contains { $0.id == ids["warehouse"] || $0.id == ids["cook"] })
            // Kept results never show an offer that has closed since: the offers are read fresh.
            let again = try await store.search(c, now: now, cache: cache)
            #expect(again.offers.map(\.id) == fresh.offers.map(\.id))
        }
    }
}
