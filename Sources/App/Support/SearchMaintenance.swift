import Vapor
import Fluent
import Storage
import TextSearch

/// The index holds tokens of one analyzer. When the analyzer changes (hunspell-pl installed or
/// removed), every document is indexed again at start, so queries and index agree.
enum SearchMaintenance {
    static func reindexIfAnalyzerChanged(_ app: Application) async throws {
        let analyzer = app.services.analyzer
        let meta = AppMeta(db: app.db)
        let current = analyzer.stemmer.name
        let recorded = try await meta.get("search.stemmer")
        app.logger.notice("text search", metadata: ["stemmer": "\(current)"])
        guard recorded != current else { return }
        let count = try await OfferIndexer(db: app.db, analyzer: analyzer, directory: FluentDirectoryStore(db: app.db)).reindexAll()
        try await meta.set("search.stemmer", current)
        if count > 0 { app.logger.notice("search index rebuilt", metadata: ["offers": "\(count)", "stemmer": "\(current)"]) }
    }
}
