import Fluent
import SQLKit
import Foundation
import Content
import Privacy
import TextSearch

public struct ForumThread: Sendable, Equatable {
    public let id: UUID
    public let category: ForumCategory
    public let title: String
    public let authorID: UUID?
    public let locked: Bool
    /// Its first post is visible, so the thread is in its category's list.
    public let listed: Bool
    /// Visible posts after the first.
    public let replies: Int
    public let createdAt: Date
    public let lastPostAt: Date
}

public struct ForumPost: Sendable, Equatable {
    public let id: UUID
    public let threadID: UUID
    public let first: Bool
    public let authorID: UUID?
    public let body: String
    public let status: ForumPostStatus
    public let reports: Int
    /// Why a moderator hid or edited it (shown with the post).
    public let moderationReason: String?
    public let editedAt: Date?
    public let createdAt: Date
}

public enum ForumStoreError: Error, Equatable {
    case notFound
    case nicknameTaken
    case locked
    case flood
    case alreadyReported
    case ownPost
}

/// What a moderator decides about a post.
public enum ForumDecision: String, Sendable, CaseIterable {
    /// A new member's post, or a post readers reported: shown.
    case approve
    case hide
}

/// The forum's threads, posts, members, reports and reply notifications (see M057). A post
/// that becomes visible is counted in its thread, indexed for search and announced to who
/// asked for replies — all in the transaction that made it visible.
public struct ForumStore: Sendable {
    let db: any Database
    public init(db: any Database) { self.db = db }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// A reply notification to compose: to whom, in which language, about which thread.
    public typealias ReplyMail = @Sendable (_ email: String, _ language: String, _ thread: ForumThread) -> OutboxMessage

    // MARK: members

    public func nickname(of account: UUID) async throws -> String? {
        try await sql.select().column("nickname").from("forum_members").where("account_id", .equal, SQLBind(account)).first()?
            .decode(column: "nickname", as: String.self)
    }

    public func nicknames(_ ids: Set<UUID>) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await sql.select().columns("account_id", "nickname").from("forum_members")
            .where("account_id", .in, SQLBind.group(Array(ids))).all()
            .map { (try $0.decode(column: "account_id", as: UUID.self), try $0.decode(column: "nickname", as: String.self)) })
    }

    static func approvedPosts(_ account: UUID, on sql: any SQLDatabase) async throws -> Int? {
        try await sql.select().column("approved_posts").from("forum_members").where("account_id", .equal, SQLBind(account)).first()?
            .decode(column: "approved_posts", as: Int.self)
    }

    /// Makes the account a member under `nickname` (once; unique whatever the letter case).
    static func join(_ account: UUID, nickname: String, now: Date, on sql: any SQLDatabase) async throws {
        let key = nickname.lowercased()
        if try await sql.select().column("account_id").from("forum_members").where("nickname_key", .equal, SQLBind(key)).first() != nil {
            throw ForumStoreError.nicknameTaken
        }
        try await sql.insert(into: "forum_members").columns("account_id", "nickname", "nickname_key", "approved_posts", "created_at")
            .values(SQLBind(account), SQLBind(nickname), SQLBind(key), SQLBind(0), SQLBind(now)).run()
    }

    // MARK: writing

    /// Starts a thread with its first post. `nickname`: the new member's, when they have none yet.
    public func startThread(in category: ForumCategory, _ draft: ForumPostDraft, author: UUID, nickname: String?, subscribe: Bool,
                            analyzer: Analyzer, mail: @escaping ReplyMail, id thread: UUID = UUID(),
                            now: Date = Date()) async throws -> (thread: UUID, post: UUID, status: ForumPostStatus) {
        try await write(joining: nickname != nil) { tx, sql in
            let status = try await Self.admit(author, nickname: nickname, now: now, on: sql)
            let post = UUID()
            try await sql.insert(into: "forum_threads")
                .columns("id", "category", "title", "author_id", "locked", "listed", "replies", "created_at", "last_post_at")
                .values(SQLBind(thread), SQLBind(category.slug), SQLBind(draft.title ?? ""), SQLBind(author), SQLBind(false), SQLBind(false),
                        SQLBind(0), SQLBind(now), SQLBind(now)).run()
            try await Self.insertPost(post, thread: thread, first: true, author: author, body: draft.body, now: now, on: sql)
            if subscribe { try await Self.subscribe(thread, author, now: now, on: sql) }
            if status == .visible { try await ForumStore(db: tx).show(post, analyzer: analyzer, mail: mail, now: now) }
            else { try await Self.setStatus(post, status, on: sql) }
            return (thread, post, status)
        }
    }

    public func reply(to threadID: UUID, body: String, author: UUID, nickname: String?, subscribe: Bool, analyzer: Analyzer, mail: @escaping ReplyMail,
                      now: Date = Date()) async throws -> (post: UUID, status: ForumPostStatus) {
        try await write(joining: nickname != nil) { tx, sql in
            guard let thread = try await ForumStore(db: tx).thread(threadID), thread.listed else { throw ForumStoreError.notFound }
            guard !thread.locked else { throw ForumStoreError.locked }
            let status = try await Self.admit(author, nickname: nickname, now: now, on: sql)
            let post = UUID()
            try await Self.insertPost(post, thread: threadID, first: false, author: author, body: body, now: now, on: sql)
            if subscribe { try await Self.subscribe(threadID, author, now: now, on: sql) }
            if status == .visible { try await ForumStore(db: tx).show(post, analyzer: analyzer, mail: mail, now: now) }
            else { try await Self.setStatus(post, status, on: sql) }
            return (post, status)
        }
    }

    /// A member's post in one transaction; `joining`: they take a nickname in it.
    func write<T: Sendable>(joining: Bool, _ body: @escaping @Sendable (any Database, any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await db.transaction { tx in try await body(tx, tx as! any SQLDatabase) }
        } catch let error as any DatabaseError where error.isConstraintFailure && joining {
            // Two members took one nickname at the same moment: the unique key refused the second.
            throw ForumStoreError.nicknameTaken
        }
    }

    /// The member (joining now under `nickname` when new), not flooding: how their post starts.
    static func admit(_ author: UUID, nickname: String?, now: Date, on sql: any SQLDatabase) async throws -> ForumPostStatus {
        var approved = try await approvedPosts(author, on: sql)
        if approved == nil {
            guard let nickname else { throw ForumStoreError.notFound }
            try await join(author, nickname: nickname, now: now, on: sql)
            approved = 0
        }
        let recent = try await sql.select().column("created_at").from("forum_posts").where("author_id", .equal, SQLBind(author))
            .where("created_at", .greaterThan, SQLBind(now.addingTimeInterval(-86_400))).all()
            .map { try $0.decode(column: "created_at", as: Date.self) }
        if ForumRules.floods(recent: recent, now: now) { throw ForumStoreError.flood }
        return ForumRules.status(approvedPosts: approved ?? 0)
    }

    static func insertPost(_ id: UUID, thread: UUID, first: Bool, author: UUID, body: String, now: Date, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "forum_posts").columns("id", "thread_id", "first", "author_id", "body", "status", "reports", "created_at")
            .values(SQLBind(id), SQLBind(thread), SQLBind(first), SQLBind(author), SQLBind(body), SQLBind(ForumPostStatus.pending.rawValue),
                    SQLBind(0), SQLBind(now)).run()
    }

    static func setStatus(_ post: UUID, _ status: ForumPostStatus, reason: String? = nil, on sql: any SQLDatabase) async throws {
        try await sql.update("forum_posts").set("status", to: SQLBind(status.rawValue)).set("moderation_reason", to: SQLBind(reason))
            .where("id", .equal, SQLBind(post)).run()
    }

    static func subscribe(_ thread: UUID, _ account: UUID, now: Date, on sql: any SQLDatabase) async throws {
        guard try await sql.select().column("thread_id").from("forum_subscriptions").where("thread_id", .equal, SQLBind(thread))
            .where("account_id", .equal, SQLBind(account)).first() == nil else { return }
        try await sql.insert(into: "forum_subscriptions").columns("thread_id", "account_id", "created_at")
            .values(SQLBind(thread), SQLBind(account), SQLBind(now)).run()
    }

    /// The post becomes visible: listed (a first post lists its thread), counted, indexed, and
    /// announced to the thread's subscribers other than its author. Call inside a transaction.
    func show(_ postID: UUID, analyzer: Analyzer, mail: ReplyMail, now: Date) async throws {
        guard let post = try await post(postID), let thread = try await thread(post.threadID) else { throw ForumStoreError.notFound }
        try await Self.setStatus(postID, .visible, on: sql)
        if post.first {
            try await sql.update("forum_threads").set("listed", to: SQLBind(true)).where("id", .equal, SQLBind(thread.id)).run()
        } else {
            try await sql.raw("""
                UPDATE forum_threads SET replies = replies + 1, last_post_at = \(bind: max(post.createdAt, thread.lastPostAt)) WHERE id = \(bind: thread.id)
                """).run()
            try await notify(thread, author: post.authorID, mail: mail, now: now)
        }
        try await index(post, thread.title, analyzer: analyzer)
    }

    /// A thread's title is searched with its first post only, so one thread is one hit for it.
    func index(_ post: ForumPost, _ title: String, analyzer: Analyzer) async throws {
        try await SearchIndex.forum.put(post.id, title: post.first ? analyzer.indexTokens(title) : "", body: analyzer.indexTokens(post.body), on: db)
    }

    func notify(_ thread: ForumThread, author: UUID?, mail: ReplyMail, now: Date) async throws {
        let rows = try await sql.raw("""
            SELECT a.email, a.language FROM forum_subscriptions s JOIN accounts a ON a.id = s.account_id
            WHERE s.thread_id = \(bind: thread.id) AND s.account_id <> \(bind: author ?? UUID())
            """).all()
        for row in rows {
            try await Outbox(db: db).enqueue(mail(try row.decode(column: "email", as: String.self), try row.decode(column: "language", as: String.self), thread),
                                             now: now)
        }
    }

    // MARK: reading

    public func thread(_ id: UUID) async throws -> ForumThread? {
        try await sql.select().column("*").from("forum_threads").where("id", .equal, SQLBind(id)).first().map(Self.thread)
    }

    /// The post, its row locked for the rest of the transaction on PostgreSQL (SQLite's writers
    /// are one at a time already): two moderators or reporters at once act one after the other,
    /// each on what the other left.
    func lockedPost(_ id: UUID) async throws -> ForumPost? {
        if SearchIndex.dialect(db) == .postgres { try await sql.raw("SELECT id FROM forum_posts WHERE id = \(bind: id) FOR UPDATE").run() }
        return try await post(id)
    }

    public func post(_ id: UUID) async throws -> ForumPost? {
        try await sql.select().column("*").from("forum_posts").where("id", .equal, SQLBind(id)).first().map(Self.post)
    }

    /// A category's listed threads, the latest written to first.
    public func threads(in category: ForumCategory, page: Int, perPage: Int = 30) async throws -> (total: Int, items: [ForumThread]) {
        let total = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("forum_threads")
            .where("category", .equal, SQLBind(category.slug)).where("listed", .equal, SQLBind(true)).first()?.decode(column: "n", as: Int.self) ?? 0
        let items = try await sql.select().column("*").from("forum_threads").where("category", .equal, SQLBind(category.slug))
            .where("listed", .equal, SQLBind(true)).orderBy("last_post_at", .descending)
            .limit(perPage).offset(max(0, page - 1) * perPage).all().map(Self.thread)
        return (total, items)
    }

    /// The threads written to last, listed or not, for the moderators' overview.
    public func latestThreads(limit: Int) async throws -> [ForumThread] {
        try await sql.select().column("*").from("forum_threads").orderBy("last_post_at", .descending).limit(limit).all().map(Self.thread)
    }

    /// Why readers reported a post, and when.
    public func reports(_ post: UUID) async throws -> [(reason: String, at: Date)] {
        try await sql.select().columns("reason", "created_at").from("forum_reports").where("post_id", .equal, SQLBind(post)).orderBy("created_at").all()
            .map { (try $0.decode(column: "reason", as: String.self), try $0.decode(column: "created_at", as: Date.self)) }
    }

    /// Listed threads per category slug.
    public func threadCounts() async throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try await sql.raw("SELECT category, COUNT(*) AS n FROM forum_threads WHERE listed = \(bind: true) GROUP BY category")
            .all().map { (try $0.decode(column: "category", as: String.self), try $0.decode(column: "n", as: Int.self)) })
    }

    /// A thread's posts in order.
    public func posts(in thread: UUID) async throws -> [ForumPost] {
        try await sql.select().column("*").from("forum_posts").where("thread_id", .equal, SQLBind(thread)).orderBy("created_at").limit(2_000).all()
            .map(Self.post)
    }

    public func isSubscribed(_ thread: UUID, _ account: UUID) async throws -> Bool {
        try await sql.select().column("thread_id").from("forum_subscriptions").where("thread_id", .equal, SQLBind(thread))
            .where("account_id", .equal, SQLBind(account)).first() != nil
    }

    public func setSubscribed(_ thread: UUID, _ account: UUID, _ on: Bool, now: Date = Date()) async throws {
        if on { try await Self.subscribe(thread, account, now: now, on: sql) }
        else {
            try await sql.delete(from: "forum_subscriptions").where("thread_id", .equal, SQLBind(thread)).where("account_id", .equal, SQLBind(account)).run()
        }
    }

    /// Visible posts matching the query, newest first, with their threads.
    public func search(_ query: SearchQuery, limit: Int = 50) async throws -> [(post: ForumPost, thread: ForumThread)] {
        let match = SearchIndex.forum.textMatch(query, db: db)
        var q: SQLQueryString = match.with + "SELECT p.* " + match.from + "JOIN forum_posts p ON p.id = s.doc_id WHERE p.status = \(bind: ForumPostStatus.visible.rawValue)"
        if let condition = match.condition { q = q + " AND " + condition }
        let posts = try await sql.raw(q + " ORDER BY p.created_at DESC LIMIT \(literal: limit)").all().map(Self.post)
        var out: [(post: ForumPost, thread: ForumThread)] = []
        for p in posts { if let t = try await thread(p.threadID), t.listed { out.append((p, t)) } }
        return out
    }

    // MARK: reports and moderation

    /// A member reports a post (once); the `ForumRules.reportsToHold`-th report hides it until a
    /// moderator looks. Returns whether the post is now held.
    @discardableResult
    public func report(_ postID: UUID, by reporter: UUID, reason: String, now: Date = Date()) async throws -> Bool {
        do {
            return try await db.transaction { tx in
                let sql = tx as! any SQLDatabase, store = ForumStore(db: tx)
                guard let post = try await store.lockedPost(postID), post.status == .visible || post.status == .held else { throw ForumStoreError.notFound }
                guard post.authorID != reporter else { throw ForumStoreError.ownPost }
                try await sql.insert(into: "forum_reports").columns("post_id", "reporter_id", "reason", "created_at")
                    .values(SQLBind(postID), SQLBind(reporter), SQLBind(String(reason.prefix(500))), SQLBind(now)).run()
                try await sql.raw("UPDATE forum_posts SET reports = reports + 1 WHERE id = \(bind: postID)").run()
                guard post.status == .visible, post.reports + 1 >= ForumRules.reportsToHold else { return post.status == .held }
                try await store.withdraw(post, to: .held, reason: nil)
                return true
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw ForumStoreError.alreadyReported
        }
    }

    /// Takes a visible post out of view: uncounted, out of the index (a first post unlists its thread).
    func withdraw(_ post: ForumPost, to status: ForumPostStatus, reason: String?) async throws {
        try await Self.setStatus(post.id, status, reason: reason, on: sql)
        guard post.status == .visible else { return }
        if post.first { try await sql.update("forum_threads").set("listed", to: SQLBind(false)).where("id", .equal, SQLBind(post.threadID)).run() }
        else { try await sql.raw("UPDATE forum_threads SET replies = replies - 1 WHERE id = \(bind: post.threadID)").run() }
        try await SearchIndex.forum.remove(post.id, on: db)
    }

    /// Waiting and reported posts of the categories `mayModerate` admits, oldest first.
    public func queue(where mayModerate: (ForumCategory) -> Bool, limit: Int = 200) async throws -> [(post: ForumPost, thread: ForumThread)] {
        let rows = try await sql.raw("""
            SELECT p.*, t.category AS t_category FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id
            WHERE p.status IN \(SQLBind.group([ForumPostStatus.pending.rawValue, ForumPostStatus.held.rawValue]))
            ORDER BY p.created_at LIMIT 2000
            """).all()
        var out: [(post: ForumPost, thread: ForumThread)] = []
        for row in rows where out.count < limit {
            guard let category = ForumCategory(slug: try row.decode(column: "t_category", as: String.self)), mayModerate(category) else { continue }
            let post = try Self.post(row)
            if let t = try await thread(post.threadID) { out.append((post, t)) }
        }
        return out
    }

    /// Approves (a waiting or reported post goes up; its author's count of approved posts grows)
    /// or hides with a reason — audited with the post.
    public func decide(_ postID: UUID, _ decision: ForumDecision, reason: String, analyzer: Analyzer, mail: @escaping ReplyMail, audit: AuditEntry,
                       address: String?, now: Date = Date()) async throws {
        try await db.transaction { tx in
            let store = ForumStore(db: tx), sql = tx as! any SQLDatabase
            guard let post = try await store.lockedPost(postID), post.status != .erased else { throw ForumStoreError.notFound }
            switch decision {
            case .approve:
                if post.status == .pending, let author = post.authorID {
                    try await sql.raw("UPDATE forum_members SET approved_posts = approved_posts + 1 WHERE account_id = \(bind: author)").run()
                }
                if post.status != .visible { try await store.show(postID, analyzer: analyzer, mail: mail, now: now) }
                try await sql.update("forum_posts").set("reports", to: SQLBind(0)).where("id", .equal, SQLBind(postID)).run()
                try await sql.delete(from: "forum_reports").where("post_id", .equal, SQLBind(postID)).run()
            case .hide:
                try await store.withdraw(post, to: .hidden, reason: reason)
            }
            try await AuditLog(db: tx, address: address).append(AuditEntry(at: audit.at, actorID: audit.actorID, actorOfficeID: audit.actorOfficeID,
                clientID: nil, action: audit.action, detail: "forum post " + postID.uuidString.lowercased() + " " + decision.rawValue, reason: reason))
        }
    }

    /// A moderator's edit: the new text, the reason shown with it, the old text in the audit log.
    public func edit(_ postID: UUID, body: String, reason: String, by: UUID, analyzer: Analyzer, audit: AuditEntry, address: String?,
                     now: Date = Date()) async throws {
        try await db.transaction { tx in
            let store = ForumStore(db: tx), sql = tx as! any SQLDatabase
            guard let post = try await store.lockedPost(postID), post.status != .erased, let thread = try await store.thread(post.threadID) else {
                throw ForumStoreError.notFound
            }
            try await sql.update("forum_posts").set("body", to: SQLBind(body)).set("moderation_reason", to: SQLBind(reason))
                .set("edited_by", to: SQLBind(by)).set("edited_at", to: SQLBind(now)).where("id", .equal, SQLBind(postID)).run()
            if post.status == .visible, let edited = try await store.post(postID) { try await store.index(edited, thread.title, analyzer: analyzer) }
            try await AuditLog(db: tx, address: address).append(AuditEntry(at: audit.at, actorID: audit.actorID, actorOfficeID: audit.actorOfficeID,
                clientID: nil, action: audit.action, detail: "forum post " + postID.uuidString.lowercased() + " was: " + post.body, reason: reason))
        }
    }

    /// Locks or unlocks a thread, or moves it to another category — audited.
    public func change(_ threadID: UUID, locked: Bool? = nil, category: ForumCategory? = nil, audit: AuditEntry, address: String?) async throws {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            guard let thread = try await ForumStore(db: tx).thread(threadID) else { throw ForumStoreError.notFound }
            let update = sql.update("forum_threads").where("id", .equal, SQLBind(threadID))
            if let locked { update.set("locked", to: SQLBind(locked)) }
            if let category { update.set("category", to: SQLBind(category.slug)) }
            try await update.run()
            let detail = "forum thread " + threadID.uuidString.lowercased()
                + (locked.map { $0 ? " locked" : " unlocked" } ?? "") + (category.map { " moved from \(thread.category.slug) to \($0.slug)" } ?? "")
            try await AuditLog(db: tx, address: address).append(AuditEntry(at: audit.at, actorID: audit.actorID, actorOfficeID: audit.actorOfficeID,
                clientID: nil, action: audit.action, detail: detail, reason: audit.reason))
        }
    }

    /// Every visible post indexed again (after the analyzer changed).
    public func reindexAll(analyzer: Analyzer) async throws {
        let rows = try await sql.raw("""
            SELECT p.*, t.title AS t_title FROM forum_posts p JOIN forum_threads t ON t.id = p.thread_id WHERE p.status = \(bind: ForumPostStatus.visible.rawValue)
            """).all()
        for row in rows { try await index(try Self.post(row), try row.decode(column: "t_title", as: String.self), analyzer: analyzer) }
    }

    // MARK: rows

    static func thread(_ row: any SQLRow) throws -> ForumThread {
        let slug = try row.decode(column: "category", as: String.self)
        return ForumThread(id: try row.decode(column: "id", as: UUID.self), category: ForumCategory(slug: slug) ?? .national,
                           title: try row.decode(column: "title", as: String.self), authorID: try row.decode(column: "author_id", as: UUID?.self),
                           locked: try row.decode(column: "locked", as: Bool.self), listed: try row.decode(column: "listed", as: Bool.self),
                           replies: try row.decode(column: "replies", as: Int.self), createdAt: try row.decode(column: "created_at", as: Date.self),
                           lastPostAt: try row.decode(column: "last_post_at", as: Date.self))
    }

    static func post(_ row: any SQLRow) throws -> ForumPost {
        ForumPost(id: try row.decode(column: "id", as: UUID.self), threadID: try row.decode(column: "thread_id", as: UUID.self),
                  first: try row.decode(column: "first", as: Bool.self), authorID: try row.decode(column: "author_id", as: UUID?.self),
                  body: try row.decode(column: "body", as: String.self),
                  status: ForumPostStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .hidden,
                  reports: try row.decode(column: "reports", as: Int.self), moderationReason: try row.decode(column: "moderation_reason", as: String?.self),
                  editedAt: try row.decode(column: "edited_at", as: Date?.self), createdAt: try row.decode(column: "created_at", as: Date.self))
    }
}
