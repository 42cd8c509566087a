import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Content
import Portal
import TestSupport
import Directory
import Views

/// News, partners and the look through the editors' pages and what readers then see: scope and
/// rights, pictures judged by their bytes, scheduling and expiry, translations, closed zones,
/// feeds, regional alerts sent once, and a theme refused for its contrast.
@Suite(.serialized) struct PortalContentTests {
    static func form(_ title: String, scope: String = "office:pup-2002", status: String = "published", publishAt: Date = Date().addingTimeInterval(-60),
                     audience: String = "everyone", version: String? = nil, alt: String = "") -> [String: String] {
        var f = ["language": "pl", "title": title, "lead": "Zapraszamy wszystkich mieszkańców powiatu.", "body": "## Program\n\n- stoiska\n- porady",
                 "scope": scope, "audience": audience, "publish_at": CalendarText.minuteString(publishAt), "expires_at": "", "image_alt": alt, "status": status]
        if let version { f["version"] = version }
        return f
    }

    static func id(_ res: TestingHTTPResponse) throws -> UUID {
        let location = try #require(res.headers.first(name: .location))
        return try #require(UUID(uuidString: location.split(separator: "/")[3].description))
    }

    static func get(_ app: Application, _ path: String) async throws -> TestingHTTPResponse {
        var out: TestingHTTPResponse?
        try await app.testing().test(.GET, path) { out = $0 }
        return out!
    }

    @Test func editorsWriteForTheirOfficeWithAPictureThatMustBeRealAndDescribed() async throws {
        try await withTestApp { app in
            let ewa = try await TestStaff.create(app, email: "ewa@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"]))
            let a = try await ewa.signIn(app)
            #expect(try await a.post("/staff/content/news", Self.form("Targi w Augustowie", scope: "office:pup-2001"), csrfFrom: "/staff/content/news/new").status == .forbidden)
            #expect(try await a.post("/staff/content/news", Self.form("Dla całej Polski", scope: "national"), csrfFrom: "/staff/content/news/new").status == .forbidden)
            #expect(try await a.post("/staff/content/news", Self.form("Podlaskie", scope: "voivodeship:20"), csrfFrom: "/staff/content/news/new").status == .forbidden,
                    "a voivodeship's news are its WUP's editors'")

            let big = TestPNG.make(width: 2400, height: 600)
            let noAlt = try await a.postMultipart("/staff/content/news?lang=en", Self.form("Targi pracy w Białymstoku"),
                                                  file: ("image", "IMG_2041.png", "image/png", big), csrfFrom: "/staff/content/news/new")
            #expect(noAlt.status == .badRequest && noAlt.body.string.contains("Picture description (alternative text): say in words what the picture shows"))
            let fake = try await a.postMultipart("/staff/content/news?lang=en", Self.form("Targi pracy w Białymstoku", alt: "Hala targowa"),
                                                 file: ("image", "photo.jpg", "image/jpeg", Data("<script>alert(1)</script>".utf8)), csrfFrom: "/staff/content/news/new")
            #expect(fake.status == .badRequest && fake.body.string.contains("not a JPEG or PNG"))
            let bomb = try await a.postMultipart("/staff/content/news?lang=en", Self.form("Targi pracy w Białymstoku", alt: "Hala targowa"),
                                                 file: ("image", "b.png", "image/png", TestPNG.header(width: 60_000, height: 60_000)), csrfFrom: "/staff/content/news/new")
            #expect(bomb.status == .badRequest && bomb.body.string.contains("too many pixels"))
            #expect(try await NewsStore(db: app.db).all(offices: nil).isEmpty, "nothing half-written")

            let made = try await a.postMultipart("/staff/content/news", Self.form("Targi pracy w Białymstoku <script>", alt: "Stoiska pracodawców w hali"),
                                                 file: ("image", "targi.png", "image/png", big), csrfFrom: "/staff/content/news/new")
            #expect(made.status == .seeOther)
            let id = try Self.id(made)
            let item = try #require(try await NewsStore(db: app.db).find(id))
            #expect(item.image?.width == 1200 && item.image?.height == 300 && item.voivodeship == "20")
            let picture = try await Self.get(app, "/news/\(id)/image")
            #expect(picture.status == .ok && picture.headers.contentType == .png)
            #expect(ContentImage.dimensions(of: Data(picture.body.readableBytesView), format: .png)! == (1200, 300))

            let page = try await Self.get(app, "/news/\(id)").body.string
            #expect(page.contains("Targi pracy w Białymstoku &lt;script&gt;") && !page.contains("<script>alert"))
            #expect(page.contains("alt=\"Stoiska pracodawców w hali\"") && page.contains("<h2>Program</h2>"))
            #expect(try await Self.get(app, "/offices/pup-2002").body.string.contains("Targi pracy w Białymstoku"))
            #expect(try await Self.get(app, "/offices/pup-2002/news").body.string.contains("Targi pracy w Białymstoku"))
            #expect(!(try await Self.get(app, "/offices/pup-2001/news").body.string.contains("Targi pracy w Białymstoku")))
            #expect(!(try await Self.get(app, "/").body.string.contains("Targi pracy w Białymstoku")), "the home page has national news")

            // Taken down by its expiry; the picture goes with it.
            var later = Self.form("Targi pracy w Białymstoku", version: "1", alt: "Stoiska pracodawców w hali")
            later["expires_at"] = CalendarText.minuteString(Date().addingTimeInterval(-1))
            later["publish_at"] = CalendarText.minuteString(Date().addingTimeInterval(-7200))
            #expect(try await a.post("/staff/content/news/\(id)", later, csrfFrom: "/staff/content/news/\(id)/edit").status == .seeOther)
            #expect(try await Self.get(app, "/news/\(id)").status == .notFound)
            #expect(try await Self.get(app, "/news/\(id)/image").status == .notFound)
            #expect(try await a.get("/staff/content/news?lang=en").body.string.contains("taken down (expired)"))
            let versions = try await NewsStore(db: app.db).versions(of: id)
            #expect(versions.map(\.version) == [2, 1])
            let audit = try await AuditLog(db: app.db).entries(.init(actorID: ewa.id))
            #expect(Set(audit.map(\.action)).isSuperset(of: ["content.news.create", "content.news.update"]))
        }
    }

    @Test func scheduledNewsAppearsOnTimeInTheReadersLanguageAndClosedZonesStayClosed() async throws {
        try await withTestApp { app in
            let kraj = try await TestStaff.create(app, email: "kraj@example.org", roles: [.portalEditor], scope: .national)
            let a = try await kraj.signIn(app)
            let soon = try Self.id(try await a.post("/staff/content/news", Self.form("Nowe zasady rejestracji", scope: "national",
                                                                                       publishAt: Date().addingTimeInterval(3600)),
                                                    csrfFrom: "/staff/content/news/new"))
            #expect(try await Self.get(app, "/news/\(soon)").status == .notFound, "scheduled for later")
            #expect(!(try await Self.get(app, "/news").body.string.contains("Nowe zasady rejestracji")))
            #expect(try await a.get("/staff/content/news?lang=en").body.string.contains("scheduled"))
            var now = Self.form("Nowe zasady rejestracji", scope: "national", version: "1")
            now["publish_at"] = CalendarText.minuteString(Date().addingTimeInterval(-60))
            _ = try await a.post("/staff/content/news/\(soon)", now, csrfFrom: "/staff/content/news/\(soon)/edit")
            #expect(try await Self.get(app, "/").body.string.contains("Nowe zasady rejestracji"))

            var uk = Self.form("Нові правила реєстрації", scope: "national")
            uk["language"] = "uk"; uk["translation_of"] = soon.uuidString
            #expect(try await a.post("/staff/content/news", uk, csrfFrom: "/staff/content/news/new").status == .seeOther)
            let inUkrainian = try await Self.get(app, "/news?lang=uk").body.string
            #expect(inUkrainian.contains("Нові правила реєстрації") && !inUkrainian.contains("Nowe zasady rejestracji"))
            let inEnglish = try await Self.get(app, "/news/\(soon)?lang=en").body.string
            #expect(inEnglish.contains("Nowe zasady rejestracji") && inEnglish.contains("<article lang=\"pl\""))
            #expect(try await a.post("/staff/content/news/\(soon)/delete", [:], csrfFrom: "/staff/content/news/\(soon)/edit").status == .conflict,
                    "the source waits for its translation")

            let closed = try Self.id(try await a.post("/staff/content/news", Self.form("Spotkanie dla zarejestrowanych", scope: "national", audience: "seekers"),
                                                      csrfFrom: "/staff/content/news/new"))
            #expect(!(try await Self.get(app, "/news").body.string.contains("Spotkanie dla zarejestrowanych")))
            let anonymous = try await Self.get(app, "/news/\(closed)")
            #expect(anonymous.status == .seeOther && anonymous.headers.first(name: .location) == "/login")
            let seeker = try await SessionSecurityTests.seeker(app)
            #expect(try await seeker.get("/news").body.string.contains("Spotkanie dla zarejestrowanych"))
            #expect(try await seeker.get("/news/\(closed)").status == .ok)
            let boss = try await OfferFlowTests.employer(app, email: "szef@stalmet.pl", nip: "5260250274")
            #expect(try await boss.get("/news/\(closed)").status == .notFound)

            let feed = try await Self.get(app, "/news/feed.atom")
            #expect(feed.headers.contentType?.subType == "atom+xml")
            #expect(feed.body.string.contains("<title>Nowe zasady rejestracji</title>") && !feed.body.string.contains("Spotkanie dla zarejestrowanych"),
                    "feeds carry only what everyone may read")
            #expect(try await Self.get(app, "/news/feed.atom?lang=uk").body.string.contains("Нові правила реєстрації"))
            #expect(try await Self.get(app, "/news?voivodeship=99&lang=en").status == .badRequest)
        }
    }

    @Test func regionalNewsAlertsGoOutOnceAndOnlyForTheirRegion() async throws {
        try await withTestApp { app in
            let seeker = try await SessionSecurityTests.seeker(app)
            let refused = try await seeker.post("/account/alerts?lang=en", ["kind": "news", "query": "", "frequency": "daily"], csrfFrom: "/account")
            #expect(refused.status == .badRequest && refused.body.string.contains("Choose the voivodeship or county"))
            #expect(try await seeker.post("/account/alerts", ["kind": "news", "query": "powiat=2061", "frequency": "daily"], csrfFrom: "/account").status == .seeOther)
            let account = try #require(try await AccountStore(db: app.db).find(email: "anna.nowak@example.org"))
            let search = try #require(try await SavedSearchStore(db: app.db).list(account: account.id).first)

            let kraj = try await TestStaff.create(app, email: "kraj@example.org", roles: [.officeEditor, .portalEditor], scope: .national)
            let a = try await kraj.signIn(app)
            for (title, scope) in [("Dni otwarte PUP Białystok", "office:pup-2002"), ("Konkurs WUP Białystok", "voivodeship:20"),
                                   ("Targi w Augustowie", "office:pup-2001"), ("Komunikat krajowy", "national"), ("Warszawa zaprasza", "voivodeship:14")] {
                // Published after the search was saved (what came before is not news to its owner).
                #expect(try await a.post("/staff/content/news", Self.form(title, scope: scope, publishAt: Date().addingTimeInterval(120)),
                                         csrfFrom: "/staff/content/news/new").status == .seeOther)
            }
            let runner = AlertRunner(app: app)
            #expect(try await runner.runDue(now: search.nextRunAt).mails == 1)
            let mails = try await Outbox(db: app.db).recent(limit: 50).filter { $0.kind == "alert_news" }
            let mail = try #require(mails.first)
            #expect(mails.count == 1 && mail.recipient == "anna.nowak@example.org")
            #expect(mail.textBody.contains("Dni otwarte PUP Białystok") && mail.textBody.contains("Konkurs WUP Białystok"))
            #expect(!mail.textBody.contains("Targi w Augustowie") && !mail.textBody.contains("Komunikat krajowy") && !mail.textBody.contains("Warszawa zaprasza"))
            #expect(try await runner.runDue(now: AlertSchedule.nextRun(after: search.nextRunAt, .daily)).mails == 0, "sent once")
        }
    }

    @Test func aThemeThatFailsContrastIsRefusedWithThePairAndAGoodOneDressesEveryPage() async throws {
        try await withTestApp { app in
            let ewa = try await TestStaff.create(app, email: "ewa@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"]))
            #expect(try await ewa.signIn(app).get("/staff/content/theme").status == .forbidden, "the look is the whole portal's")
            let kraj = try await TestStaff.create(app, email: "kraj@example.org", roles: [.portalEditor], scope: .national)
            let a = try await kraj.signIn(app)
            var theme = ThemeController.values(.standard)
            theme["name"] = "Praca Podlasie"
            theme["brand"] = "#77aa77"
            let refused = try await a.post("/staff/content/theme?lang=en", theme, csrfFrom: "/staff/content/theme")
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("Text on the brand colour (#ffffff) on “Brand colour (header, buttons, links)” (#77aa77): contrast 2.69:1, WCAG AA needs at least 4.5:1"))
            #expect(try await Self.get(app, "/").body.string.contains("Zielona Linia"))

            theme["brand"] = "#1d4f91"; theme["brand_dark"] = "#0f2f5c"
            let saved = try await a.postMultipart("/staff/content/theme", theme, file: ("logo", "logo.png", "image/png", TestPNG.make(width: 600, height: 200)),
                                                  csrfFrom: "/staff/content/theme")
            #expect(saved.status == .seeOther)
            let home = try await Self.get(app, "/").body.string
            #expect(home.contains("Praca Podlasie") && home.contains("/assets/theme.css?v=") && home.contains("class=\"brand-logo\""))
            let css = try await Self.get(app, "/assets/theme.css").body.string
            #expect(css.contains("--green: #1d4f91;"))
            let logo = try await Self.get(app, "/assets/logo")
            #expect(ContentImage.dimensions(of: Data(logo.body.readableBytesView), format: .png)! == (288, 96))
        }
    }

    @Test func partnersAreManagedByPortalEditorsAndLinkOnlyToTheWeb() async throws {
        try await withTestApp { app in
            let kraj = try await TestStaff.create(app, email: "kraj@example.org", roles: [.portalEditor], scope: .national)
            let a = try await kraj.signIn(app)
            let bad = try await a.post("/staff/content/partners?lang=en", ["name": "ZUS", "url": "javascript:alert(1)", "position": "1"],
                                       csrfFrom: "/staff/content/partners")
            #expect(bad.status == .badRequest && bad.body.string.contains("Web address: give a web address starting with https://"))
            let made = try await a.postMultipart("/staff/content/partners", ["name": "Zakład Ubezpieczeń Społecznych", "url": "https://www.zus.pl",
                                                                              "description": "Ubezpieczenia i zasiłki", "position": "1"],
                                                 file: ("logo", "zus.png", "image/png", TestPNG.make(width: 800, height: 200)), csrfFrom: "/staff/content/partners")
            #expect(made.status == .seeOther)
            let page = try await Self.get(app, "/partners").body.string
            #expect(page.contains("href=\"https://www.zus.pl\"") && page.contains("Zakład Ubezpieczeń Społecznych"))
            let partner = try #require(try await PartnerStore(db: app.db).all().first)
            #expect(partner.logo?.width == 400 && partner.logo?.height == 100)
            #expect(try await Self.get(app, "/partners/\(partner.id)/logo").headers.contentType == .png)
            #expect(try await a.post("/staff/content/partners/\(partner.id)/delete", [:], csrfFrom: "/staff/content/partners").status == .seeOther)
            #expect(try await PartnerStore(db: app.db).all().isEmpty)
            #expect(try await ContentImageStore(db: app.db).info(partner.logo!.id) == nil, "the logo goes with it")
        }
    }
}

@Suite struct AtomFeedTests {
    @Test func textIsEscapedAndDatesAreRFC3339() {
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        let feed = AtomFeed(id: "tag:x", title: "News & <more>", selfLink: "https://x/news/feed.atom", pageLink: "https://x/news", author: "PUP",
                            entries: [.init(id: "urn:uuid:1", title: "\"A\" <script>\u{1}", summary: "a & b", link: "https://x/news/1", language: "pl",
                                            published: date, updated: date)])
        let xml = feed.xml
        #expect(xml.contains("<title>News &amp; &lt;more&gt;</title>"))
        #expect(xml.contains("<title>&quot;A&quot; &lt;script&gt;</title>"), "control characters XML forbids are dropped")
        #expect(xml.contains("<updated>2027-01-15T08:00:00Z</updated>"))
        #expect(!xml.contains("<script"))
    }
}
