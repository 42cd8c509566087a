import Vapor
import Views
import ContactCenter
import Directory
import Storage
import Localization
import Clients
import Privacy

/// The consultant's side of the e-mail channel: the case's messages in the screen pop, the
/// reply (threaded, from the service address, signed with the office's details), and the
/// attachments, handed out as downloads only.
extension DesktopController {
    func mailThread(_ i: Interaction, _ req: Request) async throws -> [InteractionPage.Mail] {
        guard i.channel == .email, let caseID = try await MailStore(db: req.db).caseID(of: i.id) else { return [] }
        let t = req.catalogue
        return try await MailStore(db: req.db).messages(ofCase: caseID).map { m in
            InteractionPage.Mail(
                id: m.id.uuidString, inbound: m.direction == .inbound,
                heading: t.text(m.direction == .inbound ? "desktop.mail_in" : (m.authorID == nil ? "desktop.mail_ack" : "desktop.mail_out"),
                                ["from": [m.fromName, "<\(m.fromAddress)>"].compactMap { $0 }.joined(separator: " "), "to": m.toAddress]),
                when: DateText.dateTime(m.at, req.language), subject: m.subject, body: m.body,
                problems: m.problems.map { t.text("desktop.mail_problem_" + $0, ["size": Self.megabytes(m.size)]) },
                attachments: m.attachments.map { a in
                    (url: SiteRoute.desktopAttachment(i.id.uuidString).with(["file": a.id.uuidString.lowercased()]),
                     label: "\(a.filename) (\(Self.megabytes(a.size)), \(a.contentType))")
                })
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes < 1_024 * 1_024 ? "\(max(1, bytes / 1_024)) kB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    struct ReplyInput: Content { var reply: String? }

    @Sendable func mailReply(req: Request, member: StaffMember) async throws -> Response {
        let id = try interactionID(req)
        guard let (i, _) = try await ContactCenterStore(db: req.db).find(id) else { throw DesktopError.notFound }
        guard i.agentID == member.id.uuidString else { throw DesktopError.notYours }
        guard i.channel == .email, let caseID = try await MailStore(db: req.db).caseID(of: i.id) else {
            return try await interactionPage(req, member, form: FormState(errors: [("reply", req.catalogue.text("desktop.mail_not_email"))]),
                                             notice: nil, status: .conflict)
        }
        guard i.state == .connected || i.state == .wrapUp else {
            return try await interactionPage(req, member, form: FormState(errors: [("reply", req.catalogue.text(DesktopError.finished.key))]),
                                             notice: nil, status: .conflict)
        }
        let (text, problem) = Self.noteText(try req.content.decode(ReplyInput.self).reply, field: "reply", required: true, req)
        if let problem { return try await interactionPage(req, member, form: problem, notice: nil, status: .badRequest) }
        guard let last = try await MailStore(db: req.db).messages(ofCase: caseID).last(where: { $0.direction == .inbound && !$0.fromAddress.isEmpty }) else {
            throw DesktopError.notFound
        }
        let language = Language(rawValue: i.language) ?? .pl
        let office = try await req.directory.office(id: i.officeID)
        let signature = Self.signature(office, language: language)
        let caseNumber = ContactMessage.caseNumber(caseID)
        var mail = MailComposer(publicURL: req.services.config.publicURL).personal(to: last.fromAddress, text: text! + "\n\n-- \n" + signature,
                                                                                  language: language)
        mail.subject = MailChannel.replySubject(last.subject, caseNumber: caseNumber, fallback: caseNumber)
        let channel = MailChannel(db: req.db, events: req.application.desktopEvents, logger: req.logger, config: req.services.config)
        let now = try await ServerClock.now(req.db)
        let reply = mail
        try await req.db.transaction { tx in
            try await channel.send(reply, answering: last, author: member.id.uuidString, now: now, tx)
            try await ContactCenterStore(db: tx).addNote(i.id, author: member.id.uuidString, text: req.catalogue.text("desktop.mail_replied"), at: now)
        }
        return req.redirect(to: SiteRoute.desktopInteraction(i.id.uuidString).with(["done": "replied"]), redirectType: .normal)
    }

    /// The office's details under a reply, in the client's language.
    static func signature(_ office: Office?, language: Language) -> String {
        let t = Catalogues.bundled[language]
        var lines = [t.text("mail.reply_signature")]
        if let o = office {
            lines.append(o.name)
            let address = [o.street, [o.postalCode, o.locality].compactMap { $0 }.joined(separator: " ")].compactMap { $0 }.filter { !$0.isEmpty }
            if !address.isEmpty { lines.append(address.joined(separator: ", ")) }
            if let phone = o.phone { lines.append(t.text("mail.reply_phone", ["phone": phone])) }
        }
        lines.append(t.text("mail.reply_hotline"))
        return lines.joined(separator: "\n")
    }

    /// An attachment of the contact's case, as a download (never shown inline: its type is the
    /// sender's word); reading it is in the audit log when the client is known.
    @Sendable func mailAttachment(req: Request, member: StaffMember) async throws -> Response {
        let id = try interactionID(req)
        guard let (i, _) = try await ContactCenterStore(db: req.db).find(id) else { throw DesktopError.notFound }
        guard i.agentID == member.id.uuidString else { throw DesktopError.notYours }
        guard let fileID = (try? req.query.get(String.self, at: "file")).flatMap(UUID.init(uuidString:)) else {
            throw FieldValidationError(field: "file", reason: req.catalogue.text("desktop.mail_no_file"))
        }
        guard let a = try await MailStore(db: req.db).attachment(fileID), try await MailStore(db: req.db).caseID(of: i.id) == a.caseID else {
            throw DesktopError.notFound
        }
        if let clientID = i.clientID, let c = try await ClientStore(db: req.db).find(id: clientID) {
            try await AuditLog(db: req.db, address: req.clientAddress).append(AuditEntry(actorID: member.id, actorOfficeID: member.primaryOffice, clientID: c.id, clientOfficeID: c.officeID,
                                                             action: "client.read", detail: "mail attachment \(fileID.uuidString)", reason: "email"))
        }
        let res = Response(status: .ok, body: .init(data: a.data))
        res.headers.contentType = HTTPMediaType(type: "application", subType: "octet-stream")
        let ascii = String(a.filename.unicodeScalars.map { $0.isASCII && $0.value >= 32 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = a.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        res.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }
}
