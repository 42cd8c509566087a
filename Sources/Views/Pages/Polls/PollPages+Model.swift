import Foundation

/// The polls and surveys a reader may answer or see the results of.
public enum PollsPage {
    public struct Row: Sendable {
        public let path: String, question: String, section: String, dates: String, open: Bool
        public init(path: String, question: String, section: String, dates: String, open: Bool) {
            self.path = path; self.question = question; self.section = section; self.dates = dates; self.open = open
        }
    }
}

public enum PollPage {
    public struct Result: Sendable {
        public let option: String, votes: Int, percent: Int
        public init(option: String, votes: Int, percent: Int) { self.option = option; self.votes = votes; self.percent = percent }
    }

    public struct Model: Sendable {
        public let id: String
        public let question: String
        public let section: String
        public let dates: String
        public let options: [String]
        public let multiple: Bool
        /// The voting form is shown (open, not voted yet, allowed to vote).
        public let canVote: Bool
        /// Why the form is not shown (voted, closed, sign in first), when it is not.
        public let status: String?
        /// nil while the results are not to be seen yet.
        public let results: [Result]?
        public let voters: Int
        public let error: String?
        public init(id: String, question: String, section: String, dates: String, options: [String], multiple: Bool, canVote: Bool, status: String?,
                    results: [Result]?, voters: Int, error: String?) {
            self.id = id; self.question = question; self.section = section; self.dates = dates; self.options = options; self.multiple = multiple
            self.canVote = canVote; self.status = status; self.results = results; self.voters = voters; self.error = error
        }
    }
}

public enum StaffPollsPage {
    public struct Row: Sendable {
        public let question: String, section: String, dates: String, state: String, voters: Int, editPath: String
        public init(question: String, section: String, dates: String, state: String, voters: Int, editPath: String) {
            self.question = question; self.section = section; self.dates = dates; self.state = state; self.voters = voters; self.editPath = editPath
        }
    }
}

public enum StaffPollFormPage {
    public struct Model: Sendable {
        public let form: FormState
        public let editingID: String?
        public let sections: [(value: String, label: String)]
        /// How many answer rows the form has.
        public let optionRows: Int
        /// Answers can no longer be added or removed (people voted).
        public let answersFixed: Bool
        public let notice: String?
        public init(form: FormState, editingID: String?, sections: [(value: String, label: String)], optionRows: Int, answersFixed: Bool, notice: String?) {
            self.form = form; self.editingID = editingID; self.sections = sections; self.optionRows = optionRows; self.answersFixed = answersFixed; self.notice = notice
        }
    }
}
