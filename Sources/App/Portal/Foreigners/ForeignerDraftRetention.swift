import Vapor
import Fluent
import Foreigners
import Storage

/// Drafts without an account go 30 days after their last change (the register's rule). One
/// never printed counts, before it goes, as abandoned at the first field it still lacked or
/// had wrong, so the office sees where people give up.
struct ForeignerDraftRetention: Sendable {
    let db: any Database
    let cipher: FieldCipher

    func sweep(now: Date = Date(), dryRun: Bool = false) async throws -> Int {
        let store = ForeignerDraftStore(db: db)
        if dryRun { return try await store.expired(before: now, limit: 100_000).count }
        let library = FormLibrary.shipped, today = ForeignerDrafts.today(now)
        var deleted = 0
        while true {
            let batch = try await store.expired(before: now, limit: 200)
            if batch.isEmpty { return deleted }
            for d in batch {
                var stoppedAt: String? = nil
                if d.printedAt == nil, let kind = ApplicationKind(rawValue: d.form), let form = library.form(kind, version: d.version),
                   let content = try? ForeignerDrafts.unseal(d.content, cipher: cipher) {
                    stoppedAt = FormCheck.issues(form, content.values, today: today).first { $0.blocksPrinting }?.field
                }
                let field = stoppedAt
                try await db.transaction { tx in
                    if let field {
                        try await ForeignerDraftStore(db: tx).count(.abandoned, form: d.form, version: d.version, language: d.language, fields: [field])
                    }
                    try await ForeignerDraftStore(db: tx).delete(d.id)
                }
                deleted += 1
            }
        }
    }
}
