import Testing
@testable import Reporting

struct VisitRulesTests {
    @Test func robotsAndScriptsAreNotVisitors() {
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
        #expect(!VisitRules.isRobot(userAgent: chrome))
        for ua in [nil, "", "curl/8.5.0", "python-requests/2.32", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                   "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/131.0", "facebookexternalhit/1.1"] {
            #expect(VisitRules.isRobot(userAgent: ua), "\(ua ?? "nil")")
        }
    }

    @Test func doNotTrackAndGlobalPrivacyControlAreRespected() {
        #expect(VisitRules.optedOut(dnt: "1", gpc: nil) && VisitRules.optedOut(dnt: nil, gpc: "1"))
        #expect(!VisitRules.optedOut(dnt: "0", gpc: nil) && !VisitRules.optedOut(dnt: nil, gpc: nil))
    }

    @Test func onlyPublicPagesCountAndKeysInPathsAreNotKept() {
        for p in ["/", "/offers", "/offers/abc", "/faq", "/offices/pup-2002", "/foreigners/work-declaration"] { #expect(VisitRules.counts(path: p), "\(p)") }
        for p in ["/staff/home", "/desktop", "/api/v1/offers", "/account", "/account/cvs", "/employer/offers", "/healthz", "/sw.js",
                  "/assets/site.css", "/assets/app-192.png", "/cv-factory/status/x.y", "/survey/abc"] {
            #expect(!VisitRules.counts(path: p), "\(p)")
        }
        #expect(VisitRules.page(of: "/offers/?q=kierowca") == "/offers")
        #expect(VisitRules.page(of: "/foreigners/work-declaration/drafts/SECRETTOKEN/steps/2") == "/foreigners/work-declaration/drafts")
        #expect(VisitRules.section(of: "/") == "home" && VisitRules.section(of: "/offers/abc") == "offers")
        #expect(VisitRules.section(of: "/offices/pup-2002") == "office:pup-2002" && VisitRules.section(of: "/offices") == "offices")
    }

    @Test func referrersAreOtherSitesByHost() {
        #expect(VisitRules.referrer("https://www.google.com/search?q=praca", ownHost: "zielonalinia.gov.pl") == "google.com")
        #expect(VisitRules.referrer("https://zielonalinia.gov.pl/offers", ownHost: "zielonalinia.gov.pl") == nil)
        #expect(VisitRules.referrer("https://www.zielonalinia.gov.pl/", ownHost: "zielonalinia.gov.pl") == nil)
        #expect(VisitRules.referrer("not a url", ownHost: "x") == nil && VisitRules.referrer(nil, ownHost: "x") == nil)
    }
}
