import Testing
import Foundation
import FluentKit
import SQLKit
@testable import Storage
import Portal

/// CVs shared before matching existed get what matching reads when the migration runs: the
/// coordinates of their postal code, their licences as a mask, their languages with levels.
struct MatchingColumnsTests {
    @Test func cvsSharedBeforeMatchingAreFilledByTheMigration() async throws {
        try await withTestDatabase(reference: true) { db in
            try await M047_AddMatching().revert(on: db)
            let sql = db as! any SQLDatabase
            let account = UUID(), cv = UUID(), now = Date()
            try await sql.insert(into: "accounts").columns("id", "kind", "email", "password_hash", "language", "created_at", "updated_at", "session_epoch")
                .values(SQLBind(account), SQLBind("seeker"), SQLBind("a@example.org"), SQLBind("x"), SQLBind("pl"), SQLBind(now), SQLBind(now), SQLBind(0)).run()
            let draft = CVDraft(title: "Stare", desiredJob: "Kierowca", occupationCode: "833203", postalCode: "15-371",
                                languages: [.init(language: "de", level: .b1)], licences: "prawo jazdy kat. C+E", shared: [.desired, .languages, .licences])
            try await sql.insert(into: "cvs").columns("id", "account_id", "title", "content", "created_at", "updated_at")
                .values(SQLBind(cv), SQLBind(account), SQLBind("Stare"), SQLBind(try CVStore.json(draft)), SQLBind(now), SQLBind(now)).run()
            try await sql.insert(into: "cv_candidates").columns("cv_id", "shared", "occupation_code", "updated_at")
                .values(SQLBind(cv), SQLBind("{}"), SQLBind("833203"), SQLBind(now)).run()
            try await M047_AddMatching().prepare(on: db)
            let profiles = try await MatchStore(db: db).candidates()
            let p = try #require(profiles.first { $0.id == cv })
            #expect(abs(Double(p.latitude) - 53.13) < 0.1 && abs(Double(p.longitude) - 23.16) < 0.2, "Białystok")
            #expect(p.licences.contains(.ce) && p.licences.contains(.b))
            #expect(p.languages.list == [.init(language: "de", level: .b1)])
            #expect(p.occupation == 833203 && p.commuteKm == Int16(WorkWish.defaultCommuteKm))
        }
    }
}
