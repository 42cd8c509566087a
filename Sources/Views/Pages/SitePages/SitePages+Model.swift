import Foundation
import Knowledge

/// A page of the portal's or an office's section, with the section's menu.
public enum SitePagePage {
    public struct Model: Sendable {
        public let title: String
        public let blocks: [KBMarkup.Block]
        /// The page's language when it is not the reader's (not translated yet).
        public let language: String?
        public let sectionName: String?
        public let sectionPath: String?
        public let menu: [MenuLink]
        public let zone: String?
        public init(title: String, blocks: [KBMarkup.Block], language: String?, sectionName: String?, sectionPath: String?, menu: [MenuLink], zone: String?) {
            self.title = title; self.blocks = blocks; self.language = language; self.sectionName = sectionName; self.sectionPath = sectionPath
            self.menu = menu; self.zone = zone
        }
    }
}

public enum StaffPagesListPage {
    public struct Row: Sendable {
        public let title: String, address: String, language: String, status: String, section: String, flags: String, editPath: String
        public init(title: String, address: String, language: String, status: String, section: String, flags: String, editPath: String) {
            self.title = title; self.address = address; self.language = language; self.status = status; self.section = section
            self.flags = flags; self.editPath = editPath
        }
    }
    public struct Model: Sendable {
        public let rows: [Row]
        /// The sections this editor keeps: their menus and (offices) their details.
        public let sections: [(key: String, label: String)]
        public let notice: String?
        public init(rows: [Row], sections: [(key: String, label: String)], notice: String?) { self.rows = rows; self.sections = sections; self.notice = notice }
    }
}

public enum StaffPageFormPage {
    public struct Model: Sendable {
        public let form: FormState
        public let editingID: String?
        public let sections: [(value: String, label: String)]
        public let languages: [(value: String, label: String)]
        public let audiences: [(value: String, label: String)]
        public let sourceTitle: String?
        public let outdated: Bool
        public let translations: [(label: String, path: String)]
        public let notice: String?
        public let livePath: String?
        public init(form: FormState, editingID: String?, sections: [(value: String, label: String)], languages: [(value: String, label: String)],
                    audiences: [(value: String, label: String)], sourceTitle: String?, outdated: Bool, translations: [(label: String, path: String)],
                    notice: String?, livePath: String?) {
            self.form = form; self.editingID = editingID; self.sections = sections; self.languages = languages; self.audiences = audiences
            self.sourceTitle = sourceTitle; self.outdated = outdated; self.translations = translations; self.notice = notice; self.livePath = livePath
        }
    }
}

/// A section's menu as rows to edit: each entry's labels, target, parent and order, and empty
/// rows to add more.
public enum StaffMenuPage {
    public struct Row: Sendable {
        public let index: Int
        public let id: String
        public let depthLabel: String
        public init(index: Int, id: String, depthLabel: String) { self.index = index; self.id = id; self.depthLabel = depthLabel }
    }
    public struct Model: Sendable {
        public let section: String
        public let sectionName: String
        public let version: Int
        public let rows: [Row]
        public let parents: [(value: String, label: String)]
        public let form: FormState
        public let notice: String?
        public let preview: [MenuLink]
        public init(section: String, sectionName: String, version: Int, rows: [Row], parents: [(value: String, label: String)], form: FormState,
                    notice: String?, preview: [MenuLink]) {
            self.section = section; self.sectionName = sectionName; self.version = version; self.rows = rows; self.parents = parents
            self.form = form; self.notice = notice; self.preview = preview
        }
    }
}

public enum StaffOfficeDetailsPage {
    public struct Model: Sendable {
        public let officeID: String
        public let officeName: String
        public let confirmedAt: String?
        public let form: FormState
        public let notice: String?
        public init(officeID: String, officeName: String, confirmedAt: String?, form: FormState, notice: String?) {
            self.officeID = officeID; self.officeName = officeName; self.confirmedAt = confirmedAt; self.form = form; self.notice = notice
        }
    }
}

public enum StaffHomeBlocksPage {
    public struct Model: Sendable {
        /// Every block that may be shown, in the current order, and whether it is.
        public let blocks: [(value: String, label: String, shown: Bool)]
        public let notice: String?
        public let form: FormState
        public init(blocks: [(value: String, label: String, shown: Bool)], notice: String?, form: FormState) {
            self.blocks = blocks; self.notice = notice; self.form = form
        }
    }
}
