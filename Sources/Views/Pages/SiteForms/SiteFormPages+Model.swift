import Foundation

/// A form an editor built, as a visitor fills it in.
public enum SiteFormPage {
    public struct Field: Sendable {
        public enum Kind: String, Sendable { case text, longText, email, phone, number, date, choice, checkbox }
        public let name: String, label: String, kind: Kind, required: Bool
        public let options: [String]
        public init(name: String, label: String, kind: Kind, required: Bool, options: [String]) {
            self.name = name; self.label = label; self.kind = kind; self.required = required; self.options = options
        }
    }
    public struct Model: Sendable {
        public let id: String, title: String
        public let intro: [String]
        public let fields: [Field]
        public let open: Bool
        public let retentionDays: Int
        public let form: FormState
        /// Shown after an answer was kept.
        public let thanks: Bool
        public init(id: String, title: String, intro: [String], fields: [Field], open: Bool, retentionDays: Int, form: FormState, thanks: Bool) {
            self.id = id; self.title = title; self.intro = intro; self.fields = fields; self.open = open; self.retentionDays = retentionDays
            self.form = form; self.thanks = thanks
        }
    }
}

public enum StaffSiteFormsPage {
    public struct Row: Sendable {
        public let title: String, section: String, state: String, answers: Int, retention: String, editPath: String, publicPath: String, csvPath: String
        public init(title: String, section: String, state: String, answers: Int, retention: String, editPath: String, publicPath: String, csvPath: String) {
            self.title = title; self.section = section; self.state = state; self.answers = answers; self.retention = retention
            self.editPath = editPath; self.publicPath = publicPath; self.csvPath = csvPath
        }
    }
}

public enum StaffSiteFormPage {
    public struct Model: Sendable {
        public let form: FormState
        public let editingID: String?
        public let sections: [(value: String, label: String)]
        public let kinds: [(value: String, label: String)]
        public let fieldRows: Int
        /// Answers came: the questions' kinds stay as they are.
        public let fieldsFixed: Bool
        public let maximumRetention: Int
        public let notice: String?
        public init(form: FormState, editingID: String?, sections: [(value: String, label: String)], kinds: [(value: String, label: String)],
                    fieldRows: Int, fieldsFixed: Bool, maximumRetention: Int, notice: String?) {
            self.form = form; self.editingID = editingID; self.sections = sections; self.kinds = kinds; self.fieldRows = fieldRows
            self.fieldsFixed = fieldsFixed; self.maximumRetention = maximumRetention; self.notice = notice
        }
    }
}
