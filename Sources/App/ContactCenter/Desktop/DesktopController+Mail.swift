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
    /// The contact's written correspondence: the e-mails of its case (an e-mail case, or the
    /// thread a reply to a form started) and, for an SMS contact, its messages and the replies.
    func mailThread(_ i: Interaction, _ req: Request) async throws -> [InteractionPage.Mail] {
        let t = req.catalogue
        var out: [InteractionPage.Mail] = []
        if i.channel == .sms {
            let context = try await ContactCenterStore(db: req.db).context(of: i.id)
            if let text = context.message {
                out.append(.init(id: "sms-" + i.id.uuidString, inbound: true, heading: t.text("desktop.sms_in", ["from": context.phone ?? ""]),
                                 when: DateText.dateTime(i.queuedAt, req.language), subject: "", body: text, problems: [], attachments: []))
            }
            for m in try await SMSStore(db: req.db).messages(interaction: i.id, kinds: [Self.replyKind]) {
                out.append(.init(id: m.id.uuidString, inbound: false, heading: t.text("desktop.sms_out", ["to": m.phone]) + " · " + t.text("sms.status." + m.status.rawValue),
                                 when: DateText.dateTime(m.sendAt, req.language), subject: "", body: m.body, problems: [], attachments: []))
            }
        }
        guard let caseID = try await MailStore(db: req.db).caseID(of: i.id) else { return out }
        return out + (try await MailStore(db: req.db).messages(ofCase: caseID).map { m in
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
        })
    }

    /// The kind of an SMS a consultant wrote from the screen pop.
    static let replyKind = "reply"

    /// Where a written reply to this contact goes (`ReplyPolicy`): the address or number the
    /// contact came with, else the client's.
    func replyRoute(_ i: Interaction, _ req: Request) async throws -> ReplyPolicy.Route? {
        let context = try await ContactCenterStore(db: req.db).context(of: i.id)
        let client = try await i.clientID.asyncMap { try await ClientStore(db: req.db).find(id: $0) } ?? nil
        return ReplyPolicy.route(channel: i.channel, email: context.email ?? client?.emails.first, phone: context.phone ?? client?.phones.first)
    }

    /// Whether the contact has had its written answer (an e-mail or an SMS from a consultant).
    func answered(_ i: Interaction, _ req: Request) async throws -> Bool {
        if try await MailStore(db: req.db).answered(interaction: i.id) { return true }
        return !(try await SMSStore(db: req.db).messages(interaction: i.id, kinds: [Self.replyKind]).isEmpty)
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes < 1_024 * 1_024 ? "\(max(1, bytes / 1_024)) kB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    struct ReplyInput: Content { var reply: String? }

    /// The consultant's written answer, in the contact's own channel: an e-mail case in its
    /// thread; a web form, a callback or a video booking by e-mail (threaded under the case
    /// number, so the client's reply continues the case) or, without an address, by SMS; an SMS
    /// by SMS. Each reply is noted on the contact, so it is in the client's history too.
    @Sendable func reply(req: Request, member: StaffMember) async throws -> Response {
        let id = try interactionID(req)
        guard let (i, _) = try await ContactCenterStore(db: req.db).find(id) else { throw DesktopError.notFound }
        guard i.agentID == member.id.uuidString else { throw DesktopError.notYours }
        let t = req.catalogue
        guard i.state == .connected || i.state == .wrapUp else {
            return try await interactionPage(req, member, form: FormState(errors: [("reply", t.text(DesktopError.finished.key))]), notice: nil, status: .conflict)
        }
        let caseID = try await MailStore(db: req.db).caseID(of: i.id)
        let route = try await replyRoute(i, req)
        guard i.channel == .email ? caseID != nil : route != nil else {
            return try await interactionPage(req, member, form: FormState(errors: [("reply", t.text("desktop.reply_impossible"))]), notice: nil, status: .conflict)
        }
        let (text, problem) = Self.noteText(try req.content.decode(ReplyInput.self).reply, field: "reply", required: true, req)
        if let problem { return try await interactionPage(req, member, form: problem, notice: nil, status: .badRequest) }
        if case .sms = route, text!.count > Self.smsReplyLimit {
            return try await interactionPage(req, member, form: FormState(values: ["reply": text!], errors: [("reply", t.text("desktop.reply_sms_too_long", ["max": "\(Self.smsReplyLimit)"]))]),
                                             notice: nil, status: .badRequest)
        }
        let language = Language(rawValue: i.language) ?? .pl
        let now = try await ServerClock.now(req.db)
        let author = member.id.uuidString
        let channel = MailChannel(db: req.db, events: req.application.desktopEvents, logger: req.logger, config: req.services.config)
        let composer = MailComposer(publicURL: req.services.config.publicURL)
        let signature = Self.signature(try await req.directory.office(id: i.officeID), language: language)
        if i.channel == .email, let caseID {
            guard let last = try await MailStore(db: req.db).messages(ofCase: caseID).last(where: { $0.direction == .inbound && !$0.fromAddress.isEmpty }) else {
                throw DesktopError.notFound
            }
            var mail = composer.personal(to: last.fromAddress, text: text! + "\n\n-- \n" + signature, language: language)
            mail.subject = MailChannel.replySubject(last.subject, caseNumber: ContactMessage.caseNumber(caseID), fallback: ContactMessage.caseNumber(caseID))
            let reply = mail
            try await req.db.transaction { tx in
                try await channel.send(reply, answering: last, author: author, now: now, tx)
                try await ContactCenterStore(db: tx).addNote(i.id, author: author, text: t.text("desktop.reply_noted_email", ["to": last.fromAddress, "text": text!]), at: now)
            }
        } else if case .email(let address)? = route {
            // The first answer starts the case's thread (its case number is the contact's); later ones continue it.
            let caseID = caseID ?? i.id
            let thread = try await MailStore(db: req.db).messages(ofCase: caseID)
            let context = try await ContactCenterStore(db: req.db).context(of: i.id)
            let caseNumber = context.caseNumber ?? ContactMessage.caseNumber(caseID)
            var mail = composer.personal(to: address, text: text! + "\n\n-- \n" + signature, language: language)
            let about = context.subject ?? Catalogues.bundled[language].text("topic." + i.topic)
            mail.subject = MailChannel.replySubject(thread.last?.subject ?? about, caseNumber: caseNumber, fallback: caseNumber)
            let reply = mail, last = thread.last
            try await req.db.transaction { tx in
                try await channel.send(reply, case: caseID, interaction: i.id, inReplyTo: last?.messageID,
                                       references: (last?.references ?? []) + [last?.messageID].compactMap { $0 }, author: author, now: now, tx)
                try await ContactCenterStore(db: tx).addNote(i.id, author: author, text: t.text("desktop.reply_noted_email", ["to": address, "text": text!]), at: now)
            }
        } else if case .sms(let phone)? = route {
            let sms = SMSMessage(phone: phone, body: text!, kind: Self.replyKind, clientID: i.clientID, interactionID: i.id, sendAt: now)
            let queued: Bool = try await req.db.transaction { tx in
                let queued = try await SMSStore(db: tx).enqueue(sms, now: now)
                guard queued else { return false }
                try await ContactCenterStore(db: tx).addNote(i.id, author: author, text: t.text("desktop.reply_noted_sms", ["to": phone, "text": text!]), at: now)
                return true
            }
            // The refused message stays in the outbox's record; the contact gets no note of an answer that cannot go.
            guard queued else {
                return try await interactionPage(req, member, form: FormState(values: ["reply": text!], errors: [("reply", t.text("desktop.reply_sms_refused"))]),
                                                 notice: nil, status: .conflict)
            }
        }
        return req.redirect(to: SiteRoute.desktopInteraction(i.id.uuidString).with(["done": "replied"]), redirectType: .normal)
    }

    /// A reply by SMS fits in a few messages (the gateway sends it in UCS-2 parts of 67).
    static let smsReplyLimit = 600

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
