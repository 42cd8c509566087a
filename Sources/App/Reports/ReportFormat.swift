import Foundation
import Localization
import Reporting

/// Figures as the reader's language writes them: shares as "82,4 %" in Polish, Russian and
/// Ukrainian and "82.4%" in English, durations as minutes and seconds, a missing figure "–".
struct ReportFormat: Sendable {
    let language: Language

    var decimalComma: Bool { language != .en }

    func share(_ v: Double?) -> String {
        guard let v else { return "–" }
        let s = String(format: "%.1f", v * 100)
        return decimalComma ? s.replacingOccurrences(of: ".", with: ",") + " %" : s + "%"
    }

    func decimal(_ v: Double?, places: Int = 1) -> String {
        guard let v else { return "–" }
        let s = String(format: "%.\(places)f", v)
        return decimalComma ? s.replacingOccurrences(of: ".", with: ",") : s
    }

    func seconds(_ v: Double?) -> String { v.map(ContactFacts.duration) ?? "–" }

    /// "+4,2 %" against the period before, or "–".
    func change(_ now: Double?, _ before: Double?) -> String {
        guard let c = ContactReport.change(now, before) else { return "–" }
        return (c >= 0 ? "+" : "−") + share(abs(c))
    }

    /// The label of a step: times within a day, days, months.
    func step(_ d: Date, _ interval: ReportInterval) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: language.locale)
        f.timeZone = TimeZone(identifier: "Europe/Warsaw")
        switch interval {
        case .quarterHour, .hour: f.setLocalizedDateFormatFromTemplate("ddMM HH:mm")
        case .day, .week: f.setLocalizedDateFormatFromTemplate("ddMM")
        case .month: f.setLocalizedDateFormatFromTemplate("MMMyyyy")
        }
        return f.string(from: d)
    }
}
