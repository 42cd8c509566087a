import Vapor
import Fluent
import Storage

/// Moves every value the data key seals to the current key: opens it (under the previous key,
/// or the current one for values from before key ids), seals it again and recomputes its blind
/// index, a batch per transaction. Only values not yet under the current key are read, so a
/// run stopped anywhere — a crash, a kill — resumes where it stopped when started again, and a
/// value a serving process changed meanwhile is left to that change (the replacement only
/// applies to the value it read) and picked up by the next pass.
struct KeyRotation {
    let db: any Database
    let cipher: FieldCipher
    var batchSize = 500
    /// Rest between batches, so a rotation of millions leaves the serving processes their database.
    var pause: Duration = .zero

    struct Progress: Sendable, Equatable {
        var moved = 0
        /// Values no key this process holds opens: left as they are, named in the report.
        var unreadable = 0
    }

    /// Rotates every sealed column; `stopAfter` batches (for the tests of resuming) or all.
    func run(stopAfter batches: Int? = nil, report: (String) -> Void = { _ in }) async throws -> [String: Progress] {
        var done: [String: Progress] = [:]
        var left = batches ?? .max
        for column in SealedColumn.all {
            var progress = Progress()
            var after: UUID? = nil
            while left > 0 {
                let rows = try await SealedValueStore(db: db).rows(column, notUnder: cipher.currentPrefix, after: after, limit: batchSize)
                guard let last = rows.last else { break }
                let (moved, unreadable) = try await db.transaction { tx in
                    var moved = 0, unreadable = 0
                    for row in rows {
                        guard let (sealed, index) = try? reseal(row.sealed, column) else { unreadable += 1; continue }
                        if try await SealedValueStore(db: tx).replace(column, id: row.id, old: row.sealed, new: sealed, index: index) { moved += 1 }
                    }
                    return (moved, unreadable)
                }
                progress.moved += moved
                progress.unreadable += unreadable
                after = last.id
                left -= 1
                report("\(column.name): \(progress.moved) moved")
                if pause > .zero { try await Task.sleep(for: pause) }
            }
            done[column.name] = progress
        }
        return done
    }

    /// The value sealed under the current key, and its index under the current key.
    func reseal(_ stored: String, _ column: SealedColumn) throws -> (String, String?) {
        let plain = try cipher.decrypt(stored)
        switch column {
        case .foreignerDraft:
            let content = try JSONDecoder().decode(ForeignerDraftContent.self, from: Data(plain.utf8))
            return (try cipher.encrypt(plain), cipher.blindIndex(ForeignerDrafts.codeIndexValue(content.code)))
        default:
            return (try cipher.encrypt(plain), column.index == nil ? nil : cipher.blindIndex(plain))
        }
    }

    /// Key id → values sealed under it, per column.
    func status() async throws -> [(SealedColumn, [String: Int])] {
        var out: [(SealedColumn, [String: Int])] = []
        for column in SealedColumn.all { out.append((column, try await SealedValueStore(db: db).counts(column))) }
        return out
    }
}
