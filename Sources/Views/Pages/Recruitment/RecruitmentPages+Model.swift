/// Recruitment run by the centre, as each side sees it: the office's staff (the pipeline), the
/// employer (the order and the candidates presented to them), the seeker (where they were asked
/// to take part and what they answered). Every text is in words already.
public enum RecruitmentPage {
    /// One order in a list.
    public struct OrderRow: Sendable {
        public let id: String, offer: String, office: String, created: String, status: String
        public let candidates: Int, consenting: Int, presented: Int
        public init(id: String, offer: String, office: String, created: String, status: String, candidates: Int, consenting: Int, presented: Int) {
            self.id = id; self.offer = offer; self.office = office; self.created = created; self.status = status
            self.candidates = candidates; self.consenting = consenting; self.presented = presented
        }
    }

    /// What an order is: the offer, who ordered it, what they ask for.
    public struct OrderFacts: Sendable {
        public let id: String, offerID: String, offer: String, company: String, requirements: String, status: String, created: String
        public var closed: String? = nil
        public init(id: String, offerID: String, offer: String, company: String, requirements: String, status: String, created: String) {
            self.id = id; self.offerID = offerID; self.offer = offer; self.company = company; self.requirements = requirements
            self.status = status; self.created = created
        }
    }

    public struct Note: Sendable {
        public let when: String, who: String, stage: String, text: String
        public init(when: String, who: String, stage: String, text: String) { self.when = when; self.who = who; self.stage = stage; self.text = text }
    }

    /// A candidate on the pipeline. Before consent the centre sees what the seeker shared with
    /// every employer; after it, who they are and their whole CV.
    public struct Candidate: Sendable {
        public let id: String
        public let heading: String
        public let stage: String
        public let consent: String
        public let source: String
        public var contact: String? = nil
        public var sections: [CVPrintPage.Section] = []
        public var notes: [Note] = []
        public var nextStages: [(value: String, label: String)] = []
        public var canAsk = false
        public init(id: String, heading: String, stage: String, consent: String, source: String) {
            self.id = id; self.heading = heading; self.stage = stage; self.consent = consent; self.source = source
        }
    }

    /// Someone the centre may add: a matching CV or one from its pool.
    public struct Suggestion: Sendable {
        public let cvID: String, heading: String, why: String
        public init(cvID: String, heading: String, why: String) { self.cvID = cvID; self.heading = heading; self.why = why }
    }

    public struct StaffListModel: Sendable {
        public let rows: [OrderRow]
        public init(rows: [OrderRow]) { self.rows = rows }
    }

    public struct StaffDetailModel: Sendable {
        public let order: OrderFacts
        public let open: Bool
        public var candidates: [Candidate] = []
        public var matches: [Suggestion] = []
        public var pool: [Suggestion] = []
        public var form = FormState()
        public var notice: String? = nil
        public init(order: OrderFacts, open: Bool) { self.order = order; self.open = open }
    }

    public struct EmployerListModel: Sendable {
        public let rows: [OrderRow]
        public let notice: String?
        public init(rows: [OrderRow], notice: String?) { self.rows = rows; self.notice = notice }
    }

    public struct OrderFormModel: Sendable {
        public let offers: [(value: String, label: String)]
        public var form = FormState()
        public init(offers: [(value: String, label: String)]) { self.offers = offers }
    }

    /// A candidate presented to the employer, with the data they consented to give.
    public struct Presented: Sendable {
        public let name: String, contact: String, stage: String
        public let sections: [CVPrintPage.Section]
        public init(name: String, contact: String, stage: String, sections: [CVPrintPage.Section]) {
            self.name = name; self.contact = contact; self.stage = stage; self.sections = sections
        }
    }

    public struct EmployerDetailModel: Sendable {
        public let order: OrderFacts
        public let presented: [Presented]
        public init(order: OrderFacts, presented: [Presented]) { self.order = order; self.presented = presented }
    }

    /// One recruitment the seeker was asked to take part in.
    public struct Participation: Sendable {
        public let id: String, offerID: String, offer: String, company: String, orderStatus: String, stage: String, consent: String
        public let canAnswer: Bool, canWithdraw: Bool
        public init(id: String, offerID: String, offer: String, company: String, orderStatus: String, stage: String, consent: String,
                    canAnswer: Bool, canWithdraw: Bool) {
            self.id = id; self.offerID = offerID; self.offer = offer; self.company = company; self.orderStatus = orderStatus; self.stage = stage
            self.consent = consent; self.canAnswer = canAnswer; self.canWithdraw = canWithdraw
        }
    }

    public struct SeekerModel: Sendable {
        public let items: [Participation]
        /// The data a recruitment uses (the register's list), named.
        public let data: [String]
        public let consent: ConsentPrompt
        public let future: ConsentPrompt
        public let futureGiven: Bool
        public var form = FormState()
        public var notice: String? = nil
        public init(items: [Participation], data: [String], consent: ConsentPrompt, future: ConsentPrompt, futureGiven: Bool) {
            self.items = items; self.data = data; self.consent = consent; self.future = future; self.futureGiven = futureGiven
        }
    }

    /// Applying for an offer the centre recruits for (on the offer's page).
    public struct ApplyModel: Sendable {
        public let offerID: String
        /// The seeker's CVs; empty: not signed in as a seeker, or no CV yet.
        public let cvs: [(value: String, label: String)]
        public let signedIn: Bool
        public let applied: Bool
        public let data: [String]
        public let consent: ConsentPrompt
        public let future: ConsentPrompt
        public var form = FormState()
        public init(offerID: String, cvs: [(value: String, label: String)], signedIn: Bool, applied: Bool, data: [String], consent: ConsentPrompt,
                    future: ConsentPrompt) {
            self.offerID = offerID; self.cvs = cvs; self.signedIn = signedIn; self.applied = applied; self.data = data; self.consent = consent
            self.future = future
        }
    }
}
