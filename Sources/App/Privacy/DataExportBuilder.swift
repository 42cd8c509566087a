import Vapor
import Fluent
import Storage
import Localization
import Views
import ZIPFoundation

/// Builds a person's copy of their data: the files `PersonalDataExport` collects, in a ZIP with
/// an `index.html` in their language that says what each file holds. The worker in every
/// `serve` process takes waiting jobs one at a time and e-mails the link when a copy is ready.
struct DataExportBuilder: Sendable {
    let db: any Database
    let publicURL: String
    /// Opens what is sealed at rest (drafts of the foreigners' generator).
    let cipher: FieldCipher

    func zip(_ contents: PersonalDataExport.Contents, language: Language, now: Date) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let index = Data(Self.index(contents, language: language, now: now).utf8)
        for file in [PersonalDataExport.File(path: "index.html", data: index)] + contents.files {
            let data = file.data
            try archive.addEntry(with: file.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: now,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw Abort(.internalServerError) }
        return bytes
    }

    static func index(_ contents: PersonalDataExport.Contents, language: Language, now: Date) -> String {
        let t = Catalogues.bundled[language]
        func e(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                .replacingOccurrences(of: "\"", with: "&quot;")
        }
        let categories = contents.counts.map { c in
            "<li><a href=\"\(e(c.name)).json\">\(e(c.name)).json</a>: \(e(t.text("export.category." + c.name))) (\(c.count))</li>"
        }.joined(separator: "\n")
        let files = contents.files.map(\.path).filter { $0.hasPrefix("files/") || $0.hasSuffix(".csv") }
            .map { "<li><a href=\"\(e($0))\">\(e($0))</a></li>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(e(t.text("export.title")))</title></head>
            <body><main><h1>\(e(t.text("export.title")))</h1>
            <p>\(e(t.text("export.intro", ["date": DateText.dateTime(now, language)])))</p>
            <h2>\(e(t.text("export.categories_heading")))</h2><ul>
            \(categories)
            </ul>
            <h2>\(e(t.text("export.files_heading")))</h2><p>\(e(t.text("export.files_note")))</p><ul>
            \(files)
            </ul></main></body></html>
            """
    }

    /// Builds the next waiting copy, if any; true when one was built.
    @discardableResult
    func buildNext(now: Date = Date()) async throws -> Bool {
        let store = PrivacyExportStore(db: db)
        guard let job = try await store.claimNext(now: now) else { return false }
        let language = Language(rawValue: job.language) ?? .pl
        var contents = try await PersonalDataExport(db: db).collect(account: job.accountID)
        try await ForeignerDraftExport(db: db, cipher: cipher).add(account: job.accountID, to: &contents)
        let data = try zip(contents, language: language, now: now)
        guard let account = try await AccountStore(db: db).find(id: job.accountID) else { return true }
        try await db.transaction { tx in
            try await PrivacyExportStore(db: tx).finish(job.id, zip: data, now: now)
            try await Outbox(db: tx).enqueue(MailComposer(publicURL: publicURL).exportReady(to: account.email, id: job.id.uuidString, language: language,
                                                                                              until: DateText.date(now.addingTimeInterval(PrivacyExportStore.validity), language)))
        }
        return true
    }
}

extension DataExportBuilder {
    /// Waiting copies are built within seconds of being asked for.
    static var job: RepeatingJob {
        RepeatingJob("privacy export", every: .seconds(5)) { app in
            let builder = DataExportBuilder(db: app.db, publicURL: app.services.config.publicURL, cipher: app.services.cipher)
            return { while try await builder.buildNext() {} }
        }
    }
}
