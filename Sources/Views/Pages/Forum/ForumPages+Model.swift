import Foundation

/// The forum's front page: the national and topic forums, the offices' forums with threads,
/// the search and the rules.
public enum ForumHomePage {
    public struct Category: Sendable {
        public let path: String, name: String, hint: String, threads: Int
        public init(path: String, name: String, hint: String, threads: Int) { self.path = path; self.name = name; self.hint = hint; self.threads = threads }
    }
    public struct Model: Sendable {
        public let shared: [Category]
        public let offices: [Category]
        /// The signed-in member's own office's forum, when they have an office.
        public let ownOffice: Category?
        public init(shared: [Category], offices: [Category], ownOffice: Category?) { self.shared = shared; self.offices = offices; self.ownOffice = ownOffice }
    }
}

public enum ForumCategoryPage {
    public struct Thread: Sendable {
        public let path: String, title: String, author: String, replies: Int, lastPost: String, locked: Bool
        public init(path: String, title: String, author: String, replies: Int, lastPost: String, locked: Bool) {
            self.path = path; self.title = title; self.author = author; self.replies = replies; self.lastPost = lastPost; self.locked = locked
        }
    }
    public struct Model: Sendable {
        public let slug: String, name: String, hint: String
        public let threads: [Thread]
        public let total: Int, page: Int, perPage: Int
        public let signedIn: Bool
        public let notice: String?
        public init(slug: String, name: String, hint: String, threads: [Thread], total: Int, page: Int, perPage: Int, signedIn: Bool, notice: String?) {
            self.slug = slug; self.name = name; self.hint = hint; self.threads = threads; self.total = total; self.page = page; self.perPage = perPage
            self.signedIn = signedIn; self.notice = notice
        }
    }
}

/// What a member writes: a new thread, or a reply under a thread. `needsNickname`: their first
/// post, so the form asks how the forum should name them; `warning`: the text looks like it
/// holds a PESEL, phone or e-mail — the form asks to confirm.
public struct ForumWriting: Sendable {
    public let form: FormState
    public let needsNickname: Bool
    public let warning: [String]
    public init(form: FormState, needsNickname: Bool, warning: [String]) { self.form = form; self.needsNickname = needsNickname; self.warning = warning }
}

public enum ForumNewThreadPage {
    public struct Model: Sendable {
        public let slug: String, categoryName: String
        public let writing: ForumWriting
        public init(slug: String, categoryName: String, writing: ForumWriting) { self.slug = slug; self.categoryName = categoryName; self.writing = writing }
    }
}

public enum ForumThreadPage {
    public struct Post: Sendable {
        public let id: String, author: String, date: String
        /// Paragraphs of the text; empty when it is not shown (hidden, held, erased).
        public let paragraphs: [String]
        /// What stands in for the text, or beside it (waiting for a moderator, edited: why).
        public let note: String?
        public let mayReport: Bool
        public init(id: String, author: String, date: String, paragraphs: [String], note: String?, mayReport: Bool) {
            self.id = id; self.author = author; self.date = date; self.paragraphs = paragraphs; self.note = note; self.mayReport = mayReport
        }
    }
    public struct Model: Sendable {
        public let id: String, title: String, categoryPath: String, categoryName: String
        public let locked: Bool
        public let posts: [Post]
        public let signedIn: Bool
        /// nil: not signed in; else whether reply notifications are on.
        public let subscribed: Bool?
        /// The reply form (signed in, thread open).
        public let reply: ForumWriting?
        public let notice: String?
        public let error: String?
        public init(id: String, title: String, categoryPath: String, categoryName: String, locked: Bool, posts: [Post], signedIn: Bool, subscribed: Bool?,
                    reply: ForumWriting?, notice: String?, error: String?) {
            self.id = id; self.title = title; self.categoryPath = categoryPath; self.categoryName = categoryName; self.locked = locked; self.posts = posts
            self.signedIn = signedIn; self.subscribed = subscribed; self.reply = reply; self.notice = notice; self.error = error
        }
    }
}

public enum ForumSearchPage {
    public struct Hit: Sendable {
        public let path: String, title: String, excerpt: String, date: String
        public init(path: String, title: String, excerpt: String, date: String) { self.path = path; self.title = title; self.excerpt = excerpt; self.date = date }
    }
    public struct Model: Sendable {
        public let query: String
        public let hits: [Hit]?
        public let error: String?
        public init(query: String, hits: [Hit]?, error: String?) { self.query = query; self.hits = hits; self.error = error }
    }
}

/// The moderators' queue: new members' posts waiting, and posts readers reported.
public enum StaffForumQueuePage {
    public struct Row: Sendable {
        public let path: String, thread: String, category: String, author: String, excerpt: String, state: String, date: String
        public init(path: String, thread: String, category: String, author: String, excerpt: String, state: String, date: String) {
            self.path = path; self.thread = thread; self.category = category; self.author = author; self.excerpt = excerpt; self.state = state; self.date = date
        }
    }
}

public enum StaffForumQueue {
    public struct Model: Sendable {
        public let waiting: [StaffForumQueuePage.Row]
        /// The latest threads of the categories this moderator keeps (to lock or move one).
        public let threads: [(path: String, title: String, category: String, date: String)]
        public init(waiting: [StaffForumQueuePage.Row], threads: [(path: String, title: String, category: String, date: String)]) {
            self.waiting = waiting; self.threads = threads
        }
    }
}

public enum StaffForumPostPage {
    public struct Model: Sendable {
        public let id: String, threadTitle: String, threadPath: String, category: String, author: String, date: String, state: String
        public let paragraphs: [String]
        public let reports: [String]
        public let form: FormState
        public let notice: String?
        public init(id: String, threadTitle: String, threadPath: String, category: String, author: String, date: String, state: String,
                    paragraphs: [String], reports: [String], form: FormState, notice: String?) {
            self.id = id; self.threadTitle = threadTitle; self.threadPath = threadPath; self.category = category; self.author = author
            self.date = date; self.state = state; self.paragraphs = paragraphs; self.reports = reports; self.form = form; self.notice = notice
        }
    }
}

public enum StaffForumThreadPage {
    public struct Model: Sendable {
        public let id: String, title: String, publicPath: String, category: String, locked: Bool
        public let posts: [StaffForumQueuePage.Row]
        /// Where the thread may be moved: the categories this moderator keeps.
        public let categories: [(value: String, label: String)]
        public let form: FormState
        public let notice: String?
        public init(id: String, title: String, publicPath: String, category: String, locked: Bool, posts: [StaffForumQueuePage.Row],
                    categories: [(value: String, label: String)], form: FormState, notice: String?) {
            self.id = id; self.title = title; self.publicPath = publicPath; self.category = category; self.locked = locked; self.posts = posts
            self.categories = categories; self.form = form; self.notice = notice
        }
    }
}
