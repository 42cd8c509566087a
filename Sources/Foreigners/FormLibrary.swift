import Foundation
import Directory

/// Every version of every application, read from the definitions in `Data/forms`: a file per
/// version, fields shared by several forms in `fields.json` (a section lists `{"use": "surname"}`,
/// with keys of its own overriding the shared ones), and a version may be written as the
/// changes to an earlier one (`basedOn`: its keys replace the earlier version's, `replaceFields`
/// replaces fields by id).
public struct FormLibrary: Sendable {
    public let forms: [ApplicationForm]

    public enum DefinitionError: Error, CustomStringConvertible {
        case unreadable(String), unknownField(String, in: String), unknownBase(String), invalid(String, String)
        public var description: String {
            switch self {
            case .unreadable(let f): "form definition \(f) is not JSON"
            case .unknownField(let f, let form): "form \(form) uses unknown shared field \(f)"
            case .unknownBase(let b): "form version \(b) named in basedOn does not exist"
            case .invalid(let form, let why): "form \(form): \(why)"
            }
        }
    }

    /// The shipped definitions.
    public static let shipped: FormLibrary = {
        do { return try FormLibrary(directory: Bundle.module.url(forResource: "forms", withExtension: nil, subdirectory: "Data")!) }
        catch { fatalError("shipped form definitions: \(error)") }
    }()

    public init(forms: [ApplicationForm]) { self.forms = forms }

    public init(directory: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        func object(_ url: URL) throws -> [String: Any] {
            guard let o = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
                throw DefinitionError.unreadable(url.lastPathComponent)
            }
            return o
        }
        let shared = try files.first { $0.lastPathComponent == "fields.json" }.map(object) as? [String: [String: Any]] ?? [:]
        var raw: [String: [String: Any]] = [:]
        for file in files where file.lastPathComponent != "fields.json" {
            let o = try object(file)
            raw["\(o["kind"] ?? "")@\(o["version"] ?? "")"] = o
        }
        try self.init(raw: raw, shared: shared)
    }

    init(raw: [String: [String: Any]], shared: [String: [String: Any]]) throws {
        func resolved(_ key: String, depth: Int = 0) throws -> [String: Any] {
            guard var o = raw[key], depth < 8 else { throw DefinitionError.unknownBase(key) }
            if let base = o["basedOn"] as? String {
                var merged = try resolved("\(o["kind"] ?? "")@\(base)", depth: depth + 1)
                for (k, v) in o where k != "replaceFields" && k != "basedOn" { merged[k] = v }
                let replacements = (o["replaceFields"] as? [[String: Any]]) ?? []
                if let sections = merged["sections"] as? [[String: Any]] {
                    merged["sections"] = sections.map { s -> [String: Any] in
                        var s = s
                        s["fields"] = ((s["fields"] as? [[String: Any]]) ?? []).map { f in
                            let id = (f["id"] ?? f["use"]) as? String
                            return replacements.first { ($0["id"] ?? $0["use"]) as? String == id } ?? f
                        }
                        return s
                    }
                }
                o = merged
            }
            guard var sections = o["sections"] as? [[String: Any]] else { throw DefinitionError.invalid(key, "no sections") }
            for i in sections.indices {
                sections[i]["fields"] = try ((sections[i]["fields"] as? [[String: Any]]) ?? []).map { f in
                    guard let use = f["use"] as? String else { return f }
                    guard var field = shared[use] else { throw DefinitionError.unknownField(use, in: key) }
                    field["id"] = use
                    for (k, v) in f where k != "use" { field[k] = v }
                    return field
                }
            }
            o["sections"] = sections
            return o
        }
        var forms: [ApplicationForm] = []
        for key in raw.keys.sorted() {
            let data = try JSONSerialization.data(withJSONObject: try resolved(key))
            do { forms.append(try JSONDecoder().decode(ApplicationForm.self, from: data)) }
            catch { throw DefinitionError.invalid(key, "\(error)") }
        }
        for form in forms { try Self.check(form) }
        self.forms = forms
    }

    /// What a definition must hold for the generator to work with it.
    static func check(_ form: ApplicationForm) throws {
        var seen = Set<String>()
        for f in form.fields {
            guard seen.insert(f.id).inserted else { throw DefinitionError.invalid(form.id, "field \(f.id) twice") }
            if f.kind == .choice, (f.options ?? []).isEmpty { throw DefinitionError.invalid(form.id, "choice \(f.id) without options") }
        }
        let ids = seen
        for f in form.fields {
            for other in f.rules.flatMap({ [$0.field, $0.from, $0.to, $0.hours, $0.unit] }).compactMap({ $0 }) + [f.when?.field].compactMap({ $0 })
            where !ids.contains(other) {
                throw DefinitionError.invalid(form.id, "field \(f.id) refers to unknown field \(other)")
            }
        }
        guard form.field(form.authorityPostalCode)?.kind == .postalCode else {
            throw DefinitionError.invalid(form.id, "authorityPostalCode is not a postal-code field")
        }
    }

    /// The version of a form in force on a day (the latest that applies).
    public func current(_ kind: ApplicationKind, on day: LocalDate) -> ApplicationForm? {
        forms.filter { $0.kind == kind && $0.applies(on: day) }.max { $0.validFrom < $1.validFrom }
    }

    public func form(_ kind: ApplicationKind, version: String) -> ApplicationForm? {
        forms.first { $0.kind == kind && $0.version == version }
    }

    public func versions(_ kind: ApplicationKind) -> [ApplicationForm] {
        forms.filter { $0.kind == kind }.sorted { $0.validFrom < $1.validFrom }
    }
}

extension ApplicationForm: Decodable {
    enum CodingKeys: String, CodingKey {
        case kind, version, official, title, summary, legalBasis, validFrom, validUntil, authority, authorityPostalCode, filing, fee
        case reviewNotes, sections, attachments
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func day(_ key: CodingKeys) throws -> LocalDate? {
            guard let s = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard let d = LocalDate(iso: s) else { throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "not a date") }
            return d
        }
        kind = try c.decode(ApplicationKind.self, forKey: .kind)
        version = try c.decode(String.self, forKey: .version)
        official = try c.decode(String.self, forKey: .official)
        title = try c.decode(FormText.self, forKey: .title)
        summary = try c.decode(FormText.self, forKey: .summary)
        legalBasis = try c.decode(String.self, forKey: .legalBasis)
        guard let from = try day(.validFrom) else { throw DecodingError.keyNotFound(CodingKeys.validFrom, .init(codingPath: [], debugDescription: "")) }
        validFrom = from
        validUntil = try day(.validUntil)
        authority = try c.decode(CompetentAuthority.self, forKey: .authority)
        authorityPostalCode = try c.decode(String.self, forKey: .authorityPostalCode)
        filing = try c.decode(FormText.self, forKey: .filing)
        fee = try c.decode(FormText.self, forKey: .fee)
        reviewNotes = try c.decodeIfPresent([ReviewNote].self, forKey: .reviewNotes) ?? []
        sections = try c.decode([FormSection].self, forKey: .sections)
        attachments = try c.decodeIfPresent([FormOption].self, forKey: .attachments) ?? []
    }
}
