import Testing
import Foundation
@testable import Storage
import Portal
import TextSearch
import Knowledge

/// The knowledge base in the database: ranking by field, what the public sees, optimistic
/// locking with every version kept, translations that fall behind their source.
@Suite(.serialized) struct KnowledgeBaseStoreTests {
    static let editor = UUID()

    @Test func questionsRankAboveTagsAboveAnswersAndThePublicSeesOnlyWhatIsPublishedForItsOffice() async throws {
        try await withTestDatabase(reference: true) { db in
            let store = KnowledgeBaseStore(db: db), a = Analyzer.best()
            let inAnswer = try await store.create(KBDraft(category: .benefits, title: "Co zrobić po utracie pracy?",
                                                          body: "Zarejestruj się w urzędzie; wtedy urząd ustali prawo do zasiłku."), status: .published, by: Self.editor, analyzer: a)
            let inTags = try await store.create(KBDraft(category: .benefits, title: "Ile wynosi świadczenie?", body: "Kwota zależy od stażu pracy.",
                                                        tags: ["zasiłek", "kwota"]), status: .published, by: Self.editor, analyzer: a)
            let inQuestion = try await store.create(KBDraft(category: .benefits, title: "Kto ma prawo do zasiłku dla bezrobotnych?",
                                                            body: "Osoba bezrobotna, która w ostatnich 18 miesiącach pracowała co najmniej 365 dni."),
                                                    status: .published, by: Self.editor, analyzer: a)
            _ = try await store.create(KBDraft(category: .benefits, title: "Zasiłek – projekt odpowiedzi", body: "Jeszcze nie gotowe, szkic."),
                                       status: .draft, by: Self.editor, analyzer: a)
            let local = try await store.create(KBDraft(category: .benefits, officeID: "pup-2002", title: "Zasiłek w PUP Białystok: pokój 12",
                                                       body: "Wnioski o zasiłek przyjmujemy w pokoju 12."), status: .published, by: Self.editor, analyzer: a)
            _ = try await store.create(KBDraft(category: .benefits, title: "Stary zasiłek przedemerytalny", body: "Zasady sprzed zmiany przepisów.",
                                               validUntil: Date().addingTimeInterval(-86_400)), status: .published, by: Self.editor, analyzer: a)

            // The shipped starter set is in the database too: only this test's entries are compared.
            let ours = Set(try await store.all(offices: nil).filter { $0.updatedBy == Self.editor }.map(\.id))
            #expect(ours.count == 6)
            let q = try a.query("zasiłek")
            let national = try await store.search(KBCriteria(query: q, language: "pl", perPage: 100), analyzer: a).items.filter { ours.contains($0.id) }
            #expect(national.map(\.id) == [inQuestion, inTags, inAnswer], "question > tags > answer; no draft, no office entry, nothing expired")
            let bialystok = try await store.search(KBCriteria(query: q, language: "pl", office: "pup-2002", perPage: 100), analyzer: a).items
                .filter { ours.contains($0.id) }
            #expect(bialystok.count == 4 && bialystok.first?.id == local, "the office's own entry has every word in its question")
            let staff = try await store.search(KBCriteria(query: q, language: "pl", staff: true, perPage: 100), analyzer: a).items.filter { ours.contains($0.id) }
            #expect(staff.count == 6, "staff see drafts, every office and expired entries")
            #expect(try await store.search(KBCriteria(query: q, language: "en"), analyzer: a).total == 0)
        }
    }

    @Test func aSecondEditorSavingAnOldCopyIsRefusedAndEveryVersionIsKept() async throws {
        try await withTestDatabase(reference: true) { db in
            let store = KnowledgeBaseStore(db: db), a = Analyzer.best()
            var d = KBDraft(category: .registration, title: "Jak zarejestrować się jako bezrobotny?", body: "Online przez praca.gov.pl albo w urzędzie.")
            let id = try await store.create(d, status: .draft, by: Self.editor, analyzer: a)
            d.body += " Zabierz dowód osobisty."
            #expect(try await store.update(id, d, status: .published, expectedVersion: 1, by: Self.editor, analyzer: a) == 2)
            let other = UUID()
            do {
                try await store.update(id, d, status: .published, expectedVersion: 1, by: other, analyzer: a)
                Issue.record("a stale copy must not overwrite")
            } catch KBStoreError.changedMeanwhile(let version, let by, _) {
                #expect(version == 2 && by == Self.editor)
            }
            let versions = try await store.versions(of: id)
            #expect(versions.map(\.version) == [2, 1] && versions.map(\.status) == [.published, .draft])
            #expect(versions.last?.draft.body == "Online przez praca.gov.pl albo w urzędzie.")
        }
    }

    @Test func aTranslationFallsBehindWhenItsSourceChangesAndKeepsItsSourceFromBeingDeleted() async throws {
        try await withTestDatabase(reference: true) { db in
            let store = KnowledgeBaseStore(db: db), a = Analyzer.best()
            var pl = KBDraft(category: .zielonaLinia, title: "W jakich godzinach działa Zielona Linia?", body: "Od poniedziałku do piątku, 8:00–18:00.")
            let source = try await store.create(pl, status: .published, by: Self.editor, analyzer: a)
            let uk = try await store.create(KBDraft(category: .zielonaLinia, language: "uk", title: "Коли працює Зелена лінія?",
                                                    body: "З понеділка по п’ятницю, 8:00–18:00."), status: .published, by: Self.editor, sourceID: source, analyzer: a)
            #expect(try await store.find(uk)?.sourceVersion == 1)
            await #expect(throws: KBStoreError.sourceMissing) {
                _ = try await store.create(KBDraft(category: .zielonaLinia, language: "en", title: "Orphan entry here", body: "No source at all."),
                                           status: .draft, by: Self.editor, sourceID: UUID(), analyzer: a)
            }
            pl.body += " W święta nieczynna."
            try await store.update(source, pl, status: .published, expectedVersion: 1, by: Self.editor, analyzer: a)
            let behind = try #require(try await store.find(uk))
            let updatedSource = try await store.find(source)
            #expect(behind.sourceVersion == 1 && updatedSource?.version == 2, "out of date")
            await #expect(throws: KBStoreError.hasTranslations(1)) { try await store.delete(source) }
            try await store.delete(uk)
            try await store.delete(source)
            #expect(try await store.find(source) == nil)
        }
    }
}
