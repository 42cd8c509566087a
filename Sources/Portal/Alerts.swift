import Foundation

/// What a saved search ("autoposzukiwacz") looks for.
public enum SavedSearchKind: String, Sendable, CaseIterable, Codable {
    case offers, trainings
    case jobFairs = "job_fairs"
    /// Employers only.
    case candidates
    /// Job seekers only: new offers that fit their CVs (one such search per account).
    case matches
    /// News of a voivodeship or a powiat (its offices' and its voivodeship's).
    case news
}

public enum AlertFrequency: String, Sendable, CaseIterable, Codable {
    case daily, weekly
}

/// When alerts go out: at 7:00 Polish time, the next day or a week on.
public enum AlertSchedule {
    public static let hour = 7

    public static func nextRun(after moment: Date, _ frequency: AlertFrequency, calendar: Calendar = .polish) -> Date {
        let today = calendar.date(bySettingHour: hour, minute: 0, second: 0, of: moment)!
        let next = today > moment ? today : calendar.date(byAdding: .day, value: 1, to: today)!
        return frequency == .daily ? next : calendar.date(byAdding: .day, value: 6, to: next)!
    }

    /// The query string as saved: the filters only, in a fixed order (paging, order and
    /// language do not change what is new).
    public static func canonicalQuery(_ items: [(name: String, value: String)]) -> String {
        let ignored: Set<String> = ["page", "per_page", "lang", "sort", "_csrf"]
        return items.filter { !ignored.contains($0.name) && !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
            .sorted { $0.name < $1.name }
            .map { "\(escape($0.name))=\(escape($0.value.trimmingCharacters(in: .whitespaces)))" }.joined(separator: "&")
    }

    static func escape(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    /// The most matches one e-mail lists; the rest are behind the link to the search.
    public static let maximumPerMail = 30
    /// Saved searches one account may keep.
    public static let maximumPerAccount = 20
}
