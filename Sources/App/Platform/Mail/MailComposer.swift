import Vapor
import Localization
import Storage
import Views

/// System e-mails in the recipient's language, as plain text and as HTML with the same words.
struct MailComposer: Sendable {
    let publicURL: String

    func verifyEmail(to email: String, token: String, language: Language) -> OutboxMessage {
        let link = publicURL + SiteRoute.verifyEmail.with(["token": token])
        return compose(to: email, kind: "verify_email", language: language, subjectKey: "mail.verify.subject",
                       paragraphs: ["mail.verify.body"], link: link)
    }

    func resetPassword(to email: String, token: String, language: Language) -> OutboxMessage {
        let link = publicURL + SiteRoute.resetPassword.with(["token": token])
        return compose(to: email, kind: "reset_password", language: language, subjectKey: "mail.reset.subject",
                       paragraphs: ["mail.reset.body"], link: link)
    }

    /// A new staff account: the link sets the first password (then TOTP enrolment at sign-in).
    func staffWelcome(to email: String, token: String, language: Language) -> OutboxMessage {
        compose(to: email, kind: "staff_welcome", language: language, subjectKey: "mail.staff.subject",
                paragraphs: ["mail.staff.body"], link: publicURL + SiteRoute.resetPassword.with(["token": token]))
    }

    func companyInvitation(to email: String, token: String, company: String, language: Language) -> OutboxMessage {
        compose(to: email, kind: "company_invitation", language: language, subjectKey: "mail.invite.subject",
                paragraphs: ["mail.invite.body"], link: publicURL + SiteRoute.registerEmployerJoin.with(["token": token]), args: ["company": company])
    }

    /// Sent to the new address; the change happens only when its link is opened.
    func confirmNewEmail(to email: String, token: String, language: Language) -> OutboxMessage {
        compose(to: email, kind: "change_email", language: language, subjectKey: "mail.change.subject",
                paragraphs: ["mail.change.body"], link: publicURL + SiteRoute.accountEmailConfirm.with(["token": token]))
    }

    /// Sent to the old address, so a stolen session cannot quietly take the account over.
    func emailChangeNotice(to email: String, newEmail: String, language: Language) -> OutboxMessage {
        compose(to: email, kind: "change_email_notice", language: language, subjectKey: "mail.change_notice.subject",
                paragraphs: ["mail.change_notice.body"], link: publicURL + SiteRoute.login.path, args: ["email": newEmail])
    }

    /// A verified employer is interested in the seeker's CV. The employer got no contact data;
    /// the link is the offer, where the seeker can apply if they want to.
    func candidateInterest(to email: String, company: String, offerTitle: String, offerID: UUID, language: Language) -> OutboxMessage {
        compose(to: email, kind: "candidate_interest", language: language, subjectKey: "mail.interest.subject",
                paragraphs: ["mail.interest.body", "mail.interest.privacy"], link: publicURL + SiteRoute.offer(offerID.uuidString.lowercased()).path,
                args: ["company": company, "offer": offerTitle])
    }

    /// After a contact: how was it? (1–5, one click to the page.)
    func survey(to email: String, token: String, language: Language) -> OutboxMessage {
        compose(to: email, kind: "survey", language: language, subjectKey: "mail.survey.subject", paragraphs: ["mail.survey.body"],
                link: publicURL + SiteRoute.survey(token).path)
    }

    /// A consultant sends an answer from the knowledge base to the client they are helping.
    func knowledgeArticle(to email: String, title: String, id: UUID, language: Language) -> OutboxMessage {
        compose(to: email, kind: "kb_article", language: language, subjectKey: "mail.kb.subject", paragraphs: ["mail.kb.body"],
                link: publicURL + SiteRoute.faqEntry(id.uuidString.lowercased()).with(["lang": language.rawValue]), args: ["title": title])
    }

    /// A job offer a consultant recommends to the client.
    func offerForClient(to email: String, title: String, id: UUID, language: Language) -> OutboxMessage {
        compose(to: email, kind: "offer_recommended", language: language, subjectKey: "mail.offer.subject", paragraphs: ["mail.offer.body"],
                link: publicURL + SiteRoute.offer(id.uuidString.lowercased()).with(["lang": language.rawValue]), args: ["title": title])
    }

    /// A chat's transcript: one paragraph per line, as said (escaped in the HTML part).
    func chatTranscript(to email: String, lines: [String], case caseNumber: String, language: Language) -> OutboxMessage {
        compose(to: email, kind: "chat_transcript", language: language, subjectKey: "mail.chat.subject", paragraphs: ["mail.chat.body"],
                link: publicURL + SiteRoute.chat.with(["lang": language.rawValue]), args: ["case": caseNumber], lines: lines)
    }

    /// A consultant's own words (a reply): as written, no greeting or footer of ours but the
    /// signature they carry; the HTML part is the same text, escaped.
    func personal(to email: String, text: String, language: Language) -> OutboxMessage {
        let paragraphs = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
        let html = """
            <!doctype html><html lang="\(language.rawValue)"><head><meta charset="utf-8"><title></title></head><body>
            \(paragraphs.map { "<p>\(escape($0).replacingOccurrences(of: "\n", with: "<br>"))</p>" }.joined(separator: "\n"))
            </body></html>
            """
        return OutboxMessage(recipient: email, subject: "", textBody: text, htmlBody: html, language: language.rawValue, kind: "mail_reply")
    }

    /// A request or complaint registered: its reference and the date the answer is due.
    func requestReceived(to email: String, reference: String, due: String, language: Language) -> OutboxMessage {
        compose(to: email, kind: "privacy_request_received", language: language, subjectKey: "mail.request_received.subject",
                paragraphs: ["mail.request_received.body"], link: publicURL + SiteRoute.privacy.with(["lang": language.rawValue]),
                args: ["reference": reference, "due": due])
    }

    /// The deadline of a request extended, with the reason (told within the first month).
    func requestExtended(to email: String, reference: String, due: String, reason: String, language: Language) -> OutboxMessage {
        compose(to: email, kind: "privacy_request_extended", language: language, subjectKey: "mail.request_extended.subject",
                paragraphs: ["mail.request_extended.body"], link: publicURL + SiteRoute.privacy.with(["lang": language.rawValue]),
                args: ["reference": reference, "due": due], lines: [reason])
    }

    /// An account nobody signed in to for long is deleted on `date` unless its owner signs in.
    func accountDeletionWarning(to email: String, date: String, language: Language) -> OutboxMessage {
        compose(to: email, kind: "account_deletion_warning", language: language, subjectKey: "mail.account_deletion_warning.subject",
                paragraphs: ["mail.account_deletion_warning.body"], link: publicURL + SiteRoute.login.with(["lang": language.rawValue]),
                args: ["date": date])
    }

    /// A person's copy of their data is ready; the link works for a week, signed in.
    func exportReady(to email: String, id: String, language: Language, until: String) -> OutboxMessage {
        compose(to: email, kind: "privacy_export_ready", language: language, subjectKey: "mail.export_ready.subject",
                paragraphs: ["mail.export_ready.body"], link: publicURL + SiteRoute.accountPrivacyExportFile(id).path, args: ["date": until])
    }

    /// The data protection officer's morning list of requests near or past their deadline.
    func requestDigest(to email: String, count: Int, lines: [String], language: Language) -> OutboxMessage {
        compose(to: email, kind: "privacy_request_digest", language: language, subjectKey: "mail.request_digest.subject",
                paragraphs: ["mail.request_digest.body"], link: publicURL + SiteRoute.staffPrivacy.path, args: ["count": "\(count)"], lines: lines)
    }

    /// The answer to a request, as the data protection officer wrote it.
    func requestAnswer(to email: String, reference: String, text: String, language: Language) -> OutboxMessage {
        compose(to: email, kind: "privacy_request_answer", language: language, subjectKey: "mail.request_answer.subject",
                paragraphs: ["mail.request_answer.body"], link: publicURL + SiteRoute.privacy.with(["lang": language.rawValue]),
                args: ["reference": reference], lines: text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n"))
    }

    /// `lines` are texts as they are (not catalogue keys), placed after the paragraphs.
    func compose(to email: String, kind: String, language: Language, subjectKey: String, paragraphs: [String], link: String,
                 args: [String: String] = [:], lines: [String] = []) -> OutboxMessage {
        let t = Catalogues.bundled[language]
        let texts = paragraphs.map { t.text($0, args) } + lines
        let signature = t.text("mail.signature")
        let text = ([t.text("mail.greeting")] + texts + [link, t.text("mail.ignore"), signature]).joined(separator: "\n\n")
        let html = """
            <!doctype html><html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(escape(t.text(subjectKey)))</title></head><body>
            <p>\(escape(t.text("mail.greeting")))</p>
            \(texts.map { "<p>\(escape($0))</p>" }.joined(separator: "\n"))
            <p><a href="\(escape(link))">\(escape(link))</a></p>
            <p>\(escape(t.text("mail.ignore")))</p>
            <p>\(escape(signature))</p>
            </body></html>
            """
        return OutboxMessage(recipient: email, subject: t.text(subjectKey), textBody: text, htmlBody: html,
                             language: language.rawValue, kind: kind)
    }

    func escape(_ s: String) -> String { Self.escape(s) }

    static func escape(_ s: String) -> String { Markup.escape(s) }
}
