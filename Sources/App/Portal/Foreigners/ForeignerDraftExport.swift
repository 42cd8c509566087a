import Foundation
import Fluent
import Foreigners
import Storage

/// The drafts kept in an account, opened, for the copy of the account's data: the form, its
/// version, when, and every answer by the field's official label.
struct ForeignerDraftExport: Sendable {
    let db: any Database
    let cipher: FieldCipher

    func add(account: UUID, to contents: inout PersonalDataExport.Contents) async throws {
        let drafts = try await ForeignerDraftStore(db: db).list(account: account)
        let iso = ISO8601DateFormatter()
        let rows: [[String: Any]] = try drafts.map { d in
            let content = try ForeignerDrafts.unseal(d.content, cipher: cipher)
            let form = ApplicationKind(rawValue: d.form).flatMap { FormLibrary.shipped.form($0, version: d.version) }
            var answers: [String: String] = [:]
            for (field, value) in content.values { answers[form?.field(field)?.official ?? field] = value }
            var row: [String: Any] = ["form": form?.official ?? d.form, "version": d.version, "code": content.code, "answers": answers,
                                      "created_at": iso.string(from: d.createdAt), "updated_at": iso.string(from: d.updatedAt)]
            if let printed = d.printedAt { row["printed_at"] = iso.string(from: printed) }
            return row
        }
        contents.files.append(PersonalDataExport.File(path: "foreigner_drafts.json",
                                                      data: try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])))
        contents.counts.append(("foreigner_drafts", rows.count))
    }
}
