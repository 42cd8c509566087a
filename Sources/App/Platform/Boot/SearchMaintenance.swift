import Vapor
import Fluent
import SQLKit
import Storage
import TextSearch

/// The index holds tokens of one analyzer. When the analyzer changes (a dictionary installed or
/// removed, new rules), every document — offers, knowledge base, forum posts, CVs, trainings and fairs — is
/// indexed again at start, so queries and index agree.
enum SearchMaintenance {
    static func reindexIfAnalyzerChanged(_ app: Application) async throws {
        let analyzer = app.services.analyzer
        let meta = AppMeta(db: app.db)
        let current = analyzer.signature
        let recorded = try await meta.get("search.stemmer")
        app.logger.notice("text search", metadata: ["stemmer": "\(analyzer.stemmer.name)"])
        if DatabaseSetup.kind(of: app.services.config.databaseURL) == .sqlite {
            // Cheap, and keeps the planner's statistics fresh as tables grow (PostgreSQL's
            // autovacuum does this by itself).
            try await (app.db as! any SQLDatabase).raw("PRAGMA optimize").run()
        }
        guard recorded != current else { return }
        let count = try await OfferIndexer(db: app.db, analyzer: analyzer, directory: FluentDirectoryStore(db: app.db)).reindexAll()
        _ = try await KnowledgeBaseStore(db: app.db).reindexAll(analyzer: analyzer)
        try await ForumStore(db: app.db).reindexAll(analyzer: analyzer)
        let directory = FluentDirectoryStore(db: app.db)
        let register = try await app.services.directoryCache.register(app.db)
        let offers = OfferStore(db: app.db)
        _ = try await CVStore(db: app.db).reindexAll { cv, powiat in
            let occupation = try await cv.occupationCode.asyncMap { try await offers.occupation($0)?.name } ?? nil
            return CVController.tokens(cv, occupationName: occupation, powiatName: powiat.flatMap { register.powiat($0)?.name }, analyzer: analyzer)
        }
        _ = try await EventStore(db: app.db).reindexAll { e in
            EventViews.tokens(e.draft, powiatName: e.powiatCode.flatMap { register.powiat($0)?.name }, analyzer: analyzer)
        }
        try await meta.set("search.stemmer", current)
        if count > 0 { app.logger.notice("search index rebuilt", metadata: ["offers": "\(count)", "stemmer": "\(current)"]) }
    }
}
