import Foundation

/// A draft started on a version that has since ended, carried to the version in force field by
/// field: answers to fields of the same id and kind move over; what the new version dropped,
/// added or changed is listed for the user.
public struct DraftCarryOver: Sendable {
    public enum Change: Hashable, Sendable {
        /// The new version no longer asks it; the answer is dropped.
        case removed(official: String)
        /// A new question.
        case added(field: String)
        /// Asked differently (kind, answers, rules or help); the answer moved and is checked again.
        case changed(field: String)
    }

    public let values: [String: String]
    public let changes: [Change]

    public init(_ values: [String: String], from old: ApplicationForm, to new: ApplicationForm) {
        var carried: [String: String] = [:]
        var changes: [Change] = []
        for f in old.fields {
            guard let n = new.field(f.id), n.kind == f.kind else {
                if new.field(f.id) == nil { changes.append(.removed(official: f.official)) } else { changes.append(.changed(field: f.id)) }
                continue
            }
            if let v = values[f.id] { carried[f.id] = v }
            if n != f { changes.append(.changed(field: f.id)) }
        }
        for n in new.fields where old.field(n.id) == nil { changes.append(.added(field: n.id)) }
        self.values = carried
        self.changes = changes
    }
}
