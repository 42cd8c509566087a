import Vapor
import Content
import Storage
import Privacy

/// Two demo members' threads in PUP Białystok's forum and the national one, let through by the
/// demo moderator as any new member's first posts are, and a reply; one thread has a fixed id
/// so the browser tests can open it.
enum DemoForum {
    static let threadID = UUID(uuidString: "00000000-0000-4000-8000-00000000f001")!

    static func load(_ app: Application) async throws {
        let accounts = AccountStore(db: app.db)
        guard try await ForumStore(db: app.db).thread(threadID) == nil,
              let jan = try await accounts.find(email: "jan.demo@example.org"), let olena = try await accounts.find(email: "olena.demo@example.org"),
              let moderator = try await accounts.find(email: "moderator.krajowy@example.org") else { return }
        let store = ForumStore(db: app.db), analyzer = app.services.analyzer
        let mail: ForumStore.ReplyMail = { email, _, _ in OutboxMessage(recipient: email, subject: "", textBody: "", htmlBody: "", language: "pl", kind: "forum_reply") }
        let audit = AuditEntry(actorID: moderator.id, actorOfficeID: nil, clientID: nil, action: "forum.post.approve", detail: "demo", reason: "")
        func approve(_ post: UUID) async throws {
            try await store.decide(post, .approve, reason: "", analyzer: analyzer, mail: mail, audit: audit, address: nil)
        }
        let first = try await store.startThread(
            in: .office("pup-2002"), ForumPostDraft(title: "Szkolenie na wózki widłowe – czy ktoś był?",
                                                    body: "Dostałem skierowanie na kurs operatora wózków widłowych z egzaminem UDT.\n\nCzy ktoś był na takim kursie z urzędu? Jak długo trwa?"),
            author: jan.id, nickname: "Jan z Podlasia", subscribe: false, analyzer: analyzer, mail: mail, id: threadID)
        try await approve(first.post)
        let reply = try await store.reply(to: threadID, body: "Byłam w zeszłym roku: trzy tygodnie, egzamin na końcu. Warto!", author: olena.id,
                                          nickname: "Olena", subscribe: false, analyzer: analyzer, mail: mail)
        try await approve(reply.post)
        let second = try await store.startThread(
            in: .national, ForumPostDraft(title: "Rejestracja w urzędzie przez internet",
                                          body: "Czy rejestracja przez praca.gov.pl wystarczy, czy trzeba potem iść do urzędu?"),
            author: olena.id, nickname: nil, subscribe: false, analyzer: analyzer, mail: mail)
        try await approve(second.post)
    }
}
