/// Fabryka CV as the requester sees it: the form, their requests, one request's status and result.
public enum CVFactoryPage {
    /// One request in a list or on its status page, in words already.
    public struct Request: Sendable {
        public let key: String
        public let kind: String
        public let language: String
        public let status: String
        public let due: String
        public let created: String
        /// Whether the requester may accept or send back the result now, or withdraw.
        public let canDecide: Bool
        public let canWithdraw: Bool
        public init(key: String, kind: String, language: String, status: String, due: String, created: String, canDecide: Bool, canWithdraw: Bool) {
            self.key = key; self.kind = kind; self.language = language; self.status = status; self.due = due; self.created = created
            self.canDecide = canDecide; self.canWithdraw = canWithdraw
        }
    }

    public struct Model: Sendable {
        public var form = FormState()
        /// Signed in as a job seeker: no e-mail asked, their CVs to start from, their requests listed.
        public var signedIn = false
        public var cvs: [(value: String, label: String)] = []
        public var requests: [Request] = []
        public var languages: [(value: String, label: String)] = []
        /// After sending: where the status can be followed.
        public var sent: (caseText: String, statusLink: String)? = nil
        public var notice: String? = nil
        public init() {}
    }

    public struct StatusModel: Sendable {
        public let request: Request
        public let note: String
        /// The result for an account: the CV as it would be, section by section.
        public var result: [CVPrintPage.Section] = []
        public var resultFile: String? = nil
        public var returnReason: String? = nil
        public var form = FormState()
        public var notice: String? = nil
        public init(request: Request, note: String) { self.request = request; self.note = note }
    }
}

/// Fabryka CV as the centre's staff work it: the list by due date and one request.
public enum StaffCVFactoryPage {
    public struct Row: Sendable {
        public let id: String, due: String, overdue: Bool, kind: String, language: String, requester: String, status: String, assignee: String
        public init(id: String, due: String, overdue: Bool, kind: String, language: String, requester: String, status: String, assignee: String) {
            self.id = id; self.due = due; self.overdue = overdue; self.kind = kind; self.language = language; self.requester = requester
            self.status = status; self.assignee = assignee
        }
    }

    public struct ListModel: Sendable {
        public let rows: [Row]
        /// "mine", "unassigned" or "all".
        public let filter: String
        public let notice: String?
        public init(rows: [Row], filter: String, notice: String?) { self.rows = rows; self.filter = filter; self.notice = notice }
    }

    public struct DetailModel: Sendable {
        public let row: Row
        public let note: String
        public let email: String
        /// The account's CV to work from, section by section (read in the audit log).
        public var source: [CVPrintPage.Section] = []
        public var sourceFile: Bool = false
        public var result: [CVPrintPage.Section] = []
        public var resultFile: Bool = false
        public var returnReason: String? = nil
        /// For an account: write the CV (the CV form); for a visitor: upload the result file.
        public var forAccount: Bool
        public var canTake: Bool = false
        public var canDeliver: Bool = false
        /// Colleagues a supervisor may hand it to.
        public var assignees: [(value: String, label: String)] = []
        public var form = FormState()
        public var notice: String? = nil
        public init(row: Row, note: String, email: String, forAccount: Bool) { self.row = row; self.note = note; self.email = email; self.forAccount = forAccount }
    }
}
