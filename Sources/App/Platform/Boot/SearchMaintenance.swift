import Vapor
import Fluent
import SQLKit
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
        if DatabaseSetup.kind(of: app.services.config.databaseURL) == .sqlite {
            // Cheap, and keeps the planner's statistics fresh as tables grow (PostgreSQL's
            // autovacuum does this by itself).
            try await (app.db as! any SQLDatabase).raw("PRAGMA optimize").run()
        }
        guard recorded != current else { return }
        let count = try await OfferIndexer(db: app.db, analyzer: analyzer, directory: FluentDirectoryStore(db: app.db)).reindexAll()
        _ = try await KnowledgeBaseStore(db: app.db).reindexAll(analyzer: analyzer)
        try await meta.set("search.stemmer", current)
        if count > 0 { app.logger.notice("search index rebuilt", metadata: ["offers": "\(count)", "stemmer": "\(current)"]) }
    }
}
