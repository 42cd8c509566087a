import Testing
import Foundation
@testable import Content

struct ForumRulesTests {
    @Test func personalDataIsSpottedAsPeopleWriteIt() {
        #expect(PersonalDataSpotter.find("Mój PESEL to 85031501234.") == [.pesel])
        #expect(PersonalDataSpotter.find("numer 85031501235").isEmpty, "a wrong checksum is no PESEL")
        for phone in ["600 100 200", "600-100-200", "+48 600100200", "tel. 600100200", "85 123 45 67"] {
            #expect(PersonalDataSpotter.find("zadzwoń: " + phone) == [.phone], "\(phone)")
        }
        for email in ["anna@example.org", "(jan.kowalski@poczta.pl)", "pisz: a.b-c@sub.example.com."] {
            #expect(PersonalDataSpotter.find(email) == [.email], "\(email)")
        }
        // Things that are not personal data: a postal code, a year, prices, an office's line, a handle.
        for text in ["15-371 Białystok", "w 2026 roku", "za 4 500 zł", "infolinia 19524", "@urzad na portalu", "wersja 1.2.3", "a@b"] {
            #expect(PersonalDataSpotter.find(text).isEmpty, "\(text)")
        }
    }

    @Test func categoriesAreNamedByTheirAddress() {
        for c in ForumCategory.shared + [.office("pup-2002"), .office("wup-20"), .office("uw-10")] {
            #expect(ForumCategory(slug: c.slug) == c)
        }
        for bad in ["", "threads", "PUP-2002", "pup-", "-2002", "pup-20x", "../etc", "pup-2002-1"] { #expect(ForumCategory(slug: bad) == nil, "\(bad)") }
        #expect(ForumCategory.office("pup-2002").officeID == "pup-2002" && ForumCategory.topic(.training).officeID == nil)
    }

    @Test func newMembersWaitAndFloodsAreCounted() {
        #expect(ForumRules.status(approvedPosts: 0) == .pending && ForumRules.status(approvedPosts: 2) == .pending)
        #expect(ForumRules.status(approvedPosts: 3) == .visible)
        let now = Date()
        let burst = (0..<ForumRules.postsPerWindow).map { now.addingTimeInterval(-Double($0) * 30) }
        #expect(ForumRules.floods(recent: burst, now: now))
        #expect(!ForumRules.floods(recent: Array(burst.dropLast()), now: now))
        let spread = (0..<ForumRules.postsPerWindow).map { now.addingTimeInterval(-Double($0 + 1) * 700) }
        #expect(!ForumRules.floods(recent: spread, now: now), "a few posts an hour are fine")
        #expect(ForumRules.floods(recent: (0..<ForumRules.postsPerDay).map { now.addingTimeInterval(-Double($0 + 1) * 1_000) }, now: now))
    }

    @Test func nicknamesAndDrafts() {
        #expect(ForumRules.nickname("  Anna   z  Białegostoku ") == "Anna z Białegostoku")
        for bad in ["ab", "12345", "<b>Anna</b>", "Anna\u{202E}", String(repeating: "a", count: 31)] { #expect(ForumRules.nickname(bad) == nil, "\(bad)") }
        #expect(ForumPostDraft(title: " Pytanie o staż ", body: " Treść. ").problems().isEmpty)
        #expect(ForumPostDraft(title: "Hej", body: "?").problems().map(\.key) == [ForumPostDraft.Problem.titleLength.rawValue, ForumPostDraft.Problem.bodyLength.rawValue])
        #expect(ForumPostDraft(title: nil, body: "!!! ???").problems().map(\.key) == [ForumPostDraft.Problem.noWords.rawValue])
    }
}
