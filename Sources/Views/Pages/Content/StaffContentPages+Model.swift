import Foundation

/// The editors' hub: news, partners, the look, statistics, the knowledge base, events.
public enum StaffContentPage {
    public struct Link: Sendable {
        public let path: String, label: String, hint: String
        public init(path: String, label: String, hint: String) { self.path = path; self.label = label; self.hint = hint }
    }
}

public enum StaffNewsListPage {
    public struct Row: Sendable {
        public let title: String, language: String, status: String, scope: String, publishAt: String, flags: String, editPath: String
        public init(title: String, language: String, status: String, scope: String, publishAt: String, flags: String, editPath: String) {
            self.title = title; self.language = language; self.status = status; self.scope = scope; self.publishAt = publishAt
            self.flags = flags; self.editPath = editPath
        }
    }
}

public enum StaffNewsFormPage {
    public struct Model: Sendable {
        public let form: FormState
        /// nil: a new item.
        public let editingID: String?
        public let languages: [(value: String, label: String)]
        /// The scopes this editor may write for: "national", "voivodeship:NN", "office:ID".
        public let scopes: [(value: String, label: String)]
        public let audiences: [(value: String, label: String)]
        /// Set for a translation: its Polish source's title (scope, dates and picture are the source's).
        public let sourceTitle: String?
        public let outdated: Bool
        public let picture: NewsCard.Picture?
        public let translations: [(label: String, path: String)]
        public let notice: String?
        public let livePath: String?

        public init(form: FormState, editingID: String?, languages: [(value: String, label: String)], scopes: [(value: String, label: String)],
                    audiences: [(value: String, label: String)], sourceTitle: String?, outdated: Bool, picture: NewsCard.Picture?,
                    translations: [(label: String, path: String)], notice: String?, livePath: String?) {
            self.form = form; self.editingID = editingID; self.languages = languages; self.scopes = scopes; self.audiences = audiences
            self.sourceTitle = sourceTitle; self.outdated = outdated; self.picture = picture; self.translations = translations
            self.notice = notice; self.livePath = livePath
        }
    }
}
