/// `/account/privacy`: the account's consents as the ledger keeps them and its objections to
/// the profiling cases, with the person's own instances of each.
public enum AccountPrivacyPage {
    public struct Consent: Sendable, Equatable {
        /// `consent.kind.<kind>`; also the value the withdrawal form sends.
        public let kind: String
        /// The catalogue key of the text version agreed to.
        public let textKey: String
        public let given: String
        /// `consent.channel.<channel>`.
        public let channel: String
        public let withdrawn: (date: String, channel: String)?
        /// Withdrawn here in one step (the account's own consent is not: it is the account).
        public let withdrawable: Bool

        public init(kind: String, textKey: String, given: String, channel: String, withdrawn: (date: String, channel: String)?, withdrawable: Bool) {
            self.kind = kind; self.textKey = textKey; self.given = given; self.channel = channel; self.withdrawn = withdrawn; self.withdrawable = withdrawable
        }

        public static func == (a: Consent, b: Consent) -> Bool {
            a.kind == b.kind && a.textKey == b.textKey && a.given == b.given && a.channel == b.channel
                && a.withdrawn?.date == b.withdrawn?.date && a.withdrawn?.channel == b.withdrawn?.channel && a.withdrawable == b.withdrawable
        }
    }

    /// One case of profiling: `privacy.profiling.<id>`, what it uses of the person's, and the objection.
    public struct Profiling: Sendable, Equatable {
        public let id: String
        /// `account_privacy.<key>` with its values: the person's own instances.
        public let yours: (key: String, values: [String: String])
        /// Whether an objection can be made (nil: it cannot), and when it was (nil inside: none).
        public let objection: Objection?

        public enum Objection: Sendable, Equatable { case none, made(String) }

        public init(id: String, yours: (key: String, values: [String: String]), objection: Objection?) {
            self.id = id; self.yours = yours; self.objection = objection
        }

        public static func == (a: Profiling, b: Profiling) -> Bool {
            a.id == b.id && a.yours.key == b.yours.key && a.yours.values == b.yours.values && a.objection == b.objection
        }
    }

    /// A text of the catalogue with its values (what erasure keeps, told before and after).
    public struct Line: Sendable, Equatable {
        public let key: String
        public let values: [String: String]
        public init(_ key: String, _ values: [String: String] = [:]) { self.key = key; self.values = values }
    }

    public enum ExportState: Sendable, Equatable {
        case none
        case building(requested: String)
        case ready(path: String, until: String, size: String)
        case expired
    }

    public struct Model: Sendable {
        public let consents: [Consent]
        public let profiling: [Profiling]
        public let dpoEmail: String
        public let notice: String?
        /// When processing was restricted at the person's request (nil: it is not).
        public var restrictedSince: String? = nil
        /// What erasing the account would keep, and why (`erasure.kept.*`).
        public var erasureKeeps: [Line] = []
        /// An employer who is their company's last user: its offers close.
        public var lastCompanyUser = false
        /// The erasure form's state (the password asked again, its error, a refusal).
        public var erasureForm = FormState()
        /// The person's last copy of their data.
        public var export: ExportState = .none
        public var exportForm = FormState()
        public init(consents: [Consent], profiling: [Profiling], dpoEmail: String, notice: String?) {
            self.consents = consents; self.profiling = profiling; self.dpoEmail = dpoEmail; self.notice = notice
        }
    }
}
