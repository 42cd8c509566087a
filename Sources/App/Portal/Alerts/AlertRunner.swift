import Vapor
import Views
import Fluent
import Localization
import Portal
import Storage
import Identity
import Content

/// Runs the saved searches whose time has come: each finds what is new since its last run,
/// leaves out what it already sent, and puts one e-mail in the outbox — in the same
/// transaction that records the items as sent, so a match goes out exactly once even when
/// the server stops half-way or two servers run at once.
struct AlertRunner: Sendable {
    let app: Application

    struct Match { let id: UUID; let title: String; let detail: String; let path: String }

    struct Report: Equatable { var searches = 0; var mails = 0; var texts = 0; var items = 0 }

    /// What one search's run came to.
    enum Outcome: Sendable { case quiet, sent(mail: Bool, text: Bool, items: Int), takenByAnotherRun }

    /// Every search due, a batch at a time, until none is left (a million seekers' match
    /// alerts are due at the same 7:00); a search met twice in one run (its record failed)
    /// ends the run rather than loop.
    @discardableResult
    func runDue(now: Date = Date()) async throws -> Report {
        var report = Report(), seen = Set<UUID>()
        let store = SavedSearchStore(db: app.db)
        while true {
            let batch = try await store.due(now: now, limit: 500)
            guard !batch.isEmpty, seen.isDisjoint(with: batch.map(\.id)) else { return report }
            seen.formUnion(batch.map(\.id))
            try await run(batch, now: now, report: &report)
        }
    }

    /// How many searches of a batch run at once. A search's time goes mostly to waiting for
    /// PostgreSQL's answers (a dozen round trips, a commit), so several overlap there; SQLite
    /// answers in the process and writes one at a time, so its searches run one by one.
    var width: Int { DatabaseSetup.kind(of: app.services.config.databaseURL) == .postgres ? 8 : 1 }

    /// A batch: its seekers read at once, its searches `width` at a time, and those that found
    /// nothing new (most, on a given morning) recorded together.
    func run(_ batch: [SavedSearch], now: Date, report: inout Report) async throws {
        let accounts = try await AccountStore(db: app.db).find(ids: Array(Set(batch.map(\.accountID))))
        var outcomes: [(SavedSearch, Outcome)] = []
        try await withThrowingTaskGroup(of: (SavedSearch, Outcome).self) { group in
            var waiting = batch.makeIterator()
            for _ in 0..<width {
                guard let s = waiting.next() else { break }
                group.addTask { (s, try await runAndRecord(s, account: accounts[s.accountID], now: now)) }
            }
            while let done = try await group.next() {
                outcomes.append(done)
                if let s = waiting.next() { group.addTask { (s, try await runAndRecord(s, account: accounts[s.accountID], now: now)) } }
            }
        }
        try await SavedSearchStore(db: app.db).recordQuietRuns(outcomes.compactMap { if case .quiet = $0.1 { $0.0 } else { nil } }, now: now)
        for (_, outcome) in outcomes {
            report.searches += 1
            if case .sent(let mail, let text, let items) = outcome {
                if mail { report.mails += 1 }
                if text { report.texts += 1 }
                report.items += items
            }
        }
    }

    /// One search: its new matches and their e-mail or SMS recorded in one transaction; a run
    /// with nothing new is left for the batch to record.
    func runAndRecord(_ search: SavedSearch, account: Account?, now: Date) async throws -> Outcome {
        do {
            let (matches, mail, sms) = try await run(search, account: account, now: now)
            // New matches always come with their e-mail or SMS (`run` gives none without one).
            guard !matches.isEmpty else { return .quiet }
            try await SavedSearchStore(db: app.db).recordRun(search, sent: matches.map(\.id), mail: mail, sms: sms, now: now)
            if let account { try await pushAlert(search, matches, account: account, now: now) }
            return .sent(mail: mail != nil, text: sms != nil, items: matches.count)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another server ran this search at the same moment and recorded the same
            // matches first: nothing more to send.
            app.logger.notice("alert already sent by another run", metadata: ["search": "\(search.id)"])
            return .takenByAnotherRun
        }
    }

    /// New offers also go to the seeker's devices that take them (after the record: the
    /// e-mail or SMS is the alert; the push a nudge toward it).
    func pushAlert(_ s: SavedSearch, _ matches: [Match], account: Account, now: Date) async throws {
        guard s.kind == .offers || s.kind == .matches, let first = matches.first,
              try await PushSubscriptionStore(db: app.db).kinds(account: s.accountID).contains(.offers) else { return }
        let t = Catalogues.bundled[Language(rawValue: account.language) ?? .pl]
        let url = AlertMail.searchPath(s.kind) + (s.kind == .offers && !s.query.isEmpty ? "?" + s.query : "")
        try await PushOutbox(db: app.db).enqueue(PendingPush(
            accountID: s.accountID, kind: .offers, title: t.text("push.offers.title", ["count": "\(matches.count)", "label": s.label]),
            body: matches.count == 1 ? first.title : t.text("push.offers.body", ["title": first.title, "more": "\(matches.count - 1)"]),
            url: url, tag: "alert-" + s.id.uuidString.lowercased(), sendAt: now), now: now)
    }

    /// The new matches of one search and its e-mail — or, for a job seeker who asked for
    /// offer alerts by SMS on their profile's phone, a short SMS with the count and the link
    /// (nil both when there is nothing new).
    func run(_ s: SavedSearch, now: Date) async throws -> ([Match], OutboxMessage?, SMSMessage?) {
        try await run(s, account: try await AccountStore(db: app.db).find(id: s.accountID), now: now)
    }

    func run(_ s: SavedSearch, account: Account?, now: Date) async throws -> ([Match], OutboxMessage?, SMSMessage?) {
        guard let account else { return ([], nil, nil) }
        let language = Language(rawValue: account.language) ?? .pl
        // Overlap a day with the previous run (an offer published while it ran), never
        // reaching back before the search was saved; what was sent is left out below.
        let since = max(s.createdAt, (s.lastRunAt ?? s.createdAt).addingTimeInterval(-86_400))
        let req = Request(application: app, method: .GET, url: URI(string: SiteRoute.alerts.with(rawQuery: s.query + "&lang=" + language.rawValue)),
                          on: app.eventLoopGroup.next())
        let found = try await matches(s, since: since, now: now, req: req)
        let sent = try await SavedSearchStore(db: app.db).alreadySent(s.id, items: found.map(\.id))
        let fresh = found.filter { !sent.contains($0.id) }
        guard !fresh.isEmpty else { return ([], nil, nil) }
        if s.kind == .offers, let raw = try await AccountStore(db: app.db).profile(account.id)?.phone, let phone = try? PhoneNumber(raw),
           try await SMSStore(db: app.db).preferences(phone.value).offerAlerts, try await !SMSStore(db: app.db).isOptedOut(phone.value) {
            let link = app.services.config.publicURL + AlertMail.searchPath(s.kind) + (s.query.isEmpty ? "" : "?" + s.query)
            let text = Catalogues.bundled[language].text("sms.offer_alert", ["count": "\(fresh.count)", "label": String(s.label.prefix(40)), "link": link])
            return (fresh, nil, SMSMessage(phone: phone.value, body: text, kind: "offer_alert", sendAt: now))
        }
        let mail = AlertMail(publicURL: app.services.config.publicURL, key: app.services.secrets.alertKey)
            .compose(to: account.email, search: s, matches: fresh, language: language)
        return (fresh, mail, nil)
    }

    func matches(_ s: SavedSearch, since: Date, now: Date, req: Request) async throws -> [Match] {
        let limit = 100
        switch s.kind {
        case .offers:
            var (c, errors) = try await req.query.decode(OfferSearchRequest.self).criteria(req)
            guard errors.isEmpty else { return [] }
            c.postedSince = max(c.postedSince ?? since, since); c.sort = .date; c.page = 1; c.perPage = limit
            return try await OfferStore(db: app.db).search(c, now: now).offers.map {
                Match(id: $0.id, title: $0.draft.title, detail: [$0.draft.employerVisible ? $0.companyName : nil, $0.draft.locality]
                        .compactMap { $0 }.joined(separator: ", "), path: SiteRoute.offer($0.id.uuidString.lowercased()).path)
            }
        case .trainings, .jobFairs:
            let kind: EventKind = s.kind == .trainings ? .training : .jobFair
            var (c, errors) = try await req.query.decode(EventController.Query.self).criteria(kind, req)
            guard errors.isEmpty else { return [] }
            c.updatedSince = since; c.page = 1; c.perPage = limit
            return try await EventStore(db: app.db).search(c, now: now).events.map {
                Match(id: $0.id, title: $0.draft.title, detail: $0.draft.organiser + ", " + DateText.dateTime($0.draft.startsAt, req.language),
                      path: SiteRoute.event(kind, $0.id.uuidString.lowercased()).path)
            }
        case .matches:
            // New offers that fit the seeker's CVs (read whole: they are the seeker's own),
            // unless they objected to matching or alerts or had processing restricted.
            guard case .found(let found) = try await Matching(app).offers(forSeeker: s.accountID, k: limit, since: since, now: now) else { return [] }
            let text = MatchText(t: req.catalogue, language: req.language)
            return found.map { m in
                Match(id: m.offer.id, title: m.offer.draft.title,
                      detail: ([m.offer.draft.employerVisible ? m.offer.companyName : nil, m.offer.draft.locality].compactMap { $0 }
                               + [req.catalogue.text("matches.score", ["score": "\(m.match.score)"]) + ": " + text.line(m.match)]).joined(separator: ", "),
                      path: SiteRoute.offer(m.offer.id.uuidString.lowercased()).path)
            }
        case .news:
            let register = try await app.services.directoryCache.register(app.db)
            guard case .success(let filter) = try await NewsController.filter(try req.query.decode(NewsController.Query.self), req, register: register),
                  filter != .everything, let account = try await AccountStore(db: app.db).find(id: s.accountID) else { return [] }
            let viewer: ContentViewer = account.kind == .employer ? .employer : .seeker
            return try await NewsStore(db: app.db).live(filter, audiences: ContentAudience.visible(to: viewer), language: req.language.rawValue,
                                                       now: now, since: since, perPage: limit).items.map {
                Match(id: $0.groupID, title: $0.draft.title, detail: $0.draft.lead, path: SiteRoute.newsItem($0.groupID.uuidString.lowercased()).path)
            }
        case .candidates:
            // Only while the account belongs to a verified employer.
            guard let companyID = try await EmployerStore(db: app.db).companyID(ofAccount: s.accountID),
                  try await EmployerStore(db: app.db).find(company: companyID)?.verified == true else { return [] }
            var (c, errors) = try await req.query.decode(CandidateRequest.self).criteria(req)
            guard errors.isEmpty else { return [] }
            c.updatedSince = since; c.page = 1; c.perPage = limit
            let t = req.catalogue
            return try await CVStore(db: app.db).searchCandidates(c).candidates.map {
                Match(id: $0.id, title: $0.cv.desiredJob ?? t.text("candidates.no_desired_job"),
                      detail: [$0.cv.experienceMonths.map { CVViews.experience($0, t) }, $0.cv.languages.map { CVViews.languages($0, req.language) }]
                        .compactMap { $0 }.joined(separator: ", "),
                      path: SiteRoute.employerCandidate($0.id.uuidString.lowercased()).path)
            }
        }
    }
}

extension AlertRunner {
    /// Runs the alerts every minute while `serve` runs (each search only when it is due).
    static var job: RepeatingJob {
        RepeatingJob("alerts", every: .seconds(60)) { app in
            { try await AlertRunner(app: app).runDue() }
        }
    }
}
