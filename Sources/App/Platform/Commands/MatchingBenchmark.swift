import Vapor
import Fluent
import SQLKit
import Portal
import Storage
import TextSearch
import Foundation

/// `zielona bench matching [--offers 100000] [--seekers 1000000] [--steps 4] [--queries 200]`: a
/// benchmark, not a test. Brings the database to `--offers` live offers, then grows the
/// generated seekers (one to three CVs each) in `--steps` equal steps up to `--seekers`,
/// measuring at each size: reading the candidates into memory, the top 20 candidates for an
/// offer (scan and the database check, as the employer's page does), candidate search, and the
/// top 20 offers for a CV. At the largest size the nightly "offers that fit my CV" alerts run
/// for every seeker, twice (the second must send nothing). Last, the ranking's quality on
/// generated people whose best-fitting offers are known.
struct MatchingBenchmark {
    let context: CommandContext
    let offers: Int
    let seekers: Int
    let steps: Int
    let queries: Int
    let alerts: Bool

    var app: Application { context.application }
    var sql: any SQLDatabase { app.db as! any SQLDatabase }
    func say(_ s: String) { context.console.print(s) }

    func run() async throws {
        try await DatabasePreparation.prepare(app, demo: false)
        say("database: \(DatabaseSetup.kind(of: app.services.config.databaseURL).rawValue)")
        try await ensureOffers()
        var rows: [(size: Int, candidates: Int, load: Double, top: [Double], search: [Double], offersFor: [Double], rss: Int)] = []
        for step in 1...steps {
            let size = seekers * step / steps
            try await ensureSeekers(size)
            let started = ContinuousClock.now
            let index = try await app.matchSnapshots.candidates.warm(app.db)
            let load = BenchCommand.milliseconds(ContinuousClock.now - started) / 1000
            let (top, search, offersFor) = try await measure()
            rows.append((size, index.groups.count, load, top, search, offersFor, Self.residentMB()))
            let r = rows.last!
            say(String(format: "seekers %8d: %8d CVs to match, read in %.1f s, RSS %d MB", size, r.candidates, load, r.rss))
            say("  " + BenchCommand.line("top 20 candidates for an offer", top))
            say("  " + BenchCommand.line("candidate search", search))
            say("  " + BenchCommand.line("top 20 offers for a CV", offersFor))
        }
        if rows.count > 1, let first = rows.first, let last = rows.last {
            say("growth from \(first.size) to \(last.size) seekers (×\(String(format: "%.1f", Double(last.size) / Double(first.size)))):")
            for (label, pick) in [("top 20 candidates p95", { (r: (size: Int, candidates: Int, load: Double, top: [Double], search: [Double], offersFor: [Double], rss: Int)) in r.top }),
                                  ("candidate search p95", { $0.search }), ("top 20 offers p95", { $0.offersFor })] {
                let base = BenchCommand.percentile(pick(first), 0.95)
                say("  \(label): " + rows.map { String(format: "%d: %.2f ms (×%.1f)", $0.size, BenchCommand.percentile(pick($0), 0.95),
                                                         BenchCommand.percentile(pick($0), 0.95) / max(base, 0.001)) }.joined(separator: ", "))
            }
        }
        if alerts { try await nightlyAlerts() }
        quality()
    }

    func ensureOffers() async throws {
        let live = try await OfferStore(db: app.db).search(OfferCriteria(), sqlOnly: true).total
        if live < offers {
            let started = ContinuousClock.now
            _ = try await SyntheticDataSet(app: app, seed: 11).generate(offers: offers - live, seekers: 0)
            say("generated \(offers - live) offers in \(Self.seconds(started))")
        }
        say("live offers: \(max(live, offers))")
    }

    func seeded() async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM accounts WHERE email LIKE 'osoba%@seed.example.org'").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    func ensureSeekers(_ size: Int) async throws {
        let have = try await seeded()
        guard have < size else { return }
        let started = ContinuousClock.now
        _ = try await SyntheticDataSet(app: app, seed: 5).generate(offers: 0, seekers: size - have, seekersFrom: have)
        let isPostgres = DatabaseSetup.kind(of: app.services.config.databaseURL) == .postgres
        try await sql.raw(isPostgres ? "VACUUM ANALYZE" : "ANALYZE").run()
        let cvs = try await sql.raw("SELECT COUNT(*) AS n FROM cvs").first()?.decode(column: "n", as: Int.self) ?? 0
        say("generated \(size - have) seekers (\(cvs) CVs in all) in \(Self.seconds(started))")
    }

    /// `queries` random live offers and CVs; each timed as its page computes it.
    func measure() async throws -> (top: [Double], search: [Double], offersFor: [Double]) {
        var rng = SeededRandom(seed: 3)
        let matching = Matching(app)
        let offerIDs = try await sql.raw("SELECT id FROM offers WHERE status = 'published' ORDER BY id LIMIT 20000").all().map { try $0.decode(column: "id", as: UUID.self) }
        let cvRows = try await sql.raw("SELECT id, account_id FROM cvs ORDER BY id LIMIT 20000").all()
            .map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "account_id", as: UUID.self)) }
        guard !offerIDs.isEmpty, !cvRows.isEmpty else { throw ConsoleCommandError(message: "no offers or CVs to measure") }
        var top: [Double] = [], search: [Double] = [], offersFor: [Double] = [], byKind: [[Double]] = [[], [], [], []], plainWords: [Double] = []
        let store = OfferStore(db: app.db), cvStore = CVStore(db: app.db)
        let occupations = SyntheticSeekers.Pool(try OccupationList.bundled())
        _ = try await app.matchSnapshots.offers.warm(app.db)
        for n in 0..<queries {
            guard let offer = try await store.find(offerIDs[Int(rng.next() % UInt64(offerIDs.count))]) else { continue }
            top.append(try await BenchCommand.time { _ = try await matching.candidates(for: offer) })
            var c = CandidateCriteria()
            switch n % 4 {
            case 0: c.occupation = offer.draft.occupationCode
            case 1: c.occupation = String(offer.draft.occupationCode.prefix(4)); c.voivodeship = offer.voivodeshipCode
            case 2: c.query = try? app.services.analyzer.query(occupations.name(offer.draft.occupationCode) ?? "magazynier")
            default: c.voivodeship = offer.voivodeshipCode; c.minimumExperienceMonths = 12; c.language = "en"
            }
            let t = try await BenchCommand.time { _ = try await cvStore.searchCandidates(c) }
            search.append(t); byKind[n % 4].append(t)
            if c.query != nil { plainWords.append(try await BenchCommand.time { _ = try await cvStore.searchCandidates(c, newestRows: nil) }) }
            let (cvID, account) = cvRows[Int(rng.next() % UInt64(cvRows.count))]
            guard let cv = try await cvStore.find(cvID, account: account) else { continue }
            offersFor.append(try await BenchCommand.time { _ = try await matching.offers(for: [cv]) })
        }
        for (label, times) in zip(["an occupation", "a group in a voivodeship", "words", "a voivodeship, experience and a language"], byKind) {
            say(String(format: "    candidate search by %@: p50 %.2f ms, p95 %.2f ms", label, BenchCommand.percentile(times, 0.5), BenchCommand.percentile(times, 0.95)))
        }
        // The same word searches through the index alone (the way before the newest rows were
        // walked first; on SQLite the same way), measured alongside for the ratio.
        say(String(format: "    the same words through the index alone: p50 %.2f ms, p95 %.2f ms",
                   BenchCommand.percentile(plainWords, 0.5), BenchCommand.percentile(plainWords, 0.95)))
        return (top, search, offersFor)
    }

    /// Every generated seeker gets a daily "offers that fit my CV" alert last run a day ago;
    /// the alerts then run as at 7:00, and once more.
    func nightlyAlerts() async throws {
        let now = Date(), dayAgo = now.addingTimeInterval(-86_400)
        try await sql.raw("DELETE FROM saved_searches WHERE kind = 'matches'").run()
        let started = ContinuousClock.now
        try await sql.raw("""
            INSERT INTO saved_searches (id, account_id, kind, query, label, frequency, active, created_at, last_run_at, next_run_at) \
            SELECT \(unsafeRaw: DatabaseSetup.kind(of: app.services.config.databaseURL) == .postgres ? "gen_random_uuid()" : "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"), \
            id, 'matches', '', 'Oferty pasujące do mojego CV', 'daily', \(bind: true), \(bind: dayAgo), \(bind: dayAgo), \(bind: dayAgo) \
            FROM accounts WHERE email LIKE 'osoba%@seed.example.org'
            """).run()
        let subscribed = try await sql.raw("SELECT COUNT(*) AS n FROM saved_searches WHERE kind = 'matches'").first()?.decode(column: "n", as: Int.self) ?? 0
        say("alerts: \(subscribed) seekers subscribed in \(Self.seconds(started))")
        let fresh = try await sql.raw("SELECT COUNT(*) AS n FROM offers WHERE status = 'published' AND published_at > \(bind: dayAgo)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let mailsBefore = try await outboxCount()
        let run = ContinuousClock.now
        let report = try await AlertRunner(app: app).runDue(now: now)
        let elapsed = BenchCommand.milliseconds(ContinuousClock.now - run) / 1000
        let mails = try await outboxCount() - mailsBefore
        say(String(format: "alerts: %d searches run over %d offers published in the last day in %.1f s (%.0f a second): %d e-mails with %d offers",
                   report.searches, fresh, elapsed, Double(report.searches) / max(elapsed, 0.001), mails, report.items))
        let duplicates = try await sql.raw("""
            SELECT COUNT(*) AS n FROM (SELECT search_id, item_id FROM alert_deliveries GROUP BY search_id, item_id HAVING COUNT(*) > 1) d
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        // Due again at once (ten thousand of them, to keep the benchmark short): nothing new.
        try await sql.raw("""
            UPDATE saved_searches SET next_run_at = \(bind: now) WHERE id IN (SELECT id FROM saved_searches WHERE kind = 'matches' ORDER BY id LIMIT 10000)
            """).run()
        let again = try await AlertRunner(app: app).runDue(now: now.addingTimeInterval(1))
        say("alerts run again at once: \(again.searches) searches, \(again.mails) e-mails, \(again.items) offers; pairs sent twice: \(duplicates)")
    }

    func outboxCount() async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM outbox").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Precision@10 and recall@50 of the model's weights and of two simpler ones, side by side.
    func quality() {
        guard let occupations = try? OccupationList.bundled() else { return }
        let pool = SyntheticSeekers.Pool(occupations)
        var occupationAndPlace = MatchModel.Weights()
        occupationAndPlace.pay = 0; occupationAndPlace.licences = 0; occupationAndPlace.terms = 0
        occupationAndPlace.languages = 0; occupationAndPlace.education = 0; occupationAndPlace.experience = 0
        var none = occupationAndPlace
        none.occupation = 0; none.place = 0
        say("quality on generated people whose best-fitting offers are known (20 000 offers, 2 000 seekers):")
        for (label, w) in [("model weights", MatchModel.weights), ("occupation and place only", occupationAndPlace), ("no weights (newest first)", none)] {
            let r = MatchEvaluation.run(offers: 20_000, seekers: 2_000, seed: 1, weights: w, pool: pool)
            say(String(format: "  %@: precision@10 %.3f, recall@50 %.3f (%d seekers, %.1f truly fitting offers each on average)",
                       label, r.precisionAt10, r.recallAt50, r.seekers, r.meanRelevant))
        }
    }

    static func seconds(_ since: ContinuousClock.Instant) -> String {
        String(format: "%.1f s", BenchCommand.milliseconds(ContinuousClock.now - since) / 1000)
    }

    /// Resident memory of this process, from /proc (0 where there is none).
    static func residentMB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }
}
