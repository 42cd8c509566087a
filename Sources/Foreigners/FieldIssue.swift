import Foundation

/// Something the checklist shows before printing: a field still empty, a value the form's
/// rules refuse, or one that is doubtful (printing is allowed, the user should look again).
public struct FieldIssue: Hashable, Sendable {
    public enum Severity: String, Sendable, Comparable {
        case missing, wrong, doubtful
        public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
        var rank: Int { switch self { case .wrong: 0; case .missing: 1; case .doubtful: 2 } }
    }

    public let field: String
    public let severity: Severity
    /// The generator's wording for the problem: `fg.issue.<code>` in the catalogue, or a catalogue
    /// key of its own (the identifiers' `validation.*`).
    public let code: String
    /// Values for the wording; `field` names another field by id (the view puts its label in).
    public let args: [String: String]
    /// The definition's own wording, which replaces the generator's.
    public let message: FormText?
    /// A value to offer instead (a name in Latin letters).
    public let suggestion: String?

    public init(field: String, severity: Severity, code: String, args: [String: String] = [:], message: FormText? = nil, suggestion: String? = nil) {
        self.field = field; self.severity = severity; self.code = code; self.args = args; self.message = message; self.suggestion = suggestion
    }

    /// Whether printing must wait for it.
    public var blocksPrinting: Bool { severity != .doubtful }
}
