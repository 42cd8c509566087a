import Foundation
import Portal
import Identity

/// One question of an editor-built form.
public struct SiteFormField: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case text
        case longText = "long_text"
        case email, phone, number, date
        /// One of the options.
        case choice
        /// A box to tick (required: it must be ticked, as for "I agree").
        case checkbox
    }

    /// The label in each language (Polish required; the others fall back to it).
    public var label: [String: String]
    public var kind: Kind
    public var required: Bool
    /// A choice's options, each in each language.
    public var options: [[String: String]]

    public init(label: [String: String], kind: Kind, required: Bool, options: [[String: String]] = []) {
        self.label = label; self.kind = kind; self.required = required; self.options = options
    }

    public func label(_ language: String) -> String { PollDraft.text(label, language) }
    public func option(_ index: Int, _ language: String) -> String { options.indices.contains(index) ? PollDraft.text(options[index], language) : "" }

    /// How long an answer may be.
    var maximumLength: Int { kind == .longText ? 5_000 : 300 }
}

/// A simple form an editor builds for a section (an office's, or the portal's): a title, an
/// introduction, up to 20 questions, whether it takes answers now, and how many days the answers
/// are kept — no longer than the privacy register's purpose `form_answers` allows.
public struct SiteFormDraft: Sendable, Equatable, Codable {
    public var section: ContentSection
    public var title: [String: String]
    public var intro: [String: String]
    public var fields: [SiteFormField]
    public var retentionDays: Int
    public var open: Bool

    public static let maximumFields = 20
    public static let maximumOptions = 20

    public init(section: ContentSection, title: [String: String], intro: [String: String] = [:], fields: [SiteFormField], retentionDays: Int, open: Bool) {
        self.section = section; self.title = title; self.intro = intro; self.fields = fields; self.retentionDays = retentionDays; self.open = open
    }

    public func title(_ language: String) -> String { PollDraft.text(title, language) }
    public func intro(_ language: String) -> String { PollDraft.text(intro, language) }

    /// What is wrong with the form as built; `maximumRetention`: the register's days for form answers.
    public func problems(maximumRetention: Int) -> [OfferDraft.Problem] {
        var out: [OfferDraft.Problem] = []
        if let p = OfferDraft.Problem.length("title_pl", title["pl"] ?? "", min: 3, max: 200) { out.append(p) }
        if title.values.contains(where: { $0.count > 200 }) || intro.values.contains(where: { $0.count > 2_000 }) {
            out.append(.init("title_pl", "offer.error.too_long", ["max": "200"]))
        }
        if fields.isEmpty || fields.count > Self.maximumFields { out.append(.init("fields", "forms.error.fields", ["max": "\(Self.maximumFields)"])) }
        for (i, f) in fields.enumerated() {
            if let p = OfferDraft.Problem.length("field\(i)_label_pl", f.label["pl"] ?? "", min: 1, max: 200) { out.append(p) }
            if f.kind == .choice && !(2...Self.maximumOptions).contains(f.options.count) {
                out.append(.init("field\(i)_options_pl", "forms.error.options", ["max": "\(Self.maximumOptions)"]))
            }
            if f.options.contains(where: { $0.values.contains { $0.count > 200 } }) { out.append(.init("field\(i)_options_pl", "offer.error.too_long", ["max": "200"])) }
        }
        if !(1...maximumRetention).contains(retentionDays) { out.append(.init("retention_days", "forms.error.retention", ["max": "\(maximumRetention)"])) }
        return out
    }

    /// A visitor's answers checked field by field (`answers[i]`: what field `i` got, "" for
    /// none): the values to keep as typed (trimmed; a phone in one form; a choice as its Polish
    /// text) or the problems, each naming its field `answer<i>`.
    public func check(_ answers: [String]) -> (values: [String], problems: [OfferDraft.Problem]) {
        var values: [String] = [], problems: [OfferDraft.Problem] = []
        for (i, field) in fields.enumerated() {
            let name = "answer\(i)"
            let raw = (answers.indices.contains(i) ? answers[i] : "").trimmingCharacters(in: .whitespacesAndNewlines)
            if raw.isEmpty || (field.kind == .checkbox && raw != "on") {
                if field.required { problems.append(.init(name, field.kind == .checkbox ? "forms.error.tick" : "offer.error.required")) }
                values.append(field.kind == .checkbox ? "no" : "")
                continue
            }
            if raw.count > field.maximumLength { problems.append(.init(name, "offer.error.too_long", ["max": "\(field.maximumLength)"])); values.append(""); continue }
            switch field.kind {
            case .text, .longText: values.append(raw)
            case .checkbox: values.append("yes")
            case .email:
                if let e = try? EmailAddress(raw) { values.append(e.value) } else { problems.append(.init(name, "forms.error.email")); values.append("") }
            case .phone:
                if let p = try? PhoneNumber(raw) { values.append(p.value) } else { problems.append(.init(name, "forms.error.phone")); values.append("") }
            case .number:
                let n = raw.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: "")
                if Double(n)?.isFinite == true, n.count <= 20 { values.append(n) } else { problems.append(.init(name, "forms.error.number")); values.append("") }
            case .date:
                if Self.isDate(raw) { values.append(raw) } else { problems.append(.init(name, "forms.error.date")); values.append("") }
            case .choice:
                if let k = Int(raw), field.options.indices.contains(k) { values.append(field.option(k, "pl")) }
                else { problems.append(.init(name, "forms.error.choice")); values.append("") }
            }
        }
        return (values, problems)
    }

    /// `YYYY-MM-DD`, a real day.
    static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1900...2200).contains(y), (1...12).contains(m), d >= 1 else { return false }
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }
}

/// Answers as a spreadsheet reads them: RFC 4180 quoting, and a cell that would start a formula
/// (`=`, `+`, `-`, `@`, tab, return) taken as text, so opening the file runs nothing.
public enum CSVText {
    public static func cell(_ s: String) -> String {
        var v = s
        if let first = v.first, "=+-@\t\r".contains(first) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
            v = "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    public static func row(_ cells: [String]) -> String { cells.map(cell).joined(separator: ",") + "\r\n" }
}
