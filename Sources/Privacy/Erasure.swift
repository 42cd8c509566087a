import Foundation

/// What erasing a person's account did, told to them: what went, and what a legal obligation
/// keeps (restricted: only the data protection officer sees it), why and until when.
public struct ErasureOutcome: Sendable, Equatable {
    /// What was deleted: a category (`erasure.erased.<name>` in the catalogues) and how many.
    public var erased: [Erased]
    public var kept: [Kept]

    public struct Erased: Sendable, Equatable {
        public let name: String
        public let count: Int
        public init(name: String, count: Int) { self.name = name; self.count = count }
    }

    /// Data a purpose of the register keeps on a legal obligation (art. 6(1)(c)).
    public struct Kept: Sendable, Equatable {
        /// The register's purpose.
        public let purpose: String
        /// `erasure.kept.<what>` in the catalogues.
        public let what: String
        public let count: Int
        /// Until when at the latest (the purpose's retention from the last such record).
        public let until: Date

        public init(purpose: String, what: String, count: Int, until: Date) {
            self.purpose = purpose; self.what = what; self.count = count; self.until = until
        }
    }

    public init(erased: [Erased] = [], kept: [Kept] = []) { self.erased = erased; self.kept = kept }
}

/// Why an account cannot be erased now; each is told to the person with what to do.
public enum ErasureRefusal: Error, Sendable, Equatable {
    /// A request or complaint of theirs is still open: its answer needs the address.
    case openRequest(reference: String, due: Date)
    /// Staff accounts end through the administrator (their actions stay in the audit log).
    case staffAccount
}
