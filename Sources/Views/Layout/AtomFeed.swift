import Foundation

/// An Atom 1.0 feed (RFC 4287) of news: what feed readers and other sites subscribe to.
public struct AtomFeed: Sendable {
    public struct Entry: Sendable {
        public let id: String
        public let title: String
        public let summary: String
        public let link: String
        public let language: String
        public let published: Date
        public let updated: Date
        public init(id: String, title: String, summary: String, link: String, language: String, published: Date, updated: Date) {
            self.id = id; self.title = title; self.summary = summary; self.link = link; self.language = language; self.published = published; self.updated = updated
        }
    }

    public let id: String
    public let title: String
    /// The feed's own address and the page it mirrors.
    public let selfLink: String
    public let pageLink: String
    public let author: String
    public let entries: [Entry]

    public init(id: String, title: String, selfLink: String, pageLink: String, author: String, entries: [Entry]) {
        self.id = id; self.title = title; self.selfLink = selfLink; self.pageLink = pageLink; self.author = author; self.entries = entries
    }

    public var xml: String {
        let stamp = ISO8601DateFormatter()
        // An empty feed is still dated (Atom requires <updated>): the epoch, stable between fetches.
        let updated = entries.map(\.updated).max() ?? Date(timeIntervalSince1970: 0)
        var out = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n" + #"<feed xmlns="http://www.w3.org/2005/Atom">"# + "\n"
        out += "<id>\(Self.escape(id))</id>\n<title>\(Self.escape(title))</title>\n<updated>\(stamp.string(from: updated))</updated>\n"
        out += #"<link rel="self" type="application/atom+xml" href="\#(Self.escape(selfLink))"/>"# + "\n"
        out += #"<link rel="alternate" type="text/html" href="\#(Self.escape(pageLink))"/>"# + "\n"
        out += "<author><name>\(Self.escape(author))</name></author>\n"
        for e in entries {
            out += #"<entry xml:lang="\#(Self.escape(e.language))">"# + "\n"
            out += "<id>\(Self.escape(e.id))</id>\n<title>\(Self.escape(e.title))</title>\n"
            out += #"<link rel="alternate" type="text/html" href="\#(Self.escape(e.link))"/>"# + "\n"
            out += "<published>\(stamp.string(from: e.published))</published>\n<updated>\(stamp.string(from: e.updated))</updated>\n"
            out += "<summary>\(Self.escape(e.summary))</summary>\n</entry>\n"
        }
        return out + "</feed>\n"
    }

    static func escape(_ s: String) -> String { Markup.escape(s) }
}
