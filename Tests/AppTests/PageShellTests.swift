import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App

@Suite(.serialized) struct PageShellTests {
    @Test func homePageInEveryLanguageHasTheShell() async throws {
        try await withTestApp { app in
            for (lang, phrase) in [("pl", "Przejdź do treści"), ("en", "Skip to content"), ("ru", "Перейти к содержанию"), ("uk", "Перейти до змісту")] {
                try await app.testing().test(.GET, "/?lang=\(lang)") { res in
                    #expect(res.status == .ok)
                    let html = res.body.string
                    #expect(html.contains("<html lang=\"\(lang)\">"))
                    #expect(html.contains("<a class=\"skip-link\" href=\"#main\">\(phrase)</a>"))
                    #expect(html.contains("<main id=\"main\""))
                    #expect(html.contains("href=\"tel:19524\""))
                    #expect(html.contains("<nav"))
                    #expect(html.contains("<footer"))
                    #expect(html.components(separatedBy: "<h1").count == 2, "exactly one h1")
                    for other in ["pl", "en", "ru", "uk"] { #expect(html.contains("hreflang=\"\(other)\"")) }
                }
            }
        }
    }

    @Test func languageChoiceIsRememberedInACookie() async throws {
        try await withTestApp { app in
            var cookie: HTTPCookies.Value? = nil
            try await app.testing().test(.GET, "/contact?lang=uk") { res in
                #expect(res.body.string.contains("<html lang=\"uk\">"))
                cookie = res.headers.setCookie?["lang"]
                #expect(cookie?.string == "uk")
                #expect(cookie?.isHTTPOnly == true)
                #expect(cookie?.sameSite == .lax)
            }
            var headers = HTTPHeaders()
            headers.cookie = HTTPCookies(dictionaryLiteral: ("lang", HTTPCookies.Value(string: "uk")))
            headers.add(name: .acceptLanguage, value: "en")
            try await app.testing().test(.GET, "/offices", headers: headers) { res in
                #expect(res.body.string.contains("<html lang=\"uk\">"), "the cookie wins over Accept-Language")
            }
        }
    }

    @Test func acceptLanguagePicksTheLanguageWithoutACookie() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/", headers: ["Accept-Language": "ru-RU,ru;q=0.9"]) { res in
                #expect(res.body.string.contains("<html lang=\"ru\">"))
                #expect(res.headers.first(name: .contentLanguage) == "ru")
            }
        }
    }

    @Test func notFoundPageIsInTheVisitorsLanguage() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/no-such-page", headers: ["Accept-Language": "uk"]) { res in
                #expect(res.status == .notFound)
                #expect(res.headers.contentType == .html)
                #expect(res.body.string.contains("Сторінку не знайдено"))
                #expect(res.body.string.contains("<html lang=\"uk\">"))
            }
        }
    }

    @Test func unknownAPIPathIsProblemJSON() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/api/v1/nothing-here") { res in
                #expect(res.status == .notFound)
                #expect(res.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true)
                let body = try res.json() as? [String: Any]
                #expect(body?["status"] as? Int == 404)
                #expect(body?["title"] as? String != nil)
            }
        }
    }

    @Test func securityHeadersAreOnEveryResponse() async throws {
        try await withTestApp { app in
            for path in ["/", "/api/v1/offices/pup-2002", "/nope"] {
                try await app.testing().test(.GET, path) { res in
                    let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
                    #expect(csp.contains("frame-ancestors 'none'"))
                    #expect(csp.contains("script-src 'self'"))
                    #expect(!csp.contains("unsafe-inline"))
                    #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                    #expect(res.headers.first(name: "Referrer-Policy") == "strict-origin-when-cross-origin")
                }
            }
        }
    }

    @Test func accessibilityStatementHasTheGovPlStructure() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/accessibility?lang=pl") { res in
                let html = res.body.string
                for id in ["a11y-wstep", "a11y-podmiot", "a11y-url", "a11y-data-publikacja", "a11y-data-aktualizacja", "a11y-status",
                           "a11y-data-sporzadzenie", "a11y-ocena", "a11y-kontakt", "a11y-osoba", "a11y-email", "a11y-telefon",
                           "a11y-procedura", "a11y-architektura", "a11y-aplikacje"] {
                    #expect(html.contains("id=\"\(id)\""), "\(id)")
                }
                #expect(html.contains("Deklaracja dostępności"))
            }
        }
    }

    @Test func healthAndMetrics() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "/healthz") { res in
                #expect(res.status == .ok)
                let body = try res.json() as? [String: Any]
                #expect(body?["status"] as? String == "ok")
                #expect((body?["database"] as? [String: Any])?["status"] as? String == "ok")
                #expect((body?["database"] as? [String: Any])?["driver"] as? String == testDatabaseKind)
            }
            try await app.testing().test(.GET, "/metrics") { res in
                let text = res.body.string
                #expect(text.contains("zielona_http_requests_total{"))
                #expect(text.contains("route=\"/healthz\""))
                #expect(text.contains("zielona_http_request_duration_seconds_bucket"))
                #expect(text.contains("zielona_db_pool_max_connections"))
                #expect(text.contains("zielona_db_up 1"))
            }
        }
    }
}
