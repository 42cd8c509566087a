import Foundation

/// "They work with us": the partner institutions with their logos and links.
public enum PartnersPage {
    public struct Row: Sendable {
        public let name: String, url: String, description: String
        public let logo: NewsCard.Picture?
        /// The editors' page: where to change it.
        public let editPath: String?
        public init(name: String, url: String, description: String, logo: NewsCard.Picture?, editPath: String? = nil) {
            self.name = name; self.url = url; self.description = description; self.logo = logo; self.editPath = editPath
        }
    }
}

public enum StaffPartnersPage {
    public struct Model: Sendable {
        public let rows: [PartnersPage.Row]
        public let form: FormState
        /// nil: the form adds a partner.
        public let editingID: String?
        public let notice: String?
        public init(rows: [PartnersPage.Row], form: FormState, editingID: String?, notice: String?) {
            self.rows = rows; self.form = form; self.editingID = editingID; self.notice = notice
        }
    }
}

public enum StaffThemePage {
    public struct Model: Sendable {
        public let form: FormState
        public let colourFields: [(name: String, label: String)]
        public let logo: String?
        public let notice: String?
        public init(form: FormState, colourFields: [(name: String, label: String)], logo: String?, notice: String?) {
            self.form = form; self.colourFields = colourFields; self.logo = logo; self.notice = notice
        }
    }
}
