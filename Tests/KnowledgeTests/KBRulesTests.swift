import Testing
import Foundation
import TextSearch
@testable import Knowledge

@Suite struct KBRulesTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let analyzer = Analyzer(stemmer: NoDictionary())

    func entry(_ title: String, tags: [String] = [], body: String = "Treść odpowiedzi na pytanie.", office: String? = nil,
               status: KBStatus = .published, from: Date? = nil, until: Date? = nil, helpful: (Int, Int) = (0, 0),
               updated: TimeInterval = 0) -> StoredKB {
        StoredKB(id: UUID(), draft: KBDraft(category: .registration, officeID: office, title: title, body: body, tags: tags,
                                            validFrom: from, validUntil: until),
                 status: status, version: 1, updatedAt: now.addingTimeInterval(updated), updatedBy: UUID(),
                 helpfulYes: helpful.0, helpfulNo: helpful.1)
    }

    @Test func visitorsSeePublishedCurrentEntriesOfTheNationAndTheirOffice() {
        let visitor = KBAudience.visitor(office: "pup-2002")
        #expect(visitor.admits(entry("Rejestracja"), now: now))
        #expect(visitor.admits(entry("Rejestracja w Białymstoku", office: "pup-2002"), now: now))
        #expect(!visitor.admits(entry("Rejestracja w Łodzi", office: "pup-1061"), now: now), "another office's entry")
        #expect(!visitor.admits(entry("Szkic", status: .draft), now: now))
        #expect(!visitor.admits(entry("Wygasłe", until: now.addingTimeInterval(-1)), now: now))
        #expect(!visitor.admits(entry("Przyszłe", from: now.addingTimeInterval(60)), now: now))
        #expect(!KBAudience.visitor(office: nil).admits(entry("Lokalne", office: "pup-2002"), now: now), "no office: national only")
    }

    @Test func staffSeeEveryStateAndDateWithinTheirOffice() {
        let staff = KBAudience.staff(office: "pup-2002")
        #expect(staff.admits(entry("Szkic", status: .draft, until: now.addingTimeInterval(-1)), now: now))
        #expect(!staff.admits(entry("Łódź", office: "pup-1061"), now: now))
        #expect(KBAudience.staff(office: nil).admits(entry("Łódź", office: "pup-1061"), now: now))
    }

    @Test func aMatchInTheQuestionRanksAboveTagsAboveTheAnswerThenHelpfulThenNewest() throws {
        let query = try analyzer.query("zasiłek")
        let inAnswer = entry("Co po utracie pracy?", body: "Przysługuje zasiłek dla bezrobotnych.", helpful: (9, 0))
        let inTags = entry("Pieniądze po utracie pracy", tags: ["zasiłek"])
        let inTitle = entry("Zasiłek dla bezrobotnych")
        let inTitleHelpful = entry("Jak dostać zasiłek", helpful: (3, 1))
        let inTitleNewer = entry("Zasiłek: terminy", updated: 60)
        let order = KBRanking.order([inAnswer, inTags, inTitle, inTitleHelpful, inTitleNewer], query: query, analyzer: analyzer)
        #expect(order.map(\.id) == [inTitleHelpful.id, inTitleNewer.id, inTitle.id, inTags.id, inAnswer.id])
        #expect(KBRanking.order([inAnswer, inTags], query: nil, analyzer: analyzer).first?.id == inAnswer.id,
                "without a query, the most helpful first")
    }
}
