/// The privacy policy as the register of processing gives it: one row per purpose, in
/// catalogue keys and values the view puts into the reader's language.
public enum PrivacyPolicyPage {
    public struct Purpose: Sendable, Equatable {
        /// `privacy.purpose.<id>`.
        public let id: String
        /// `privacy.basis.<basis>`.
        public let basis: String
        /// `privacy.data.<category>` each.
        public let categories: [String]
        /// `privacy.retention.<key>` with its values.
        public let retention: (key: String, values: [String: String])
        /// `privacy.recipient.<recipient>` each.
        public let recipients: [String]

        public init(id: String, basis: String, categories: [String], retention: (key: String, values: [String: String]), recipients: [String]) {
            self.id = id; self.basis = basis; self.categories = categories; self.retention = retention; self.recipients = recipients
        }

        public static func == (a: Purpose, b: Purpose) -> Bool {
            a.id == b.id && a.basis == b.basis && a.categories == b.categories && a.retention.key == b.retention.key
                && a.retention.values == b.retention.values && a.recipients == b.recipients
        }
    }

    public struct Model: Sendable {
        public let operatorInfo: OperatorInfo
        public let purposes: [Purpose]
        /// `privacy.profiling.<case>` each.
        public let profiling: [String]
        /// `privacy.right.<right>` each.
        public let rights: [String]
        public init(operatorInfo: OperatorInfo, purposes: [Purpose], profiling: [String], rights: [String]) {
            self.operatorInfo = operatorInfo; self.purposes = purposes; self.profiling = profiling; self.rights = rights
        }
    }
}
