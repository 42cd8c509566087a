import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Storage
import Access

/// A crawl as a seeker, an employer, an administrator and an anonymous visitor: every page the
/// route table and the pages' links reach, every query parameter the forms name, and every form
/// submitted with a marker holding `"'<>&` in its text fields. Wherever the marker comes back —
/// reflected or stored (CVs, companies, offers, events, articles, clients) — it must be escaped,
/// and an edit form must give it back exactly as it was typed.
@Suite(.serialized) struct MarkupEscapingTests {
    static let marker = "ZLMARK\"'<>&"

    /// What the crawl saw, for the assertions at the end.
    final class Findings: @unchecked Sendable {
        var pages = 0, markerPages = 0, roundTrips = 0, forms = 0
        var problems: [String] = []
        /// Same-site links seen on the pages, each followed once at the end: none may be a 404.
        var links: [String: String] = [:]
        var linksChecked: Set<String> = []
    }

    /// Actions that would end the walk's session or account, or need a second device.
    static let skipped = ["logout", "sign-out", "everywhere", "delete", "password", "two-factor", "erase", "revoke", "deactivate", "/login"]

    static func check(_ html: String, at path: String, status: HTTPStatus = .ok, _ found: Findings) {
        found.pages += 1
        // A list of facts never names two facts alike (the account page once labelled two "E-mail address").
        for dl in HTMLScan.elements("dl", in: html) {
            let terms = HTMLScan.elements("dt", in: String(dl.inner)).map { HTMLScan.text($0.inner) }
            if let twice = Dictionary(grouping: terms, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
                found.problems.append("\(path): two facts labelled \(twice.debugDescription)")
            }
        }
        // The links of the pages that are there (an error page links to itself in other languages).
        if status.code < 400 { for link in HTMLScan.links(in: html) where found.links[link] == nil { found.links[link] = path } }
        var rest = html[...]
        var seen = false
        while let r = rest.range(of: "ZLMARK") {
            seen = true
            let next = rest[r.upperBound...].prefix(10)
            if let c = next.first, "\"'<>".contains(c) { found.problems.append("\(path): raw marker …\(next)") }
            if next.hasPrefix("&amp;quot;") || next.hasPrefix("&amp;#39;") { found.problems.append("\(path): escaped twice …\(next)") }
            rest = rest[r.upperBound...]
        }
        guard seen else { return }
        found.markerPages += 1
        // What a form gives back must be what was typed, whole.
        for form in HTMLScan.forms(in: html) {
            for field in form.fields where field.value.contains("ZLMARK") && field.type != "hidden" {
                if field.value.contains(marker) { found.roundTrips += 1 } else {
                    found.problems.append("\(path): field \(field.name) gives back \(field.value.debugDescription)")
                }
            }
        }
    }

    /// A plausible value for a field that is validated, so the form stores its free text.
    static func plausible(_ field: HTMLScan.Field, _ n: Int) -> String? {
        let day = OfferJSON.dayFormatter.string(from: Date().addingTimeInterval(30 * 86_400))
        switch field.type {
        case "email": return "crawl\(n)@example.org"
        case "tel": return "600100200"
        case "number": return field.value.isEmpty ? "2" : field.value
        case "date": return day
        case "time": return "10:00"
        case "datetime-local": return day + "T10:00"
        case "url": return "https://example.org/zl"
        default: break
        }
        let name = field.name.lowercased()
        let known: [(String, String)] = [("postal", "15-371"), ("nip", "5260250274"), ("regon", "123456785"), ("pesel", "44051401458"),
                                          ("phone", "600100200"), ("occupation", "721204"), ("wage", "6000"), ("experience", "12"),
                                          ("positions", "2"), ("languages", "en:B2"), ("country", "PL"), ("house", "3a"),
                                          ("valid", day), ("date", day), ("starts", day), ("ends", day), ("email", "crawl\(n)@example.org"),
                                          ("code", "pup-2002"), ("office", "pup-2002"), ("hours", "8"), ("capacity", "20")]
        return known.first { name.contains($0.0) }?.1
    }

    /// The form's fields as a browser would send them; text fields hold the marker (all of them,
    /// or only the free-text ones when `careful`).
    static func fill(_ form: HTMLScan.Form, careful: Bool, _ n: Int) -> [String: String] {
        var out: [String: String] = [:]
        for field in form.fields {
            switch field.type {
            case "hidden", "submit": out[field.name] = field.value
            case "checkbox", "radio": if field.checked || out[field.name] == nil && field.type == "radio" { out[field.name] = field.value.isEmpty ? "on" : field.value }
            case "select": out[field.name] = field.value
            case "file", "password": break
            default:
                if careful, let p = plausible(field, n) { out[field.name] = p } else { out[field.name] = field.value.contains("ZLMARK") ? field.value : marker }
            }
        }
        return out
    }

    static func visit(_ browser: FormClient, _ path: String, _ found: Findings) async throws -> String? {
        let res = try await browser.get(path)
        if let location = res.headers.first(name: .location), (300..<400).contains(res.status.code), location.hasPrefix("/") {
            return try await visit(browser, location, found)
        }
        guard res.headers.contentType?.subType == "html" else { return nil }
        let html = res.body.string
        check(html, at: path, status: res.status, found)
        return html
    }

    /// Pages reachable as `browser`: the static GET routes, then links, one of each route shape;
    /// with `queryNames`, every static page again with each of them set to the marker.
    static func crawl(_ app: Application, _ browser: FormClient, _ found: Findings, queryNames: Set<String> = []) async throws -> [String: String] {
        let statics = app.routes.all.filter { $0.method == .GET && $0.path.allSatisfy { if case .constant = $0 { true } else { false } } }
            .map { "/" + $0.path.map(\.description).joined(separator: "/") }
            .filter { !$0.hasSuffix("/ws") && !skipped.contains(where: $0.contains) }
        var queue = statics, seenShapes: [String: Int] = [:], pages: [String: String] = [:]
        while let path = queue.first, pages.count < 400 {
            queue.removeFirst()
            let bare = String(path.prefix { $0 != "?" && $0 != "#" })
            let shape = bare.split(separator: "/").map { $0.contains(where: \.isNumber) ? ":id" : String($0) }.joined(separator: "/")
            guard pages[bare] == nil, seenShapes[shape, default: 0] < 1, !skipped.contains(where: bare.contains) else { continue }
            seenShapes[shape, default: 0] += 1
            guard let html = try await visit(browser, bare, found) else { pages[bare] = ""; continue }
            pages[bare] = html
            queue += HTMLScan.links(in: html)
        }
        guard !queryNames.isEmpty else { return pages }
        let query = queryNames.sorted().map { "\($0)=\(marker.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }.joined(separator: "&")
        for path in statics { _ = try await visit(browser, path + "?" + query, found) }
        return pages
    }

    static func submitForms(_ browser: FormClient, pages: [String: String], _ found: Findings) async throws {
        var done = Set<String>(), n = 0
        for (path, html) in pages.sorted(by: { $0.key < $1.key }) {
            for form in HTMLScan.forms(in: html) {
                let action = form.action.isEmpty ? path : form.action
                guard action.hasPrefix("/"), !skipped.contains(where: action.contains), done.insert(form.method + action).inserted else { continue }
                found.forms += 1
                for careful in [false, true] {
                    n += 1
                    let fields = fill(form, careful: careful, n)
                    if form.method == "get" {
                        var c = URLComponents(string: action)!
                        c.queryItems = fields.map { URLQueryItem(name: $0.key, value: $0.value) }
                        _ = try await visit(browser, c.string!, found)
                        continue
                    }
                    var result: TestingHTTPResponse?
                    try await browser.app.testing().test(.POST, action, headers: browser.cookieHeader, beforeRequest: { req in
                        try req.content.encode(fields, as: .urlEncodedForm)
                    }) { result = $0 }
                    browser.remember(result!)
                    if let location = result!.headers.first(name: .location), location.hasPrefix("/") {
                        _ = try await visit(browser, location, found)
                    } else if result!.headers.contentType?.subType == "html" {
                        if result!.status.code >= 500 { found.problems.append("POST \(action) → \(result!.status.code)") }
                        check(result!.body.string, at: "POST \(action)", status: result!.status, found)
                    }
                }
            }
        }
    }

    /// Every same-site link seen so far, followed: a link to a page that is not there is a defect
    /// (the IVR editor once linked its first step with the "(start)" label in the path).
    static func followLinks(_ browser: FormClient, _ found: Findings) async throws {
        for (link, from) in found.links.sorted(by: { $0.key < $1.key }) where !found.linksChecked.contains(link) {
            found.linksChecked.insert(link)
            let bare = String(link.prefix { $0 != "#" })
            // /dev/mail answers the machine itself only.
            guard !skipped.contains(where: bare.contains), !bare.hasSuffix("/ws"), !bare.hasPrefix("/dev/") else { continue }
            let res = try await browser.get(bare)
            if res.status == .notFound { found.problems.append("\(from) links to \(link), which is not there (404)") }
            if res.status.code >= 500 { found.problems.append("\(from) links to \(link): \(res.status.code)") }
        }
    }

    static func queryNames(_ pages: [String: String]) -> Set<String> {
        var names: Set<String> = ["q", "token", "notice", "error", "next", "page", "sort", "lang"]
        for html in pages.values { for form in HTMLScan.forms(in: html) where form.method == "get" { names.formUnion(form.fields.map(\.name)) } }
        return names
    }

    @Test func theMarkerComesBackEscapedEverywhereAndWholeFromEditForms() async throws {
        try await withTestApp { app in
            let found = Findings()
            let seeker = FormClient(app)
            _ = try await seeker.post("/register", AccountTests.goodForm)
            _ = try await seeker.post("/login", ["email": "anna.nowak@example.org", "password": AccountTests.goodForm["password"]!])
            let employer = try await OfferFlowTests.employer(app, email: "szef@stalmet.pl", nip: "5260250274")
            let company = try #require(try await EmployerStore(db: app.db).unverified(offices: nil).first)
            try await EmployerStore(db: app.db).verify(company: company.id, byOffice: "pup-2002")
            let admin = try await TestStaff.create(app, email: "root@example.org", roles: Set(StaffRole.allCases), scope: .national).signIn(app)

            for (identity, browser) in [("seeker", seeker), ("employer", employer), ("administrator", admin), ("anonymous", FormClient(app))] {
                let pages = try await Self.crawl(app, browser, found)
                // The links are followed before the forms change what they lead to.
                try await Self.followLinks(browser, found)
                found.links = [:]; found.linksChecked = []
                try await Self.submitForms(browser, pages: pages, found)
                found.links = [:]
                // Again, now that the forms have stored the marker (lists, detail pages, edit
                // forms), and with the marker in every query parameter the forms name.
                _ = try await Self.crawl(app, browser, found, queryNames: Self.queryNames(pages))
                try await Self.followLinks(browser, found)
                found.links = [:]; found.linksChecked = []
                print("markup crawl [\(testDatabaseKind)] after \(identity): \(found.pages) pages, \(found.forms) forms, marker on \(found.markerPages), \(found.roundTrips) round trips")
            }
            #expect(found.problems.isEmpty, "\(found.problems.prefix(40).joined(separator: "\n"))")
            #expect(found.forms > 30, "the crawl submits the site's forms")
            #expect(found.markerPages > 50, "the marker is reflected and stored")
            #expect(found.roundTrips > 10, "edit forms give the marker back")
        }
    }
}
