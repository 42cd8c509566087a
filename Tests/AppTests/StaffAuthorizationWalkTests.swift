import Testing
import Reporting
import Privacy
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Access
import Portal
import ContactCenter
import Clients
import Knowledge
import TextSearch
import Content

/// Walks every staff route with every role, once on the staff member's own office and once on
/// a foreign one, and checks the answer against the authorization matrix: allowed → anything
/// but 403, denied → 403.
@Suite(.serialized) struct StaffAuthorizationWalkTests {
    static let own = "pup-2002", foreign = "pup-2001"

    /// One object of every kind a staff route acts on, per office.
    struct Fixtures {
        var member: [String: UUID] = [:]
        var client: [String: UUID] = [:]
        var link: [String: UUID] = [:]
        var company: [String: UUID] = [:]
        var offer: [String: UUID] = [:]
        var event: [String: UUID] = [:]
        /// A recruitment order for each office's offer, with the office's seeker as its candidate.
        var order: [String: UUID] = [:]
        var candidate: [String: UUID] = [:]
        /// A contact in progress: own office — held by the staff member walking; foreign — by a colleague.
        var interaction: [String: UUID] = [:]
        var chat: [String: UUID] = [:]
        /// API tokens of the staff member walking (one per pass, since revoking uses it up).
        var token: [String: UUID] = [:]
        var kb: [String: UUID] = [:]
        var news: [String: UUID] = [:]
        var page: [String: UUID] = [:]
        var poll: [String: UUID] = [:]
        /// A form each office's editors built.
        var siteForm: [String: UUID] = [:]
        /// A thread of each office's forum, with its first post.
        var forumThread: [String: UUID] = [:]
        var forumPost: [String: UUID] = [:]
        /// A partner of the portal per pass (the portal's editors' own, no office: each pass deletes one).
        var partner: [String: UUID] = [:]
        /// A recorded call of each office (a colleague's), and its recording.
        var recorded: [String: UUID] = [:]
        var recording: [String: UUID] = [:]
        /// A complaint in each office's register of requests.
        var request: [String: UUID] = [:]

        /// A connected call held by `agent`.
        static func call(_ app: Application, office: String, agent: String) async throws -> UUID {
            let store = ContactCenterStore(db: app.db)
            let i = try await store.enqueue(Interaction(channel: .voice, language: "pl", topic: "other", officeID: office, voivodeshipCode: "20",
                                                        queuedAt: Date()))
            try await store.move(i.id, to: .offered, agent: agent)
            try await store.move(i.id, to: .connected, agent: agent)
            return i.id
        }

        /// A chat in progress with `agent`.
        static func chat(_ app: Application, office: String, agent: String) async throws -> UUID {
            let i = Interaction(channel: .chat, language: "pl", topic: "other", officeID: office, voivodeshipCode: "20", queuedAt: Date())
            try await ChatStore(db: app.db).start(i, tokenHash: UUID().uuidString, name: nil, email: nil, firstLine: "Dzień dobry", context: ContactContext(), now: Date())
            let store = ContactCenterStore(db: app.db)
            try await store.move(i.id, to: .offered, agent: agent)
            try await store.move(i.id, to: .connected, agent: agent)
            return i.id
        }

        static func make(_ app: Application) async throws -> Fixtures {
            var f = Fixtures()
            for (n, office) in [StaffAuthorizationWalkTests.own, StaffAuthorizationWalkTests.foreign].enumerated() {
                f.member[office] = try await StaffStore(db: app.db).create(email: "colleague\(n)@example.org", passwordHash: "x",
                                                                           displayName: "Colleague", roles: [.consultant],
                                                                           scope: .offices([office]), language: "pl")
                f.client[office] = try await ClientStore(db: app.db).create(NewClient(number: ["100000009", "200000008"][n], kind: .seeker,
                                                                                      firstName: "K", lastName: "L", officeID: office))
                let seeker = try await AccountStore(db: app.db).registerSeeker(
                    email: "seeker\(n)@example.org", passwordHash: "x", language: "pl",
                    profile: SeekerProfile(firstName: "A", lastName: "B", voivodeshipCode: "20", locality: "X", postalCode: "15-371",
                                           street: "S", houseNumber: "1", phone: nil),
                    tokenHash: "h\(n)", tokenExpires: Date(), consent: ConsentGiven(.accountServices, channel: .web), mail: { _ in OutboxMessage(recipient: "r@example.org", subject: "s", textBody: "t",
                                                                                        htmlBody: "h", language: "pl", kind: "k") })
                let pesel = ["85031501234", "92072104568"][n]
                f.link[office] = try await ClientLinkStore(db: app.db).request(account: seeker, peselCiphertext: try app.services.cipher.encrypt(pesel),
                                                                               peselIndex: app.services.cipher.blindIndex(pesel), officeID: office)
                let companyID = try await EmployerStore(db: app.db).registerEmployer(
                    email: "boss\(n)@example.org", passwordHash: "x", language: "pl", contactPerson: "Boss",
                    company: NewCompany(name: "Firma \(n)", nip: nil, regon: ["123456785", "012345678"][n], street: "S", houseNumber: "1",
                                        postalCode: "15-371", locality: "X", officeID: office),
                    tokenHash: "c\(n)", tokenExpires: Date(), consent: ConsentGiven(.accountServices, channel: .web),
                    mail: OutboxMessage(recipient: "r@example.org", subject: "s", textBody: "t", htmlBody: "h", language: "pl", kind: "k"))
                f.company[office] = companyID
                let draft = OfferDraft(title: "Magazynier", occupationCode: "432103", duties: "Praca w magazynie, przyjmowanie towaru.",
                                       postalCode: "15-371", locality: "X", country: nil, contract: .employment, workingTime: 1, shifts: .single,
                                       wageMin: nil, wageMax: nil, wageType: .monthly, positions: 1, positionsForDisabled: 0, education: .none,
                                       languages: [], experienceMonths: 0, licences: "", startDate: nil,
                                       validUntil: Date().addingTimeInterval(86_400 * 10), howToApply: "CV", employerVisible: true)
                f.offer[office] = try await OfferStore(db: app.db).create(draft, company: companyID, by: seeker,
                                                                          place: OfferPlace(officeID: office, powiatCode: nil, voivodeshipCode: nil,
                                                                                            latitude: nil, longitude: nil),
                                                                          status: .pending, tokens: SearchTokens(title: "magazynier", body: "magazyn"))
                try await ContactCenterStore(db: app.db).save(Agent(id: f.member[office]!.uuidString, offices: [office], voivodeships: ["20"],
                                                                    idleSince: Date()))
                f.kb[office] = try await KnowledgeBaseStore(db: app.db).create(
                    KBDraft(category: .registration, officeID: office, title: "Rejestracja w urzędzie \(n)", body: "Sala obsługi na parterze."),
                    status: .published, by: seeker, analyzer: app.services.analyzer)
                f.news[office] = try await NewsStore(db: app.db).create(
                    NewsDraft(language: "pl", title: "Dzień otwarty \(n)", lead: "Zapraszamy do urzędu na dzień otwarty.", body: "Sala obsługi.",
                              scope: .office(office), publishAt: Date()),
                    status: .published, voivodeship: "20", image: nil, by: seeker,
                    audit: AuditEntry(actorID: seeker, actorOfficeID: office, clientID: nil, action: "content.news.create", detail: "", reason: ""), address: nil)
                f.page[office] = try await PageStore(db: app.db).create(
                    PageDraft(language: "pl", slug: "kontakt", title: "Kontakt \(n)", body: "Sala obsługi."), section: .office(office),
                    status: .published, by: seeker,
                    audit: AuditEntry(actorID: seeker, actorOfficeID: office, clientID: nil, action: "content.page.create", detail: "", reason: ""), address: nil)
                f.poll[office] = try await PollStore(db: app.db).save(nil,
                    PollDraft(section: .office(office), question: ["pl": "Czy było łatwo?"], options: [["pl": "Tak"], ["pl": "Nie"]],
                              opensAt: Date(), closesAt: Date().addingTimeInterval(86_400)), published: true, by: seeker,
                    audit: AuditEntry(actorID: seeker, actorOfficeID: office, clientID: nil, action: "content.poll.create", detail: "", reason: ""), address: nil)
                let made = try await ForumStore(db: app.db).startThread(in: .office(office), ForumPostDraft(title: "Pytanie \(n)", body: "Treść pytania."),
                                                                        author: seeker, nickname: "Walk \(n)", subscribe: false, analyzer: app.services.analyzer,
                                                                        mail: { _, _, _ in OutboxMessage(recipient: "r@example.org", subject: "s", textBody: "t",
                                                                                                        htmlBody: "h", language: "pl", kind: "k") })
                f.siteForm[office] = try await SiteFormStore(db: app.db).save(nil,
                    SiteFormDraft(section: .office(office), title: ["pl": "Zapisy \(n)"], fields: [SiteFormField(label: ["pl": "Imię"], kind: .text, required: true)],
                                  retentionDays: 30, open: true),
                    by: seeker, audit: AuditEntry(actorID: seeker, actorOfficeID: office, clientID: nil, action: "content.form.create", detail: "", reason: ""),
                    address: nil)
                f.forumThread[office] = made.thread
                f.forumPost[office] = made.post
                f.recorded[office] = try await call(app, office: office, agent: f.member[office]!.uuidString)
                let r = VoiceRecording(interactionID: f.recorded[office]!, callSid: "CA\(n)", recordingSid: "RE\(n)", url: "https://api.carrier.example/RE\(n)",
                                       durationSeconds: 30, kind: .conversation, createdAt: Date(), deleteAfter: Date().addingTimeInterval(86_400))
                try await VoiceStore(db: app.db).add(r)
                f.recording[office] = r.id
                f.request[office] = try await DataRequestStore(db: app.db).create(
                    NewDataRequest(kind: .complaint, channel: .web, name: "Skarżący \(n)", email: "skarga\(n)@example.org", language: "pl",
                                   officeID: office, text: "Nikt nie odebrał telefonu przez godzinę."),
                    now: Date(), calendar: ReportInterval.polishCalendar) { _, _ in
                        OutboxMessage(recipient: "skarga\(n)@example.org", subject: "s", textBody: "t", htmlBody: "h", language: "pl", kind: "k")
                    }.id
                let cv = try await CVStore(db: app.db).create(account: seeker, CVDraft(title: "CV", desiredJob: "Magazynier", occupationCode: "432103",
                                                                                     shared: [.desired]),
                                                              place: CVPlace(powiatCode: nil, voivodeshipCode: nil), tokens: SearchTokens(title: "magazynier", body: ""))
                let order = RecruitmentOrder(offerID: f.offer[office]!, companyID: companyID, officeID: office, orderedBy: nil, requirements: "",
                                             createdAt: Date())
                try await RecruitmentStore(db: app.db).create(order)
                let candidate = RecruitmentCandidate(orderID: order.id, cvID: cv, accountID: seeker, source: .search, createdAt: Date())
                try await RecruitmentStore(db: app.db).add(candidate)
                f.order[office] = order.id
                f.candidate[office] = candidate.id
                f.event[office] = try await EventStore(db: app.db).create(
                    EventDraft(kind: .jobFair, title: "Targi", organiser: "PUP", description: "Targi pracy w urzędzie.", locality: "X",
                               postalCode: "15-371", startsAt: Date().addingTimeInterval(86_400 * 5), officeID: office),
                    place: EventPlace(powiatCode: nil, voivodeshipCode: nil), tokens: SearchTokens(title: "targi", body: "praca"), by: seeker)
            }
            for office in [StaffAuthorizationWalkTests.own, StaffAuthorizationWalkTests.foreign] {
                f.partner[office] = try await PartnerStore(db: app.db).save(nil, PartnerDraft(name: "Partner", url: "https://partner.example.org"), logo: .keep,
                    by: f.member[office]!, audit: AuditEntry(actorID: f.member[office]!, actorOfficeID: nil, clientID: nil, action: "content.partner.create",
                                                             detail: "", reason: ""), address: nil)
            }
            return f
        }

        /// The concrete path and form of an endpoint aimed at `office`.
        func request(_ e: StaffEndpoint, office: String, n: Int) -> (path: String, form: [String: String]) {
            var path = e.pathString
            let id: UUID? = switch e.target {
            case .staffMember: member[office]
            case .client: client[office]
            case .linkRequest: link[office]
            case .company: company[office]
            case .offer: offer[office]
            case .event: event[office]
            case .agent: member[office]
            case .heldInteraction, .interaction: interaction[office]
            case .heldChat: chat[office]
            case .kbEntry: kb[office]
            case .newsItem: news[office]
            case .sitePage: page[office]
            case .poll: poll[office]
            case .forumPost: forumPost[office]
            case .forumThread: forumThread[office]
            case .siteForm: siteForm[office]
            case .privacyRequest: request[office]
            case .recruitmentOrder: order[office]
            default: nil
            }
            if let id { path = path.replacingOccurrences(of: ":id", with: id.uuidString) }
            path = path.replacingOccurrences(of: ":kind", with: "contacts")
            if let c = candidate[office] { path = path.replacingOccurrences(of: ":candidate", with: c.uuidString) }
            var form: [String: String] = [:]
            switch e.target {
            case .officeQuery: path += "?office=\(office)"
            case .sectionQuery: path += "?section=office:\(office)"
            case .formSection: form = ["section": "office:\(office)", "version": "0", "item0_id": "", "item0_label_pl": "Kontakt", "item0_target": "/pages/kontakt",
                                       "language": "pl", "slug": "walk-\(n)", "title": "Strona \(n)", "body": "Treść.", "audience": "everyone"]
            case .formScope, .staffMember:
                form = ["email": "new\(n)@example.org", "display_name": "New", "role_consultant": "on", "offices": office, "active": "on"]
            case .linkRequest: form = ["decision": "reject"]
            case .heldChat: form = ["text": "W czym mogę pomóc?"]
            case .client: form = ["pin": "4826", "reason": "call"]
            case .offer: form = ["decision": "request_changes", "note": "Proszę podać wynagrodzenie."]
            case .agent: form = ["state": "offline"]
            case .interaction: form = ["mode": "listen"]
            case .privacyRequest: form = ["answer": "Dziękujemy, sprawdziliśmy grafik dyżurów.", "months": "1", "reason": "Wiele spraw naraz."]
            case .event, .formOffice:
                form = ["kind": "training", "title": "Wózki widłowe", "organiser": "Ośrodek Szkoleń", "topic": "UDT",
                        "description": "Kurs operatora wózków jezdniowych.", "locality": "Białystok", "postal_code": "15-371",
                        "starts_at": "2030-03-02T09:00", "funding": "office", "office_id": office]
            default: break
            }
            // Desktop actions on "the contact": the one this member (own) or a colleague (foreign) handles.
            if e.pathString.contains("/tokens/:id/") { path = e.pathString.replacingOccurrences(of: ":id", with: token[office]!.uuidString) }
            if e.pathString.hasPrefix("/desktop/offers/") { path = e.pathString.replacingOccurrences(of: ":id", with: interaction[office]!.uuidString) }
            if e.pathString.hasSuffix("recovery-codes") { form = ["code": "000000"] }
            if e.pathString.hasPrefix("/staff/content/partners/:id") { path = e.pathString.replacingOccurrences(of: ":id", with: partner[office]!.uuidString.lowercased()) }
            switch e.target {
            case .forumPost: form = ["decision": "approve", "body": "Treść pytania.", "edit_reason": "Literówka"]
            case .forumThread: form = ["locked": "on", "category": office, "reason": "Temat wyczerpany"]
            default: break
            }
            if e.pathString.contains(":recording") {
                path = e.pathString.replacingOccurrences(of: ":id", with: recorded[office]!.uuidString)
                    .replacingOccurrences(of: ":recording", with: recording[office]!.uuidString)
            }
            return (path, form)
        }
    }

    @Test func everyStaffRouteIsInTheTableAndNothingElseIsUnderStaff() async throws {
        try await withTestApp { app in
            // The live sockets (`desktop/ws`, `wallboard/ws`) check the staff session themselves;
            // the staff API (reports) is in the table too.
            let registered = Set(app.routes.all.filter { ["staff", "desktop", "wallboard"].contains($0.path.first?.description ?? "")
                    || $0.path.prefix(3).map(\.description) == ["api", "v1", "reports"] }
                .filter { $0.path.last?.description != "ws" }
                .map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") })
            let table = Set(StaffRoutes.all.map { "\($0.method.rawValue) \($0.pathString)" })
            #expect(registered == table)
            #expect(table.count == StaffRoutes.all.count, "no route listed twice")
        }
    }

    static func nationalOnly(_ e: StaffEndpoint) -> Bool {
        if case .national = e.target { return true }
        return false
    }

    /// Routes for every office at once (the newsletter): the office walk's staff are scoped to
    /// one office, so these are walked by `nationalRoutesNeedNationalScope`.
    static let walked = StaffRoutes.all.filter { !nationalOnly($0) }

    @Test func everyRoleOnEveryRouteInItsOwnAndAForeignOffice() async throws {
        try await withTestApp { app in
            var fixtures = try await Fixtures.make(app)
            fixtures.interaction[Self.foreign] = try await Fixtures.call(app, office: Self.foreign, agent: fixtures.member[Self.foreign]!.uuidString)
            fixtures.chat[Self.foreign] = try await Fixtures.chat(app, office: Self.foreign, agent: fixtures.member[Self.foreign]!.uuidString)
            var n = 0
            var checked = 0
            // The office editor deletes the office's content as it walks: last, so the others meet it.
            for role in StaffRole.allCases.filter({ $0 != .officeEditor }) + [.officeEditor] {
                let staff = try await TestStaff.create(app, email: "\(role.rawValue)@example.org", roles: [role], scope: .offices([Self.own]))
                let browser = try await staff.signIn(app)
                fixtures.interaction[Self.own] = try await Fixtures.call(app, office: Self.own, agent: staff.id.uuidString)
                fixtures.chat[Self.own] = try await Fixtures.chat(app, office: Self.own, agent: staff.id.uuidString)
                for office in [Self.own, Self.foreign] {
                    fixtures.token[office] = try await StaffTokenStore(db: app.db).create(account: staff.id, name: office, hash: "h-\(role)-\(office)",
                                                                                          expiresAt: Date().addingTimeInterval(3_600))
                }
                for endpoint in Self.walked {
                    for office in [Self.own, Self.foreign] {
                        n += 1
                        let (path, form) = fixtures.request(endpoint, office: office, n: n)
                        let res = endpoint.method == .GET ? try await browser.get(path)
                            : try await browser.post(path, form, csrfFrom: "/staff/home")
                        // A list of sections opens to whoever keeps some section, an office's or the portal's.
                        let roleAllows = endpoint.action.map { endpoint.target == .anySection ? AuthorizationMatrix.mayEver([role], $0)
                                                                   : AuthorizationMatrix.allows(role, $0) } ?? true
                        let officeMatters: Bool = switch endpoint.target { case .system, .anySection: false; default: true }
                        let expectAllowed = roleAllows && (office == Self.own || !officeMatters)
                        let label = "\(role.rawValue) \(endpoint.method.rawValue) \(path) → \(res.status.code)"
                        if expectAllowed {
                            #expect(res.status != .forbidden && res.status != .unauthorized && res.status != .notFound, "\(label)")
                            #expect(res.headers.first(name: .location)?.hasPrefix("/login") != true, "\(label)")
                        } else {
                            #expect(res.status == .forbidden, "\(label)")
                        }
                        checked += 1
                    }
                }
            }
            #expect(checked == StaffRole.allCases.count * Self.walked.count * 2)
        }
    }

    /// A request each national route accepts when allowed (the n-th walk adds and deletes a step of its own).
    /// `cvFactory`: a seeker's open Fabryka CV request of this walk, `staff`: who walks (a
    /// supervisor hands the request to themselves, then writes and delivers it).
    static func nationalRequest(_ e: StaffEndpoint, n: Int, cvFactory: UUID, staff: UUID) -> (path: String, form: [String: String]) {
        if e.pathString.hasPrefix("/staff/cv-factory/:id") {
            let path = e.pathString.replacingOccurrences(of: ":id", with: cvFactory.uuidString.lowercased())
            switch e.pathString {
            case "/staff/cv-factory/:id/assign": return (path, ["assignee": staff.uuidString])
            case "/staff/cv-factory/:id/deliver": return (path, MatchingTests.cv)
            default: return (path, [:])
            }
        }
        return switch e.pathString {
        case "/staff/newsletter": (e.pathString, ["language": "pl", "subject": "Nowości", "body": "Nowe szkolenia w urzędach pracy w grudniu."])
        case "/staff/ivr/steps": (e.pathString, ["id": "walk-\(n)", "kind": "hangup"])
        case "/staff/ivr/steps/:step": ("/staff/ivr/steps/end", ["kind": "hangup"])
        case "/staff/ivr/steps/:step/delete": ("/staff/ivr/steps/walk-\(n)/delete", [:])
        case "/staff/ivr/rollback": (e.pathString, ["version": "1"])
        case "/staff/ivr/flows": (e.pathString, ["new_id": "walk-flow-\(n)", "copy_of": "main"])
        case "/staff/ivr/lines": (e.pathString, ["number": "700\(n)", "name": "Walk \(n)", "flow": "main"])
        // The number the request before added.
        case "/staff/ivr/lines/:number/delete": ("/staff/ivr/lines/700\(n)/delete", [:])
        default: (e.pathString, [:])
        }
    }

    @Test func nationalRoutesNeedNationalScope() async throws {
        try await withTestApp { app in
            let national = StaffRoutes.all.filter(Self.nationalOnly)
            #expect(!national.isEmpty)
            _ = try await MatchingTests.seeker(app, email: "walk.seeker@example.org")
            let seeker = try #require(try await AccountStore(db: app.db).find(email: "walk.seeker@example.org"))
            let cv = try #require(try await CVStore(db: app.db).list(account: seeker.id).first)
            for (n, role) in StaffRole.allCases.enumerated() {
                for (m, scope) in [OfficeScope.national, .offices([Self.own])].enumerated() {
                    let staff = try await TestStaff.create(app, email: "n\(n)-\(scope == .national ? "kraj" : "pup")@example.org", roles: [role], scope: scope)
                    let browser = try await staff.signIn(app)
                    let request = CVFactoryRequest(kind: .improve, targetLanguage: "pl", accountID: seeker.id, email: seeker.email, name: nil, language: "pl",
                                                   note: "Proszę o poprawę.", sourceCV: cv.id, hasSourceFile: true, dueAt: Date().addingTimeInterval(86_400),
                                                   createdAt: Date())
                    try await CVFactoryStore(db: app.db).create(request, file: ("cv.pdf", CVFlowTests.pdf()))
                    for endpoint in national {
                        let (path, form) = Self.nationalRequest(endpoint, n: n * 2 + m, cvFactory: request.id, staff: staff.id)
                        let res = endpoint.method == .GET ? try await browser.get(path)
                            : try await browser.post(path, form, csrfFrom: "/staff/home")
                        let allowed = scope == .national && (endpoint.action.map { AuthorizationMatrix.allows(role, $0) } ?? true)
                        let label = "\(role.rawValue) \(scope) \(endpoint.method.rawValue) \(endpoint.pathString) → \(res.status.code)"
                        if allowed { #expect(res.status == .ok || res.status == .seeOther, "\(label)") } else { #expect(res.status == .forbidden, "\(label)") }
                    }
                }
            }
        }
    }

    /// The portal's own section (its pages, polls, national news, main menu) is the portal
    /// editors': an editor of every office may not touch it, a portal editor may whatever their offices.
    @Test func thePortalsSectionNeedsThePortalEditorsRight() async throws {
        try await withTestApp { app in
            let author = try await TestStaff.create(app, email: "author@example.org", roles: [.portalEditor], scope: .national)
            let audit = AuditEntry(actorID: author.id, actorOfficeID: nil, clientID: nil, action: "content.walk", detail: "", reason: "")
            let sectionTargets: [StaffTarget] = [.sitePage, .poll, .newsItem, .sectionQuery, .formSection]
            let endpoints = StaffRoutes.all.filter { e in sectionTargets.contains(e.target) }
            #expect(endpoints.count >= 12)
            let cases: [(Set<StaffRole>, OfficeScope, Bool)] = [([.officeEditor], .national, false), ([.moderator, .administrator], .national, false),
                                                              ([.portalEditor], .offices([Self.own]), true), ([.portalEditor, .officeEditor], .national, true)]
            for (n, (roles, scope, allowed)) in cases.enumerated() {
                let browser = try await TestStaff.create(app, email: "p\(n)@example.org", roles: roles, scope: scope).signIn(app)
                // Each walk its own page, poll and story: an allowed walk deletes them.
                let page = try await PageStore(db: app.db).create(PageDraft(language: "pl", slug: "o-portalu-\(n)", title: "O portalu", body: "Treść."), section: .portal,
                                                                  status: .published, by: author.id, audit: audit, address: nil)
                let poll = try await PollStore(db: app.db).save(nil, PollDraft(section: .portal, question: ["pl": "Czy portal jest czytelny?"], options: [["pl": "Tak"], ["pl": "Nie"]],
                                                                                opensAt: Date(), closesAt: Date().addingTimeInterval(86_400)),
                                                                published: true, by: author.id, audit: audit, address: nil)
                let news = try await NewsStore(db: app.db).create(
                    NewsDraft(language: "pl", title: "Nowy portal", lead: "Zapraszamy na nowy portal urzędów pracy.", body: "Treść.", scope: .national, publishAt: Date()),
                    status: .published, voivodeship: nil, image: nil, by: author.id, audit: audit, address: nil)
                for e in endpoints {
                    let id: UUID? = switch e.target { case .sitePage: page; case .poll: poll; case .newsItem: news; default: nil }
                    var path = e.pathString.replacingOccurrences(of: ":id", with: id?.uuidString.lowercased() ?? "")
                    if e.target == .sectionQuery { path += "?section=portal" }
                    let form = e.target == .formSection
                        ? ["section": "portal", "version": "0", "language": "pl", "slug": "walk-\(n)", "title": "Strona \(n)", "body": "Treść.", "audience": "everyone"]
                        : ["version": "0"]
                    let res = e.method == .GET ? try await browser.get(path) : try await browser.post(path, form, csrfFrom: "/staff/home")
                    let label = "\(roles) \(scope) \(e.method.rawValue) \(path) → \(res.status.code)"
                    if allowed { #expect(res.status != .forbidden && res.status != .notFound, "\(label)") } else { #expect(res.status == .forbidden, "\(label)") }
                }
            }
        }
    }

    @Test func staffRoutesNeedAStaffSessionWithTheSecondFactor() async throws {
        try await withTestApp { app in
            let anonymous = FormClient(app)
            let page = try await anonymous.get("/staff/clients")
            #expect(page.status == .seeOther)
            #expect(page.headers.first(name: .location)?.hasPrefix("/login") == true)
            #expect(try await anonymous.post("/staff", ["offices": "pup-2002"], csrfFrom: "/login").status == .forbidden)

            // Password alone (no code yet) is not a staff session.
            let staff = try await TestStaff.create(app, email: "half@example.org", roles: [.administrator], scope: .offices(["pup-2002"]))
            let half = FormClient(app)
            _ = try await half.post("/login", ["email": staff.email, "password": TestStaff.password])
            #expect(try await half.get("/staff").status == .seeOther)
            #expect(try await half.get("/account").status == .seeOther)
        }
    }
}
