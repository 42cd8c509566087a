import Vapor
import Views
import Localization
import Storage

/// The newsletter's e-mails: the confirmation of a subscription (double opt-in) and an
/// edition, which ends with a signed one-click unsubscribe link for its subscriber.
struct NewsletterMail {
    let publicURL: String
    let key: SymmetricKey

    func unsubscribeLink(_ id: UUID) -> String { publicURL + SignedLink.newsletterUnsubscribe(key).path(id) }

    func confirmation(to email: String, token: String, language: Language) -> OutboxMessage {
        MailComposer(publicURL: publicURL).compose(to: email, kind: "newsletter_confirm", language: language, subjectKey: "mail.newsletter.subject",
                                                   paragraphs: ["mail.newsletter.body"], link: publicURL + SiteRoute.newsletterConfirm.with(["token": token]))
    }

    /// The edition's text (paragraphs separated by blank lines) as it was written; markup in it
    /// stays text in the HTML part.
    func escape(_ s: String) -> String { MailComposer.escape(s) }

    func edition(_ e: NewsletterEdition, to s: NewsletterSubscriber) -> OutboxMessage {
        let language = Language(rawValue: e.language) ?? .pl
        let t = Catalogues.bundled[language]
        let paragraphs = e.body.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let link = unsubscribeLink(s.id)
        let text = (paragraphs + [t.text("newsletter.mail_why"), t.text("newsletter.mail_unsubscribe") + " " + link, t.text("mail.signature")])
            .joined(separator: "\n\n")
        let html = """
            <!doctype html><html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(escape(e.subject))</title></head><body>
            \(paragraphs.map { "<p>\(escape($0).replacingOccurrences(of: "\n", with: "<br>"))</p>" }.joined(separator: "\n"))
            <p>\(escape(t.text("newsletter.mail_why")))</p>
            <p><a href="\(escape(link))">\(escape(t.text("newsletter.mail_unsubscribe")))</a></p>
            <p>\(escape(t.text("mail.signature")))</p>
            </body></html>
            """
        return OutboxMessage(recipient: s.email, subject: e.subject, textBody: text, htmlBody: html, language: language.rawValue, kind: "newsletter")
    }
}
