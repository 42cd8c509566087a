import Vapor
import Views
import Fluent
import Portal
import Storage
import ContactCenter

/// `zielona bench search [--queries 1000] [--url http://127.0.0.1:8080] [--seed S]`: a benchmark,
/// not a test. Runs the same varied offer searches straight against the database (the SQL only,
/// then the repository with its records) and, with --url, through HTTP against a running server,
/// and prints p50/p95/p99 of each.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "search | routing | voice | reports | privacy | matching | consultants")
        var what: String
        @Option(name: "queries", help: "How many searches (default 1000).")
        var queries: Int?
        @Option(name: "url", help: "A running server to measure through HTTP too.")
        var url: String?
        @Option(name: "seed", help: "Seed of the query generator (default 1).")
        var seed: UInt64?
        @Option(name: "slowest", help: "Also list the N slowest queries of the engine run.")
        var slowest: Int?
        @Option(name: "calls", help: "voice: callers at once (default 200).")
        var calls: Int?
        @Option(name: "days", help: "reports: days of national history to seed once (default 365).")
        var days: Int?
        @Option(name: "contacts-per-day", help: "reports: contacts on an ordinary weekday at the start (default 7000, about 2.5 million a year).")
        var contactsPerDay: Double?
        @Option(name: "contacts", help: "privacy: contacts of the person whose copy is built (default 1000).")
        var contacts: Int?
        @Option(name: "interactions", help: "privacy: old contacts retention anonymises (default 100000).")
        var interactions: Int?
        @Option(name: "offers", help: "matching: live offers to have (default 100000).")
        var offers: Int?
        @Option(name: "seekers", help: "matching: generated seekers at the largest step (default 1000000).")
        var seekers: Int?
        @Option(name: "steps", help: "matching: sizes measured from seekers/steps up to seekers (default 4).")
        var steps: Int?
        @Option(name: "count", help: "consultants: how many to create (default 2000).")
        var count: Int?
        @Flag(name: "no-alerts", help: "matching: skip the nightly alerts run.")
        var noAlerts: Bool
        @Option(name: "think", help: "voice: the longest pause of a caller between requests, in milliseconds (default 0: at once).")
        var thinkMilliseconds: Int?
    }

    var help: String {
        "Benchmark: bench search [--queries N] [--url URL] — latency percentiles of offer searches; bench routing — routing-decision latency; "
            + "bench voice --url URL [--calls 200] [--think 0] — webhook latency of simultaneous calls (VOICE_AUTH_TOKEN as the server's); "
            + "bench reports [--days 365] [--contacts-per-day 7000] [--queries 20] [--url URL] — seeds a national year once, then report latency percentiles; "
            + "bench privacy [--contacts 1000] [--interactions 100000] — a person's copy, and retention over old contacts with the routing read's latency meanwhile; "
            + "bench consultants [--count 2000] — consultants over every office for scripts/bench-peak.py (a benchmark's own database only); "
            + "bench matching [--offers 100000] [--seekers 1000000] [--steps 4] [--queries 200] [--no-alerts] — matching and candidate search as seekers grow, the nightly alerts, the ranking's quality."
    }

    static let words = ["kierowca", "kierowcy", "kierowców", "magazyn", "magazynie", "magazynier", "spawacz", "spawaczy", "księgowa",
                        "ksiegowa", "kucharz", "kucharza", "sprzedawca", "pielęgniarka", "murarz", "elektryk", "programista",
                        "sprzątanie", "wózek widłowy", "transport międzynarodowy", "budowa", "restauracja", "Łódź", "lodz", "Kraków",
                        "Gdańsk", "Białystok", "Warszawa", "kier", "maga", "spaw", "prog"]
    static let postalCodes = ["00-001", "15-371", "31-001", "80-001", "90-001", "60-001", "50-001", "20-001", "35-001", "10-001"]

    /// The i-th query string of the mix: text alone, text with place, filters without text, sorting and paging.
    static func query(_ rng: inout SeededRandom) -> String {
        var items: [String] = []
        let kind = rng.next() % 10
        if kind < 7 {
            let word = words[Int(rng.next() % UInt64(words.count))]
            items.append("q=" + (word.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? word))
        }
        if rng.next() % 3 == 0 { items.append("voivodeship=" + String(format: "%02d", 2 * (1 + Int(rng.next() % 16)))) }
        if rng.next() % 5 == 0 { items.append("postal_code=" + postalCodes[Int(rng.next() % UInt64(postalCodes.count))] + "&radius_km=" + ["10", "25", "50"][Int(rng.next() % 3)]) }
        if rng.next() % 6 == 0 { items.append("contract=" + ["employment", "mandate", "temporary_work"][Int(rng.next() % 3)]) }
        if rng.next() % 6 == 0 { items.append("min_wage=" + ["5000", "7000", "9000"][Int(rng.next() % 3)]) }
        if rng.next() % 8 == 0 { items.append("verified=1") }
        if rng.next() % 5 == 0 { items.append("sort=" + ["date", "wage"][Int(rng.next() % 2)]) }
        if rng.next() % 5 == 0 { items.append("page=" + String(2 + rng.next() % 4)) }
        return items.joined(separator: "&")
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        if signature.what == "routing" { return routing(context, signature) }
        if signature.what == "voice" { return try await voice(context, signature) }
        if signature.what == "privacy" {
            let contacts = signature.contacts ?? 1_000, interactions = signature.interactions ?? 100_000
            guard (1...100_000).contains(contacts), (1...5_000_000).contains(interactions) else {
                throw ConsoleCommandError(message: "--contacts 1–100000, --interactions 1–5000000")
            }
            return try await PrivacyBenchmark(context: context, contacts: contacts, interactions: interactions).run()
        }
        if signature.what == "matching" {
            let offers = signature.offers ?? 100_000, seekers = signature.seekers ?? 1_000_000, steps = signature.steps ?? 4, queries = signature.queries ?? 200
            guard (1...5_000_000).contains(offers), (1...5_000_000).contains(seekers), (1...20).contains(steps), (1...10_000).contains(queries) else {
                throw ConsoleCommandError(message: "--offers and --seekers 1–5000000, --steps 1–20, --queries 1–10000")
            }
            return try await MatchingBenchmark(context: context, offers: offers, seekers: seekers, steps: steps, queries: queries, alerts: !signature.noAlerts).run()
        }
        if signature.what == "consultants" {
            let count = signature.count ?? 2_000
            guard (1...20_000).contains(count) else { throw ConsoleCommandError(message: "--count 1–20000") }
            try await DatabasePreparation.prepare(context.application, demo: false)
            let created = try await PeakConsultants.create(context.application, count: count)
            context.console.print("\(created) consultants created (\(count) in all): \(PeakConsultants.email(0)) … \(PeakConsultants.email(count - 1)), password \(PeakConsultants.password)")
            return
        }
        if signature.what == "reports" {
            let days = signature.days ?? 365, perDay = signature.contactsPerDay ?? 7_000, queries = signature.queries ?? 20
            guard (1...800).contains(days), perDay > 0, perDay <= 200_000, (1...10_000).contains(queries) else {
                throw ConsoleCommandError(message: "--days 1–800, --contacts-per-day up to 200000, --queries 1–10000")
            }
            return try await ReportsBenchmark(context: context, days: days, contactsPerDay: perDay, queries: queries).run(url: signature.url)
        }
        guard signature.what == "search" else { throw ConsoleCommandError(message: "unknown benchmark \(signature.what); use search or routing") }
        let app = context.application
        try await DatabasePreparation.prepare(app, demo: false)
        let count = signature.queries ?? 1000
        var rng = SeededRandom(seed: signature.seed ?? 1)
        let queries = (0..<count).map { _ in Self.query(&rng) }
        let total = try await OfferStore(db: app.db).search(OfferCriteria(), sqlOnly: true).total
        context.console.print("database: \(DatabaseSetup.kind(of: app.services.config.databaseURL).rawValue), live offers: \(total), queries: \(count), stemmer: \(app.services.analyzer.stemmer.name)")

        var criteria: [OfferCriteria] = []
        for q in queries {
            let request = Request(application: app, method: .GET, url: URI(string: SiteRoute.apiOffers.with(rawQuery: q)), on: app.eventLoopGroup.next())
            let (c, errors) = try await request.query.decode(OfferSearchRequest.self).criteria(request)
            guard errors.isEmpty else { throw ConsoleCommandError(message: "bad benchmark query \(q): \(errors)") }
            criteria.append(c)
        }
        let store = OfferStore(db: app.db)
        for c in criteria.prefix(50) { _ = try await store.search(c) } // warm caches
        var sqlTimes: [Double] = [], repoTimes: [Double] = []
        for c in criteria {
            sqlTimes.append(try await Self.time { _ = try await store.search(c, sqlOnly: true) })
            repoTimes.append(try await Self.time { _ = try await store.search(c) })
        }
        context.console.print(Self.line("engine (SQL only)", sqlTimes))
        context.console.print(Self.line("repository (SQL + records)", repoTimes))
        for (q, t) in zip(queries, sqlTimes).sorted(by: { $0.1 > $1.1 }).prefix(signature.slowest ?? 0) {
            context.console.print(String(format: "  %8.2f ms  %@", t, q))
        }
        guard let base = signature.url else { return }
        var httpTimes: [Double] = []
        for q in queries.prefix(50) { _ = try await app.client.get(URI(string: base + SiteRoute.apiOffers.path + "?" + q)) }
        for q in queries {
            var status: HTTPStatus = .ok
            httpTimes.append(try await Self.time { status = try await app.client.get(URI(string: base + SiteRoute.apiOffers.path + "?" + q)).status })
            guard status == .ok else { throw ConsoleCommandError(message: "HTTP \(status.code) for \(q)") }
        }
        context.console.print(Self.line("HTTP GET /api/v1/offers", httpTimes))
        let ratio = Self.percentile(httpTimes, 0.95) / Self.percentile(sqlTimes, 0.95)
        context.console.print(String(format: "HTTP p95 / engine p95: %.2f×", ratio))
    }

    /// Routing decisions with 2 000 agents, 400 queues and 10 000 waiting interactions: an
    /// interaction arriving (the best agent for it, with its place in line and its office's
    /// handle time for the predictive overflow) and an agent becoming free (the best
    /// interaction for them), each timed on its own; then one whole routing pass.
    func routing(_ context: CommandContext, _ signature: Signature) {
        let load = RoutingLoad(seed: signature.seed ?? 1)
        let router = Router()
        context.console.print("agents: \(load.agents.count), queues: \(load.heads.count), waiting: \(load.waiting.count)")
        var arrival: [Double] = [], freed: [Double] = []
        var placed = 0
        for i in load.waiting {
            let start = ContinuousClock.now
            if router.bestAgent(for: i, position: load.positions[i.id] ?? 1, agents: load.agents, index: load.index, now: load.now) != nil { placed += 1 }
            arrival.append(Self.milliseconds(ContinuousClock.now - start))
        }
        for var agent in load.agents {
            agent.state = .available; agent.load = [:]
            let start = ContinuousClock.now
            _ = router.bestInteraction(for: agent, waiting: load.candidates(for: agent), index: load.index, now: load.now)
            freed.append(Self.milliseconds(ContinuousClock.now - start))
        }
        context.console.print(Self.line("decision on arrival (best agent)", arrival) + "  (\(placed) placed)")
        context.console.print(Self.line("decision on a free agent (best interaction)", freed))
        for (name, pass) in [("predictive", router), ("time only", Router(policy: RoutingPolicy(predictive: false)))] {
            let start = ContinuousClock.now
            let decisions = pass.route(waiting: load.waiting, agents: load.agents, handleTimes: load.index.handleTimes, now: load.now)
            context.console.print(String(format: "one routing pass over all waiting (%@): %.2f ms (%d offers)", name, Self.milliseconds(ContinuousClock.now - start),
                                         decisions.count))
        }
    }

    /// Simultaneous calls through the voice webhooks of a running server; percentiles per webhook and overall.
    func voice(_ context: CommandContext, _ signature: Signature) async throws {
        guard let base = signature.url else { throw ConsoleCommandError(message: "bench voice needs --url of a running server (its PUBLIC_URL)") }
        let calls = signature.calls ?? 200
        guard (1...5_000).contains(calls) else { throw ConsoleCommandError(message: "--calls must be from 1 to 5000") }
        let app = context.application
        // Every caller keeps its own connection, as a carrier's webhooks arrive on many.
        app.http.client.configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = calls
        let token = Environment.get("VOICE_AUTH_TOKEN").flatMap { $0.isEmpty ? nil : $0 } ?? VoiceConfiguration.developmentToken
        var bench = VoiceBenchmark(client: app.client, server: base, token: token)
        bench.thinkMilliseconds = 0...(signature.thinkMilliseconds ?? 0)
        _ = try await VoiceBenchmark(client: app.client, server: base, token: token).run(calls: min(calls, 20)) // warm up
        let start = ContinuousClock.now
        let times = try await bench.run(calls: calls)
        let elapsed = Self.milliseconds(ContinuousClock.now - start) / 1000
        let all = times.values.flatMap { $0 }
        context.console.print(String(format: "%d calls at once, %d webhook requests in %.1f s (%.0f/s), think time up to %d ms", calls, all.count, elapsed,
                                     Double(all.count) / elapsed, signature.thinkMilliseconds ?? 0))
        for name in ["incoming", "step", "wait", "queued", "status"] { if let v = times[name] { context.console.print(Self.line("POST /voice/\(name)", v)) } }
        context.console.print(Self.line("every webhook", all) + String(format: "  max %.3f ms", all.max() ?? 0))
    }

    static func milliseconds(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }

    static func time(_ body: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await body()
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    static func line(_ label: String, _ v: [Double]) -> String {
        String(format: "%@: p50 %.3f ms  p95 %.3f ms  p99 %.3f ms", label, percentile(v, 0.5), percentile(v, 0.95), percentile(v, 0.99))
    }
}
