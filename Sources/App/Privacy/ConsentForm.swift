import Views
import Privacy
import Localization

/// A consent asked for on a form and what was ticked: the prompt shows the current text, the
/// answer says which version was agreed to.
extension FormValidator {
    /// The consent of `kind` ticked in field `name` (with `name_version`), of the version shown
    /// when it is a known one; a field error when it is required and not ticked.
    mutating func consent(_ name: String, _ kind: ConsentKind, ticked: String?, version: String?, required: Bool,
                          channel: ConsentChannel) -> ConsentGiven? {
        guard ticked == "on" else {
            if required { fail(name, t.text("consent.required")) }
            return nil
        }
        values[name] = "on"
        let shown = version.flatMap(Int.init).flatMap { (1...kind.currentVersion).contains($0) ? $0 : nil }
        return ConsentGiven(kind, version: shown, channel: channel)
    }
}

extension ConsentPrompt {
    /// The current text of a consent.
    init(_ kind: ConsentKind) { self.init(key: kind.textKey(version: kind.currentVersion), version: kind.currentVersion) }
}
