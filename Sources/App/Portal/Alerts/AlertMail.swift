import Vapor
import Views
import Localization
import Portal
import Storage

/// The e-mail of one alert run: the new matches as a list with links, the search itself, and
/// a signed one-click unsubscribe link.
struct AlertMail {
    let publicURL: String
    let key: SymmetricKey

    func unsubscribeLink(_ id: UUID) -> String { publicURL + SignedLink.alertUnsubscribe(key).path(id) }

    static func searchPath(_ kind: SavedSearchKind) -> String {
        switch kind {
        case .offers: SiteRoute.offers.path
        case .trainings: SiteRoute.trainings.path
        case .jobFairs: SiteRoute.jobFairs.path
        case .candidates: SiteRoute.employerCandidates.path
        case .matches: SiteRoute.accountMatches.path
        case .news: SiteRoute.news.path
        }
    }

    func compose(to email: String, search s: SavedSearch, matches: [AlertRunner.Match], language: Language) -> OutboxMessage {
        let t = Catalogues.bundled[language]
        let shown = matches.prefix(AlertSchedule.maximumPerMail)
        let subject = t.text("alerts.mail.subject." + s.kind.rawValue, ["label": s.label])
        let intro = t.plural("alerts.mail.intro", count: matches.count, ["count": "\(matches.count)", "label": s.label])
        let more = matches.count > shown.count ? t.text("alerts.mail.more", ["count": "\(matches.count - shown.count)"]) : nil
        let searchLink = publicURL + Self.searchPath(s.kind) + (s.query.isEmpty ? "" : "?" + s.query)
        let unsubscribe = unsubscribeLink(s.id)
        var text = [t.text("mail.greeting"), intro]
        text += shown.map { "• \($0.title)" + ($0.detail.isEmpty ? "" : " – \($0.detail)") + "\n  " + publicURL + $0.path }
        if let more { text.append(more) }
        text += [t.text("alerts.mail.search") + " " + searchLink, t.text("alerts.mail.unsubscribe") + " " + unsubscribe, t.text("mail.signature")]
        let esc = MailComposer(publicURL: publicURL).escape
        let html = """
            <!doctype html><html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(esc(subject))</title></head><body>
            <p>\(esc(t.text("mail.greeting")))</p>
            <p>\(esc(intro))</p>
            <ul>
            \(shown.map { "<li><a href=\"\(esc(publicURL + $0.path))\">\(esc($0.title))</a>\($0.detail.isEmpty ? "" : " – " + esc($0.detail))</li>" }.joined(separator: "\n"))
            </ul>
            \(more.map { "<p>\(esc($0))</p>" } ?? "")
            <p><a href="\(esc(searchLink))">\(esc(t.text("alerts.mail.search")))</a></p>
            <p><a href="\(esc(unsubscribe))">\(esc(t.text("alerts.mail.unsubscribe")))</a></p>
            <p>\(esc(t.text("mail.signature")))</p>
            </body></html>
            """
        return OutboxMessage(recipient: email, subject: subject, textBody: text.joined(separator: "\n\n"), htmlBody: html,
                             language: language.rawValue, kind: "alert_" + s.kind.rawValue)
    }
}
