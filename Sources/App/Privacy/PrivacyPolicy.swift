import Views
import Privacy

extension PrivacyPolicyPage.Model {
    /// The policy page from the register of processing: what it says is what the system does.
    static func fromRegister(operatorInfo: OperatorInfo) -> Self {
        .init(operatorInfo: operatorInfo, purposes: ProcessingRegister.purposes.map { p in
            PrivacyPolicyPage.Purpose(id: p.id, basis: p.basis.key, categories: p.categories.map(\.rawValue), retention: p.retention.text,
                                      recipients: p.recipients.map(\.rawValue))
        }, profiling: ProfilingCase.allCases.map(\.rawValue), rights: DataSubjectRight.allCases.map(\.rawValue))
    }
}

extension LegalBasis {
    /// `privacy.basis.<key>`.
    var key: String { self == .consent ? "consent" : "legal_obligation" }
}

extension RetentionPeriod {
    /// `privacy.retention.<key>` and its values.
    var text: (key: String, values: [String: String]) {
        switch self {
        case .accountLifetime: ("account_lifetime", [:])
        case .yearsSinceLastContact(let years): ("years_since_last_contact", ["years": "\(years)"])
        case .untilWithdrawn: ("until_withdrawn", [:])
        case .days(let days): ("days", ["days": "\(days)"])
        }
    }
}
