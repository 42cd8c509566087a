import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Content
import SQLKit

/// Sections editors build: an office's pages, menu and own contact details; the portal's main
/// menu and home page; closed zones and the links to them; a menu that would loop.
@Suite(.serialized) struct PortalSectionsTests {
    static func page(_ slug: String, _ title: String, body: String = "Sala obsługi na parterze.", section: String = "office:pup-2002",
                     audience: String = "everyone", status: String = "published") -> [String: String] {
        ["language": "pl", "section": section, "slug": slug, "title": title, "body": body, "audience": audience, "status": status]
    }

    static func get(_ app: Application, _ path: String) async throws -> TestingHTTPResponse {
        var out: TestingHTTPResponse?
        try await app.testing().test(.GET, path) { out = $0 }
        return out!
    }

    @Test func anOfficeBuildsItsPagesWithClosedZonesAndItsMenuNeverLoops() async throws {
        try await withTestApp { app in
            let ewa = try await TestStaff.create(app, email: "ewa@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"]))
            let a = try await ewa.signIn(app)
            let new = "/staff/content/pages/new"
            #expect(try await a.post("/staff/content/pages", Self.page("godziny", "Godziny", section: "office:pup-2001"), csrfFrom: new).status == .forbidden)
            #expect(try await a.post("/staff/content/pages", Self.page("godziny", "Godziny", section: "portal"), csrfFrom: new).status == .forbidden)
            let bad = try await a.post("/staff/content/pages?lang=en", Self.page("Zła Strona", "Godziny"), csrfFrom: new)
            #expect(bad.status == .badRequest && bad.body.string.contains("Address (last part): only lower-case a–z"))

            let closed = try await a.post("/staff/content/pages", Self.page("dla-zarejestrowanych", "Dla zarejestrowanych", audience: "seekers"), csrfFrom: new)
            #expect(closed.status == .seeOther)
            let open = try await a.post("/staff/content/pages",
                                        Self.page("godziny", "Godziny otwarcia", body: "Od 7:30. Zobacz też [spotkania dla zarejestrowanych](/offices/pup-2002/pages/dla-zarejestrowanych)."),
                                        csrfFrom: new)
            #expect(open.status == .seeOther)
            #expect(try await a.post("/staff/content/pages", Self.page("godziny", "Inne godziny"), csrfFrom: new).status == .conflict, "one address per section")

            let anonymous = try await Self.get(app, "/offices/pup-2002/pages/godziny").body.string
            #expect(anonymous.contains("Godziny otwarcia") && anonymous.contains("spotkania dla zarejestrowanych"))
            #expect(!anonymous.contains("href=\"/offices/pup-2002/pages/dla-zarejestrowanych\""), "the way into a closed zone is only for its people")
            #expect(try await Self.get(app, "/offices/pup-2002/pages/dla-zarejestrowanych").status == .seeOther)
            let seeker = try await SessionSecurityTests.seeker(app)
            #expect(try await seeker.get("/offices/pup-2002/pages/godziny").body.string.contains("href=\"/offices/pup-2002/pages/dla-zarejestrowanych\""))
            #expect(try await seeker.get("/offices/pup-2002/pages/dla-zarejestrowanych").status == .ok)
            #expect(try await Self.get(app, "/offices/pup-2001/pages/godziny").status == .notFound)

            // The office's menu: two entries and one under the first; then an attempt to put the first under its own child.
            let menu = "/staff/content/menus?section=office:pup-2002"
            let saved = try await a.post("/staff/content/menus", ["section": "office:pup-2002", "version": "0",
                                                                  "item0_id": "", "item0_label_pl": "Godziny", "item0_label_uk": "Години роботи", "item0_target": "/offices/pup-2002/pages/godziny", "item0_position": "1",
                                                                  "item1_id": "", "item1_label_pl": "Dla zarejestrowanych", "item1_target": "/offices/pup-2002/pages/dla-zarejestrowanych", "item1_position": "2"],
                                         csrfFrom: menu)
            #expect(saved.status == .seeOther)
            var (items, version) = try await MenuStore(db: app.db).items(.office("pup-2002"))
            #expect(items.count == 2 && version == 1)
            let officePage = try await Self.get(app, "/offices/pup-2002?lang=uk").body.string
            #expect(officePage.contains("Години роботи") && !officePage.contains("Dla zarejestrowanych"), "a closed zone's entry is hidden from visitors")
            #expect(try await seeker.get("/offices/pup-2002").body.string.contains("Dla zarejestrowanych"))

            let first = items.first { $0.label("pl") == "Godziny" }!, second = items.first { $0.label("pl") != "Godziny" }!
            var loop: [String: String] = ["section": "office:pup-2002", "version": "1"]
            for (i, (item, parent)) in [(first, second.id), (second, first.id)].enumerated() {
                loop["item\(i)_id"] = item.id.uuidString; loop["item\(i)_label_pl"] = item.label("pl"); loop["item\(i)_target"] = item.target
                loop["item\(i)_parent"] = parent.uuidString
            }
            let refused = try await a.post("/staff/content/menus?lang=en", loop, csrfFrom: menu)
            #expect(refused.status == .badRequest && refused.body.string.contains("an entry cannot be under itself or under its own sub-entry"))
            (items, version) = try await MenuStore(db: app.db).items(.office("pup-2002"))
            #expect(version == 1 && items.allSatisfy { $0.parentID == nil }, "nothing half-written")
            #expect(try await a.get("/staff/content/menus?section=office:pup-2001").status == .forbidden)

            let audit = try await AuditLog(db: app.db).entries(.init(actorID: ewa.id))
            #expect(Set(audit.map(\.action)).isSuperset(of: ["content.page.create", "content.menu.update"]))
        }
    }

    @Test func anOfficeConfirmsItsOwnDetailsAndThePortalShowsThemVerified() async throws {
        try await withTestApp { app in
            let ewa = try await TestStaff.create(app, email: "ewa@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"]))
            let a = try await ewa.signIn(app)
            #expect(try await Self.get(app, "/offices/pup-2002?lang=en").body.string.contains("badge unverified"))
            let form = "/staff/content/office-details?office=pup-2002"
            var details = ["office_id": "pup-2002", "street": "ul. Pogodna 63/1", "postal_code": "15-354", "locality": "Białystok",
                           "phone": "85 747 38 00", "email": "sekretariat@pupbialystok.example.org", "website": "https://pupbialystok.example.org",
                           "hours": "mon-fri 07:30-15:30; thu 07:30-17:00"]
            var wrong = details
            wrong["phone"] = "zadzwoń"; wrong["hours"] = "zawsze"
            let refused = try await a.post("/staff/content/office-details?lang=en", wrong, csrfFrom: form)
            #expect(refused.status == .badRequest && refused.body.string.contains("Phone: digits, spaces") && refused.body.string.contains("Opening hours: write the hours"))
            details["office_id"] = "pup-2001"
            #expect(try await a.post("/staff/content/office-details", details, csrfFrom: form).status == .forbidden)
            details["office_id"] = "pup-2002"
            #expect(try await a.post("/staff/content/office-details", details, csrfFrom: form).status == .seeOther)
            let page = try await Self.get(app, "/offices/pup-2002?lang=en").body.string
            #expect(page.contains("badge verified") && page.contains("ul. Pogodna 63/1") && page.contains("sekretariat@pupbialystok.example.org"))
            let api = try await Self.get(app, "/api/v1/offices/pup-2002").body.string
            #expect(api.contains("\"verified\":true"))
            // A reload of the bundled office list (its row back to the unverified data) does not undo what the office confirmed.
            try await (app.db as! any SQLDatabase).raw("UPDATE offices SET street = NULL, phone = NULL, verified = \(bind: false) WHERE id = 'pup-2002'").run()
            await app.services.directoryCache.invalidate()
            #expect(try await Self.get(app, "/offices/pup-2002?lang=en").body.string.contains("ul. Pogodna 63/1"))
        }
    }

    @Test func portalEditorsSetTheMainMenuAndTheHomePageBlocks() async throws {
        try await withTestApp { app in
            let ewa = try await TestStaff.create(app, email: "ewa@example.org", roles: [.officeEditor], scope: .offices(["pup-2002"]))
            #expect(try await ewa.signIn(app).get("/staff/content/home").status == .forbidden)
            let kraj = try await TestStaff.create(app, email: "kraj@example.org", roles: [.portalEditor], scope: .national)
            let a = try await kraj.signIn(app)
            #expect(try await a.post("/staff/content/pages", Self.page("o-nas", "O nas", body: "Sieć urzędów pracy w całej Polsce.", section: "portal"),
                                     csrfFrom: "/staff/content/pages/new").status == .seeOther)
            #expect(try await a.post("/staff/content/menus", ["section": "portal", "version": "0",
                                                              "item0_id": "", "item0_label_pl": "Oferty pracy", "item0_label_en": "Jobs", "item0_target": "/offers",
                                                              "item1_id": "", "item1_label_pl": "O nas", "item1_target": "/pages/o-nas"],
                                     csrfFrom: "/staff/content/menus?section=portal").status == .seeOther)
            let home = try await a.post("/staff/content/home", ["show_page:o-nas": "on", "position_page:o-nas": "1", "show_hotline": "on", "position_hotline": "2"],
                                        csrfFrom: "/staff/content/home")
            #expect(home.status == .seeOther)
            let page = try await Self.get(app, "/?lang=en").body.string
            #expect(page.contains(">Jobs</a>") && page.contains("href=\"/pages/o-nas\""))
            let about = try #require(page.range(of: "Sieć urzędów pracy")), hotline = try #require(page.range(of: "call-heading"))
            #expect(about.lowerBound < hotline.lowerBound, "the blocks in the chosen order")
            #expect(!page.contains("who-heading") && !page.contains("find-heading"), "hidden blocks are not shown")
            #expect(try await a.post("/staff/content/home?lang=en", [:], csrfFrom: "/staff/content/home").status == .badRequest)
        }
    }
}
