import Testing
import Foundation
import TestSupport
import Knowledge
@testable import Content

@Suite struct ThemeContrastTests {
    @Test func contrastFollowsWCAG() {
        let white = Contrast.RGB(hex: "#fff")!, black = Contrast.RGB(hex: "#000000")!
        #expect(abs(Contrast.ratio(white, black) - 21) < 0.001)
        // #767676 is the lightest grey that passes on white; #777777 just fails.
        #expect(Contrast.ratio(Contrast.RGB(hex: "#767676")!, white) >= 4.5)
        #expect(Contrast.ratio(Contrast.RGB(hex: "#777777")!, white) < 4.5)
        #expect(Contrast.text(4.4799) == "4.47")
        #expect(Contrast.RGB(hex: "#ABC")?.hex == "#aabbcc")
        #expect(Contrast.RGB(hex: "red") == nil && Contrast.RGB(hex: "#12345g") == nil && Contrast.RGB(hex: "#1234") == nil)
    }

    @Test func theStandardThemePasses() {
        #expect(SiteTheme.standard.problems().isEmpty)
    }

    @Test func aFailingPairIsNamed() {
        var theme = SiteTheme.standard
        theme.colours.brand = "#77aa77"
        let problems = theme.problems()
        #expect(problems.contains { if case .contrast("on_brand", "brand", let r) = $0 { r < 4.5 } else { false } })
        #expect(problems.contains { if case .contrast("brand", "background", _) = $0 { true } else { false } })
        #expect(!problems.contains { if case .contrast("ink", "background", _) = $0 { true } else { false } })
        theme.colours.ink = "javascript:alert(1)"
        #expect(theme.problems().contains(.notAColour(field: "ink")))
    }

    @Test func onlyNormalisedColoursReachTheStylesheet() {
        var theme = SiteTheme.standard
        theme.colours = SiteTheme.Colours(brand: " #0B5D1E ", brandDark: "#073d14", onBrand: "#FFF", ink: "#1a1a1a", muted: "#4a4a4a",
                                          background: "#ffffff", soft: "#eef5ef").normalised()
        #expect(theme.css.contains("--green: #0b5d1e;") && theme.css.contains("--on-brand: #ffffff;"))
    }
}

@Suite struct NewsRulesTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func draft(alt: String = "", expires: Date? = nil) -> NewsDraft {
        NewsDraft(language: "pl", title: "Targi pracy w Łodzi", lead: "Zapraszamy na targi pracy w hali sportowej.", body: "Treść.",
                  scope: .office("pup-1061"), publishAt: now, expiresAt: expires, imageAlt: alt)
    }

    @Test func anImageNeedsWordsSayingWhatItShows() {
        #expect(draft().problems(hasImage: false).isEmpty)
        #expect(draft().problems(hasImage: true).map(\.key) == ["news.error.alt_missing"])
        #expect(draft(alt: "IMG_2041.JPG").problems(hasImage: true).map(\.key) == ["news.error.alt_filename"])
        #expect(draft(alt: "zdjęcie").problems(hasImage: true).map(\.key) == ["news.error.alt_placeholder"])
        #expect(draft(alt: "Stoiska pracodawców w hali, w kolejce kilkanaście osób").problems(hasImage: true).isEmpty)
    }

    @Test func expiryComesAfterPublishing() {
        #expect(draft(expires: now).problems(hasImage: false).map(\.field) == ["expires_at"])
        #expect(draft(expires: now.addingTimeInterval(60)).problems(hasImage: false).isEmpty)
    }

    func item(_ language: String, source: UUID? = nil, id: UUID = UUID(), at offset: TimeInterval, status: NewsStatus = .published,
              expires: TimeInterval? = nil) -> NewsItem {
        var d = draft()
        d.language = language; d.publishAt = now.addingTimeInterval(offset); d.expiresAt = expires.map(now.addingTimeInterval)
        return NewsItem(id: id, draft: d, status: status, version: 1, sourceID: source, sourceVersion: 1, voivodeship: "10", image: nil,
                        updatedAt: now, updatedBy: UUID())
    }

    @Test func readersGetTheirLanguageOrThePolishSourceAndOnlyWhatIsLive() {
        let a = UUID(), b = UUID()
        let items = [item("pl", id: a, at: -100), item("uk", source: a, at: -100), item("pl", id: b, at: -50),
                     item("pl", at: 100), item("pl", at: -200, expires: -1), item("pl", at: -10, status: .review)]
        let shown = NewsSelection.inLanguage(items, "uk", now: now)
        #expect(shown.map(\.draft.language) == ["pl", "uk"])
        #expect(shown.map(\.groupID) == [b, a])
        #expect(NewsSelection.inLanguage(items, "en", now: now).map(\.draft.language) == ["pl", "pl"])
    }

    @Test func closedZonesAdmitTheirOwn() {
        #expect(ContentAudience.visible(to: .anonymous) == [.everyone])
        #expect(ContentAudience.visible(to: .seeker) == [.everyone, .seekers])
        #expect(ContentAudience.visible(to: .employer) == [.everyone, .employers])
        #expect(ContentAudience.visible(to: .staff) == ContentAudience.allCases)
    }

    @Test func scopesNeedTheirCode() {
        #expect(NewsScope(kind: "voivodeship", code: "10") == .voivodeship("10"))
        #expect(NewsScope(kind: "voivodeship", code: "1") == nil)
        #expect(NewsScope(kind: "office", code: "") == nil)
        #expect(NewsScope(kind: "national", code: "x") == .national)
    }

    @Test func partnersLinkOnlyToWebAddresses() {
        #expect(PartnerDraft(name: "ZUS", url: "https://www.zus.pl").problems().isEmpty)
        #expect(PartnerDraft(name: "ZUS", url: "javascript:alert(1)").problems().map(\.field) == ["url"])
        #expect(PartnerDraft(name: "ZUS", url: "/partners").problems().map(\.field) == ["url"])
    }
}

@Suite struct ContentImageTests {
    @Test func formatAndSizeComeFromTheBytes() throws {
        let png = TestPNG.make(width: 40, height: 30)
        #expect(ContentImage.format(of: png) == .png)
        #expect(ContentImage.dimensions(of: png, format: .png)! == (40, 30))
        // A JPEG's size is in its start-of-frame segment, after the others.
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03] + [UInt8](repeating: 0, count: 12))
        #expect(ContentImage.dimensions(of: jpeg, format: .jpeg)! == (640, 480))
        #expect(ContentImage.format(of: Data("<svg onload=alert(1)>".utf8)) == nil)
    }

    @Test func uploadsAreRefusedForWhatTheyAre() {
        func problem(_ data: Data, scaler: (any ImageScaler)? = GDImageScaler()) -> ContentImage.Problem? {
            do { _ = try ContentImage.prepare(data, maxWidth: 800, maxHeight: 800, scaler: scaler); return nil } catch { return error }
        }
        #expect(problem(Data("GIF89a".utf8)) == .notAnImage)
        #expect(problem(TestPNG.header(width: 30_000, height: 30_000)) == .tooManyPixels)
        #expect(problem(TestPNG.make(width: 8, height: 8)) == .tooSmall)
        #expect(problem(Data(count: ContentImage.maxBytes + 1)) == .tooBig)
        // Without a library a picture larger than the box cannot be made smaller: refused, not stored big.
        #expect(problem(TestPNG.make(width: 900, height: 20), scaler: nil) == .tooManyPixels)
        #expect(problem(TestPNG.make(width: 100, height: 20), scaler: nil) == nil)
    }

    @Test func libgdScalesAndRefusesWhatDoesNotDecode() throws {
        let scaler = try #require(GDImageScaler(), "libgd3 is installed by .ci/run")
        let big = TestPNG.make(width: 1600, height: 400)
        let prepared = try ContentImage.prepare(big, maxWidth: 800, maxHeight: 800, scaler: scaler)
        #expect((prepared.width, prepared.height) == (800, 200))
        #expect(ContentImage.dimensions(of: prepared.data, format: .png)! == (800, 200))
        #expect(prepared.data.count < big.count)
        #expect(throws: ContentImage.Problem.damaged) { try ContentImage.prepare(TestPNG.header(width: 100, height: 100), maxWidth: 800, maxHeight: 800, scaler: scaler) }
    }
}

@Suite struct PollRulesTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func poll(multiple: Bool = false, voters: PollDraft.Voters = .anyone, results: PollDraft.Results = .afterVoting) -> PollDraft {
        PollDraft(section: .portal, question: ["pl": "Jak się z nami kontaktujesz?", "uk": "Як ви з нами зв’язуєтеся?"],
                  options: [["pl": "Telefon"], ["pl": "Czat", "uk": "Чат"], ["pl": "Osobiście"]], multiple: multiple,
                  opensAt: now.addingTimeInterval(-60), closesAt: now.addingTimeInterval(3600), voters: voters, results: results)
    }

    @Test func aBallotCountsOnlyWhatThePollAllows() throws {
        #expect(try poll().ballot([1], signedIn: false, now: now) == [1])
        #expect(throws: PollDraft.BallotProblem.oneOnly) { try poll().ballot([0, 1], signedIn: false, now: now) }
        #expect(try poll(multiple: true).ballot([2, 0, 2], signedIn: false, now: now) == [0, 2])
        #expect(throws: PollDraft.BallotProblem.unknownOption) { try poll().ballot([3], signedIn: false, now: now) }
        #expect(throws: PollDraft.BallotProblem.nothingChosen) { try poll().ballot([], signedIn: false, now: now) }
        #expect(throws: PollDraft.BallotProblem.signInFirst) { try poll(voters: .signedIn).ballot([0], signedIn: false, now: now) }
        #expect(throws: PollDraft.BallotProblem.notOpen) { try poll().ballot([0], signedIn: true, now: now.addingTimeInterval(7200)) }
    }

    @Test func resultsShowWhenThePollSays() {
        #expect(!poll().showsResults(hasVoted: false, now: now) && poll().showsResults(hasVoted: true, now: now))
        #expect(!poll(results: .afterClosing).showsResults(hasVoted: true, now: now))
        #expect(poll(results: .afterClosing).showsResults(hasVoted: false, now: now.addingTimeInterval(3600)))
    }

    @Test func textsFallBackToPolishAndSharesAreOfVoters() {
        #expect(poll().question("uk") == "Як ви з нами зв’язуєтеся?" && poll().option(0, "uk") == "Telefon" && poll().option(1, "uk") == "Чат")
        #expect(PollTally(votes: [2, 1, 0], voters: 3).percents == [67, 33, 0])
        #expect(PollTally(votes: [0, 0], voters: 0).percents == [0, 0])
        var bad = poll()
        bad.options = [["pl": "Tak"]]
        bad.closesAt = bad.opensAt
        #expect(Set(bad.problems().map(\.field)) == ["options", "closes_at"])
    }
}

@Suite struct MenuTreeTests {
    @Test func aMenuThatWouldLoopOrGoTooDeepIsRefused() throws {
        let a = MenuItem(labels: ["pl": "A"], target: "/pages/a"), b = MenuItem(parentID: a.id, labels: ["pl": "B"], target: "/pages/b")
        let tree = try MenuTree([b, a])
        #expect(tree.roots.map(\.item.id) == [a.id] && tree.roots[0].children.map(\.item.id) == [b.id])
        var loopA = a
        loopA.parentID = b.id
        #expect(throws: MenuTree.Problem.loop(loopA.id)) { try MenuTree([loopA, b]) }
        let c = MenuItem(parentID: b.id, labels: ["pl": "C"], target: "/pages/c"), d = MenuItem(parentID: c.id, labels: ["pl": "D"], target: "/pages/d")
        #expect(throws: MenuTree.Problem.tooDeep(d.id)) { try MenuTree([a, b, c, d]) }
        #expect(throws: MenuTree.Problem.target(a.id)) { try MenuTree([MenuItem(id: a.id, labels: ["pl": "A"], target: "javascript:alert(1)")]) }
        #expect(throws: MenuTree.Problem.target(a.id)) { try MenuTree([MenuItem(id: a.id, labels: ["pl": "A"], target: "//evil.example/x")]) }
        #expect(throws: MenuTree.Problem.missingParent(b.id)) { try MenuTree([b]) }
    }

    @Test func linksToClosedPagesBecomeText() {
        let blocks = KBMarkup.parse("Zobacz [spotkania](/offices/pup-2002/pages/spotkania) i [godziny](/pages/godziny).")
        #expect(PageLinks.targets(blocks) == ["/offices/pup-2002/pages/spotkania", "/pages/godziny"])
        let shown = PageLinks.hiding(blocks, ["/offices/pup-2002/pages/spotkania"])
        #expect(PageLinks.targets(shown) == ["/pages/godziny"])
        #expect(KBMarkup.plainText("[x](//evil.example)") == "[x](//evil.example)", "a protocol-relative address is not a link")
    }
}
