import Vapor
import Crypto
import Views
import Content
import Storage

/// Polls and surveys for readers: the list, one poll with its form or results, and the vote —
/// once per account, or once per browser session for polls open to anyone.
struct PollsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.polls.pathComponents, use: list)
        routes.get("polls", ":id", use: show)
        routes.post("polls", ":id", "vote", use: vote)
    }

    static func dates(_ d: PollDraft, _ req: Request) -> String {
        DateText.dateTime(d.opensAt, req.language) + " – " + DateText.dateTime(d.closesAt, req.language)
    }

    static func sectionName(_ section: ContentSection, _ req: Request) async throws -> String {
        switch section {
        case .portal: req.catalogue.text("pages.section.portal")
        case .office(let id): try await req.directory.office(id: id)?.name ?? id
        }
    }

    func list(req: Request) async throws -> Response {
        let now = Date()
        var rows: [PollsPage.Row] = []
        for p in try await PollStore(db: req.db).list(sections: nil, publishedOnly: true) where p.draft.opensAt <= now {
            rows.append(.init(path: SiteRoute.poll(p.id.uuidString.lowercased()).path, question: p.draft.question(req.language.rawValue),
                              section: try await Self.sectionName(p.draft.section, req), dates: Self.dates(p.draft, req), open: p.draft.isOpen(at: now)))
        }
        return .html(PollsPage.render(rows, req.pageContext))
    }

    func poll(_ req: Request) async throws -> Poll {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let p = try await PollStore(db: req.db).find(id), p.published,
              p.draft.opensAt <= Date() else {
            throw NotFoundError(detail: req.catalogue.text("polls.not_found"))
        }
        return p
    }

    /// Who votes: a keyed hash of the account, or of this browser session's anti-forgery cookie
    /// (a session cookie: gone when the browser closes) — empty when neither is there. The
    /// first is written; the others (under the previous data key) find a vote cast before it was replaced.
    static func voter(_ poll: Poll, _ req: Request) async throws -> (keys: [String], signedIn: Bool) {
        func marks(_ s: String) -> [String] {
            req.services.secrets.accepted(\.pollKey).map { key in
                Secrets.base64url(Data(HMAC<SHA256>.authenticationCode(for: Data((poll.id.uuidString + "|" + s).utf8), using: key)))
            }
        }
        if let account = try await req.signedInAccount() { return (marks("account|" + account.id.uuidString), true) }
        if poll.draft.voters == .anyone, let browser = req.cookies[CSRFMiddleware.cookieName]?.string, !browser.isEmpty { return (marks("browser|" + browser), false) }
        return ([], false)
    }

    func page(_ req: Request, _ p: Poll, error: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let t = req.catalogue, now = Date(), lang = req.language.rawValue
        let (voter, signedIn) = try await Self.voter(p, req)
        let voted = voter.isEmpty ? false : try await PollStore(db: req.db).hasVoted(p.id, voters: voter)
        let tally = try await PollStore(db: req.db).tally(p)
        let shows = p.draft.showsResults(hasVoted: voted, now: now)
        var state: String? = nil
        if voted { state = t.text("polls.status.voted") }
        else if p.draft.hasClosed(at: now) { state = t.text("polls.status.closed") }
        else if p.draft.voters == .signedIn && !signedIn { state = t.text("polls.error.sign_in") }
        let model = PollPage.Model(
            id: p.id.uuidString.lowercased(), question: p.draft.question(lang), section: try await Self.sectionName(p.draft.section, req),
            dates: Self.dates(p.draft, req), options: p.draft.options.indices.map { p.draft.option($0, lang) }, multiple: p.draft.multiple,
            canVote: state == nil && p.draft.isOpen(at: now), status: state,
            results: shows ? zip(tally.votes, tally.percents).enumerated().map { PollPage.Result(option: p.draft.option($0.offset, lang), votes: $0.element.0, percent: $0.element.1) } : nil,
            voters: tally.voters, error: error)
        return .html(PollPage.render(model, req.pageContext), status: status)
    }

    func show(req: Request) async throws -> Response { try await page(req, try await poll(req)) }

    struct VoteInput: Content { var choice: [String]? }

    func vote(req: Request) async throws -> Response {
        let p = try await poll(req)
        let input = (try? req.content.decode(VoteInput.self)) ?? VoteInput()
        let (voter, signedIn) = try await Self.voter(p, req)
        do {
            let chosen = try p.draft.ballot((input.choice ?? []).compactMap(Int.init), signedIn: signedIn, now: Date())
            guard let mark = voter.first else { throw PollDraft.BallotProblem.signInFirst }
            do { try await PollStore(db: req.db).vote(p.id, voter: mark, formerly: Array(voter.dropFirst()), choices: chosen) } catch PollStoreError.alreadyVoted { throw PollDraft.BallotProblem.alreadyVoted }
        } catch let problem as PollDraft.BallotProblem {
            let status: HTTPStatus = problem == .alreadyVoted ? .conflict : problem == .notOpen ? .conflict : problem == .signInFirst ? .forbidden : .badRequest
            return try await page(req, p, error: req.catalogue.text(problem.rawValue), status: status)
        }
        return req.redirect(to: SiteRoute.poll(p.id.uuidString.lowercased()).path, redirectType: .normal)
    }
}
