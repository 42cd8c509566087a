import Foundation
import Identity

/// What looks like someone's personal data in a text meant for everyone: the forum warns
/// before such a post goes out. It looks, it does not judge — a warning, not a refusal.
public enum PersonalDataSpotter {
    public enum Kind: String, CaseIterable, Sendable { case pesel, phone, email }

    public static func find(_ text: String) -> Set<Kind> {
        var found: Set<Kind> = []
        for run in digitRuns(text) {
            if run.count == 11, (try? PESEL(run)) != nil { found.insert(.pesel) }
            else if run.count == 9 || (run.count == 11 && run.hasPrefix("48")) { found.insert(.phone) }
        }
        if hasEmail(text) { found.insert(.email) }
        return found
    }

    /// Runs of digits as people write numbers: `600 100 200`, `85-123-45-67`, `+48600100200`
    /// (one space, hyphen or dot between groups), each with its separators dropped.
    static func digitRuns(_ text: String) -> [String] {
        var runs: [String] = []
        var current = "", pendingSeparator = false
        for c in text {
            if c.isASCII && c.isNumber {
                current.append(c); pendingSeparator = false
            } else if !current.isEmpty && !pendingSeparator && (c == " " || c == "-" || c == ".") {
                pendingSeparator = true
            } else {
                if !current.isEmpty { runs.append(current) }
                current = ""; pendingSeparator = false
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// Something like `name@host.tld`: a local part, one `@`, a host with a dot and a word after it.
    static func hasEmail(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0.isWhitespace || "<>()[],;:\"'".contains($0) })
        return words.contains { word in
            let parts = word.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else { return false }
            let host = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: ".!?"))
            let labels = host.split(separator: ".", omittingEmptySubsequences: false)
            return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty } && (labels.last?.count ?? 0) >= 2
                && labels.last!.allSatisfy(\.isLetter)
        }
    }
}
