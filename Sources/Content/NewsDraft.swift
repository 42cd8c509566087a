import Foundation
import Portal
import Knowledge

/// A news item as an editor writes it. The body is in the knowledge base's safe markup
/// (`KBMarkup`): nothing typed becomes HTML.
public struct NewsDraft: Sendable, Equatable, Codable {
    public var language: String
    public var title: String
    /// One or two sentences shown in lists, feeds and alerts.
    public var lead: String
    public var body: String
    public var scope: NewsScope
    public var audience: ContentAudience
    public var publishAt: Date
    /// nil: stays up until taken down.
    public var expiresAt: Date?
    /// Required whenever the item has an image; says what the image shows.
    public var imageAlt: String

    public init(language: String, title: String, lead: String, body: String, scope: NewsScope, audience: ContentAudience = .everyone,
                publishAt: Date, expiresAt: Date? = nil, imageAlt: String = "") {
        self.language = language; self.title = title; self.lead = lead; self.body = body; self.scope = scope; self.audience = audience
        self.publishAt = publishAt; self.expiresAt = expiresAt; self.imageAlt = imageAlt
    }

    public static let languages = ["pl", "en", "ru", "uk"]

    /// What is wrong with it, field by field; `hasImage` when an image is (or will be) attached.
    public func problems(hasImage: Bool) -> [OfferDraft.Problem] {
        var out: [OfferDraft.Problem] = []
        if !Self.languages.contains(language) { out.append(.init("language", "search.error.choice")) }
        if let p = OfferDraft.Problem.length("title", title, min: 3, max: 200) { out.append(p) }
        if let p = OfferDraft.Problem.length("lead", lead, min: 10, max: 400) { out.append(p) }
        if let p = OfferDraft.Problem.length("body", body, min: 1, max: 20_000) { out.append(p) }
        if let expiresAt, expiresAt <= publishAt { out.append(.init("expires_at", "news.error.expires_before_publish")) }
        if hasImage { out += AltText.problems(imageAlt, field: "image_alt") }
        return out
    }

    /// The words of the body without markup (feeds, alerts).
    public var plainBody: String { KBMarkup.plainText(body) }
}

/// The alternative text of an image: said in words, not a file's name or a placeholder.
public enum AltText {
    static let placeholders: Set<String> = ["image", "img", "photo", "picture", "logo", "obraz", "obrazek", "zdjęcie", "zdjecie", "grafika",
                                            "фото", "изображение", "картинка", "зображення", "світлина"]

    public static func problems(_ text: String, field: String) -> [OfferDraft.Problem] {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { return [.init(field, "news.error.alt_missing")] }
        if let p = OfferDraft.Problem.length(field, t, min: 3, max: 250) { return [p] }
        let lower = t.lowercased()
        if placeholders.contains(lower) { return [.init(field, "news.error.alt_placeholder")] }
        let extensions = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp"]
        if extensions.contains(where: lower.hasSuffix) || lower.hasPrefix("img_") || lower.hasPrefix("dsc") && lower.dropFirst(3).allSatisfy({ $0.isNumber || $0 == "_" }) {
            return [.init(field, "news.error.alt_filename")]
        }
        return []
    }
}
