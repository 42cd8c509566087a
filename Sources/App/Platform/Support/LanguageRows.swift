import Vapor

/// The languages a form sends as rows of two lists (`languages_N`, `languages_level_N`, see
/// `ChoiceFields.languages`) read back as the stored notation "en:B2, de:A2". A row with a
/// language and no level (or a level and no language) is kept as "en:" so the form's own check
/// refuses it by field; a form without rows (the API, an older page) sends `languages` itself.
enum LanguageRows {
    static func text(_ req: Request, name: String = "languages") -> String? {
        guard let all = try? req.content.decode([String: String].self), all.keys.contains(name + "_1") else { return nil }
        return (1...8).compactMap { n -> String? in
            let code = (all["\(name)_\(n)"] ?? "").trimmingCharacters(in: .whitespaces)
            let level = (all["\(name)_level_\(n)"] ?? "").trimmingCharacters(in: .whitespaces)
            if code.isEmpty && level.isEmpty { return nil }
            return code + ":" + level
        }.joined(separator: ", ")
    }
}
