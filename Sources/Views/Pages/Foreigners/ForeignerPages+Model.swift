/// The foreigners' application generator as its user sees it: the forms, one form's intro, a
/// step of the guided path, the checklist before printing and the printed form in Polish.
public enum ForeignerPages {
    public struct FormCard: Sendable {
        public let slug: String, title: String, summary: String, version: String
        public init(slug: String, title: String, summary: String, version: String) { self.slug = slug; self.title = title; self.summary = summary; self.version = version }
    }

    /// A draft kept in the signed-in user's account.
    public struct DraftRow: Sendable {
        public let title: String, updated: String, link: String, printed: Bool
        public init(title: String, updated: String, link: String, printed: Bool) { self.title = title; self.updated = updated; self.link = link; self.printed = printed }
    }

    public struct IndexModel: Sendable {
        public let forms: [FormCard]
        public var drafts: [DraftRow] = []
        public var signedIn = false
        public var notice: String? = nil
        public init(forms: [FormCard]) { self.forms = forms }
    }

    public struct IntroModel: Sendable {
        public let slug: String, title: String, summary: String, official: String, legalBasis: String, validity: String
        public let filing: String, fee: String
        /// What could not be confirmed (the knowledge base's "needs review").
        public let reviews: [String]
        public let steps: [String]
        public var signedIn = false
        public init(slug: String, title: String, summary: String, official: String, legalBasis: String, validity: String, filing: String, fee: String,
                    reviews: [String], steps: [String]) {
            self.slug = slug; self.title = title; self.summary = summary; self.official = official; self.legalBasis = legalBasis
            self.validity = validity; self.filing = filing; self.fee = fee; self.reviews = reviews; self.steps = steps
        }
    }

    /// A step in the progress list.
    public struct Step: Sendable {
        public enum State: String, Sendable { case done, current, todo }
        public let title: String, link: String, state: State
        public init(title: String, link: String, state: State) { self.title = title; self.link = link; self.state = state }
    }

    /// One field of a step, in words already.
    public struct Field: Sendable {
        public enum Input: Sendable { case text, date, email, tel, number, textarea, select([(value: String, label: String)]) }
        public let name: String, label: String, help: String, required: Bool, input: Input, maxLength: Int
        /// When the field is only for some answers ("only if you answered Yes above").
        public var condition: String? = nil
        /// A rule of it that could not be confirmed.
        public var review: String? = nil
        /// Something doubtful: said, does not stop the user.
        public var doubt: String? = nil
        public init(name: String, label: String, help: String, required: Bool, input: Input, maxLength: Int) {
            self.name = name; self.label = label; self.help = help; self.required = required; self.input = input; self.maxLength = maxLength
        }
    }

    /// What the draft page says at every step: how to come back and how to get help.
    public struct DraftInfo: Sendable {
        public let formTitle: String, code: String, link: String, expires: String?
        public let steps: [Step]
        public let checkLink: String
        /// The draft was moved to a newer version of the form: what changed.
        public var changes: [String] = []
        public init(formTitle: String, code: String, link: String, expires: String?, steps: [Step], checkLink: String) {
            self.formTitle = formTitle; self.code = code; self.link = link; self.expires = expires; self.steps = steps; self.checkLink = checkLink
        }
    }

    public struct StepModel: Sendable {
        public let draft: DraftInfo
        public let number: Int, count: Int
        public let title: String, help: String?
        public let fields: [Field]
        public let action: String
        public let back: String?
        public var form = FormState()
        public var notice: String? = nil
        public init(draft: DraftInfo, number: Int, count: Int, title: String, help: String?, fields: [Field], action: String, back: String?) {
            self.draft = draft; self.number = number; self.count = count; self.title = title; self.help = help; self.fields = fields
            self.action = action; self.back = back
        }
    }

    public struct Issue: Sendable {
        public let text: String, link: String
        public init(text: String, link: String) { self.text = text; self.link = link }
    }

    public struct CheckModel: Sendable {
        public let draft: DraftInfo
        public let wrong: [Issue], missing: [Issue], doubtful: [Issue]
        /// Who decides, with the address (nil: not found from the address given yet).
        public var authority: (name: String, address: String, note: String?)? = nil
        public let filing: String, fee: String
        public let reviews: [String]
        public let attachments: [String]
        public let printLink: String, pdfLink: String, deleteAction: String
        public var canPrint: Bool { wrong.isEmpty && missing.isEmpty }
        public init(draft: DraftInfo, wrong: [Issue], missing: [Issue], doubtful: [Issue], filing: String, fee: String, reviews: [String],
                    attachments: [String], printLink: String, pdfLink: String, deleteAction: String) {
            self.draft = draft; self.wrong = wrong; self.missing = missing; self.doubtful = doubtful; self.filing = filing; self.fee = fee
            self.reviews = reviews; self.attachments = attachments; self.printLink = printLink; self.pdfLink = pdfLink; self.deleteAction = deleteAction
        }
    }

    /// The form as it is printed: Polish only, the official order.
    public struct PrintModel: Sendable {
        public let title: String, legalBasis: String
        public let sections: [(heading: String, rows: [(label: String, value: String)])]
        public let attachments: [String]
        public let footer: String
        /// The way back, in the user's language (not printed).
        public let back: String, pdf: String
        public init(title: String, legalBasis: String, sections: [(heading: String, rows: [(label: String, value: String)])], attachments: [String],
                    footer: String, back: String, pdf: String) {
            self.title = title; self.legalBasis = legalBasis; self.sections = sections; self.attachments = attachments; self.footer = footer
            self.back = back; self.pdf = pdf
        }
    }

    /// The office's quality page: counts only, no personal data.
    public struct QualityRow: Sendable {
        public let form: String, language: String, field: String, wrong: Int, abandoned: Int
        public init(form: String, language: String, field: String, wrong: Int, abandoned: Int) {
            self.form = form; self.language = language; self.field = field; self.wrong = wrong; self.abandoned = abandoned
        }
    }

    public struct QualityTotal: Sendable {
        public let form: String, language: String, started: Int, printed: Int, live: Int
        public init(form: String, language: String, started: Int, printed: Int, live: Int) {
            self.form = form; self.language = language; self.started = started; self.printed = printed; self.live = live
        }
    }

    public struct QualityModel: Sendable {
        public let totals: [QualityTotal]
        public let rows: [QualityRow]
        public init(totals: [QualityTotal], rows: [QualityRow]) { self.totals = totals; self.rows = rows }
    }

    /// A draft opened by a helpline consultant from the screen pop (read only).
    public struct GuideModel: Sendable {
        public let interaction: String
        public let formTitle: String, version: String, language: String, code: String, updated: String
        public let issues: [String]
        public let sections: [(heading: String, rows: [(label: String, value: String)])]
        public init(interaction: String, formTitle: String, version: String, language: String, code: String, updated: String, issues: [String],
                    sections: [(heading: String, rows: [(label: String, value: String)])]) {
            self.interaction = interaction; self.formTitle = formTitle; self.version = version; self.language = language; self.code = code
            self.updated = updated; self.issues = issues; self.sections = sections
        }
    }
}
