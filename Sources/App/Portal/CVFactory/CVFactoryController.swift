import Vapor
import Views
import Identity
import Portal
import Storage
import Localization
import TextSearch

/// Fabryka CV for the requester (`/cv-factory`): a job seeker asks from their account (from a
/// CV of theirs or a file), a visitor with an e-mail address and a file; both get a
/// confirmation with the link to the request's status, where the result is accepted (for an
/// account it becomes a CV: a new one, or the new version of the CV it improved) or sent back
/// with a reason, and where a request may be withdrawn.
struct CVFactoryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.cvFactory.pathComponents, use: page)
        // A CV file of 5 MB and the form around it.
        routes.on(.POST, SiteRoute.cvFactory.pathComponents, body: .collect(maxSize: ByteCount(integerLiteral: CSRFMiddleware.maxUploadBytes)), use: send)
        routes.get(SiteRoute.cvFactoryStatus(":key").pathComponents, use: status)
        routes.post(SiteRoute.cvFactoryStep(":key").pathComponents, use: step)
        routes.get(SiteRoute.cvFactoryResultFile(":key").pathComponents, use: resultFile)
    }

    /// Requests a visitor may send from one address per hour.
    static let requestsPerHour = 5

    // MARK: the form and the requester's list

    func model(_ req: Request, form: FormState, account: Account?) async throws -> CVFactoryPage.Model {
        var m = CVFactoryPage.Model()
        m.form = form
        m.languages = CVFactoryPolicy.languages.map { ($0, Locale(identifier: req.language.rawValue).localizedString(forLanguageCode: $0) ?? $0) }
        if let account {
            m.signedIn = true
            m.cvs = try await CVStore(db: req.db).list(account: account.id).map { ($0.id.uuidString.lowercased(), $0.draft.title) }
            m.requests = try await CVFactoryStore(db: req.db).list(account: account.id).map { Self.summary($0, key: key(for: $0.id, req), req) }
        }
        return m
    }

    static func summary(_ r: CVFactoryRequest, key: String, _ req: Request) -> CVFactoryPage.Request {
        let t = req.catalogue
        return CVFactoryPage.Request(
            key: key, kind: t.text("cvf.kind." + r.kind.rawValue),
            language: Locale(identifier: req.language.rawValue).localizedString(forLanguageCode: r.targetLanguage) ?? r.targetLanguage,
            status: t.text("cvf.status." + r.status.rawValue), due: r.status.isFinished || r.status == .delivered ? "–" : DateText.date(r.dueAt, req.language),
            created: DateText.date(r.createdAt, req.language), canDecide: r.status == .delivered, canWithdraw: r.status.after(.withdraw) != nil)
    }

    /// The key of a request's links: its id and the id's signature, so a visitor's link works
    /// without an account and nobody can guess another's.
    func key(for id: UUID, _ req: Request) -> String {
        id.uuidString.lowercased() + "." + Secrets.signature(id, purpose: "cv-factory", key: req.services.secrets.cvFactoryKey)
    }

    /// The request a key opens: a valid signature, and for a request of an account, that account signed in.
    func request(_ req: Request) async throws -> (CVFactoryRequest, Account?) {
        let parts = (req.parameters.get("key") ?? "").split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let id = UUID(uuidString: parts[0]),
              Secrets.isSigned(id, purpose: "cv-factory", given: String(parts[1]), keys: req.services.secrets.accepted(\.cvFactoryKey)),
              let r = try await CVFactoryStore(db: req.db).find(id) else { throw Abort(.notFound) }
        guard let owner = r.accountID else { return (r, nil) }
        guard let account = try await CVController().seeker(req), account.id == owner else { throw Abort(.notFound) }
        return (r, account)
    }

    @Sendable func page(req: Request) async throws -> Response {
        let account = try await CVController().seeker(req)
        return .html(CVFactoryPage.render(try await model(req, form: FormState(values: ["kind": "improve", "target_language": req.language.rawValue]),
                                                          account: account), req.pageContext))
    }

    struct Input: Content {
        var kind: String?; var target_language: String?; var source_cv: String?; var note: String?
        var email: String?; var name: String?; var consent: String?; var website: String?; var file: File?
    }

    @Sendable func send(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        let t = req.catalogue
        let account = try await CVController().seeker(req)
        var form = FormState(values: ["kind": input.kind ?? "", "target_language": input.target_language ?? "", "source_cv": input.source_cv ?? "",
                                      "note": input.note ?? "", "email": input.email ?? "", "name": input.name ?? "", "consent": input.consent ?? ""])
        func refuse(_ status: HTTPStatus) async throws -> Response {
            .html(CVFactoryPage.render(try await model(req, form: form, account: account), req.pageContext), status: status)
        }
        if account == nil, !(input.website ?? "").isEmpty {
            var m = try await model(req, form: FormState(), account: nil)
            m.sent = (t.text("cvf.sent", ["date": DateText.date(CVFactoryPolicy.due(from: Date()), req.language)]), SiteRoute.cvFactory.path)
            return .html(CVFactoryPage.render(m, req.pageContext))
        }
        if account == nil {
            guard try await RateLimiter(db: req.db).hit("cvfactory:" + req.clientAddress, limit: Self.requestsPerHour, window: 3_600) else {
                form.errors.append(("note", t.text("cvf.too_many")))
                return try await refuse(.tooManyRequests)
            }
        }
        let kind = CVFactoryKind(rawValue: input.kind ?? "")
        if kind == nil { form.errors.append(("kind", t.text("cvf.kind_required"))) }
        let language = input.target_language ?? ""
        if !CVFactoryPolicy.languages.contains(language) { form.errors.append(("target_language", t.text("cvf.language_required"))) }
        let note = (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count < 10 { form.errors.append(("note", t.text("cvf.note_short"))) }
        if note.count > CVFactoryPolicy.maximumNote { form.errors.append(("note", t.text("cvf.note_long", ["max": "\(CVFactoryPolicy.maximumNote)"]))) }
        var sourceCV: UUID? = nil
        if let account, let raw = input.source_cv, !raw.isEmpty {
            guard let id = UUID(uuidString: raw), try await CVStore(db: req.db).find(id, account: account.id) != nil else {
                form.errors.append(("source_cv", t.text("cvf.source_cv_unknown")))
                return try await refuse(.badRequest)
            }
            sourceCV = id
        }
        var file: (name: String, data: Data)? = nil
        if let upload = input.file, upload.data.readableBytes > 0 {
            let data = Data(upload.data.readableBytesView)
            do {
                try CVFile.check(data)
                file = (CVController.safeFileName(upload.filename), data)
            } catch {
                form.errors.append(("file", t.text("form.invalid_field", ["field": t.text("cvf.file"), "reason": t.text(error.rawValue, ["max": "5"])])))
            }
        }
        if let kind, kind.needsSource, sourceCV == nil, file == nil, form.error("file") == nil {
            form.errors.append(("file", t.text(account == nil ? "cvf.file_required" : "cvf.source_required")))
        }
        var email = account?.email ?? ""
        var name: String? = nil
        if account == nil {
            switch EmailAddress.checked(input.email ?? "") {
            case .success(let e): email = e.value
            case .failure(let e):
                form.errors.append(("email", t.text("form.invalid_field", ["field": t.text("form.email"), "reason": t.text(e.catalogueKey, e.arguments)])))
            }
            let given = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if given.count > 200 { form.errors.append(("name", t.text("cvf.name_long", ["max": "200"]))) }
            name = given.isEmpty ? nil : given
            if input.consent != "on" { form.errors.append(("consent", t.text("cvf.consent_required"))) }
        } else if let account {
            name = try await AccountStore(db: req.db).profile(account.id).map (\.fullName)
        }
        guard form.errors.isEmpty, let kind else {
            let tooBig = form.errors.contains { $0.field == "file" } && (input.file?.data.readableBytes ?? 0) > CVFile.maximumBytes
            return try await refuse(tooBig ? .payloadTooLarge : .badRequest)
        }
        let now = Date()
        let r = CVFactoryRequest(kind: kind, targetLanguage: language, accountID: account?.id, email: email, name: name, language: req.language.rawValue,
                                 note: note, sourceCV: sourceCV, hasSourceFile: file != nil, dueAt: CVFactoryPolicy.due(from: now), createdAt: now)
        let link = req.services.config.publicURL + SiteRoute.cvFactoryStatus(key(for: r.id, req)).path
        let due = DateText.date(r.dueAt, req.language)
        let mail = MailComposer(publicURL: req.services.config.publicURL)
            .compose(to: email, kind: "cv_factory_confirmation", language: req.language, subjectKey: "mail.cvf.subject",
                     paragraphs: ["mail.cvf.body"], link: link, args: ["kind": t.text("cvf.kind." + kind.rawValue), "date": due])
        let upload = file
        try await req.db.transaction { tx in
            try await CVFactoryStore(db: tx).create(r, file: upload)
            try await Outbox(db: tx).enqueue(mail)
        }
        var m = try await model(req, form: FormState(values: ["kind": "improve", "target_language": req.language.rawValue]), account: account)
        m.sent = (t.text("cvf.sent", ["date": due]), SiteRoute.cvFactoryStatus(key(for: r.id, req)).path)
        return .html(CVFactoryPage.render(m, req.pageContext))
    }

    // MARK: one request

    func statusModel(_ r: CVFactoryRequest, _ req: Request, form: FormState = FormState(), notice: String? = nil) async throws -> CVFactoryPage.StatusModel {
        var m = CVFactoryPage.StatusModel(request: Self.summary(r, key: key(for: r.id, req), req), note: r.note)
        if r.status == .delivered || r.status == .accepted, let draft = r.result {
            m.result = try await CVFactoryDeskController.sections(draft, req)
        }
        if r.hasResultFile, r.status == .delivered || r.status == .accepted { m.resultFile = try await CVFactoryStore(db: req.db).file(r.id, .result)?.name }
        m.returnReason = r.status == .inProgress ? r.returnReason : nil
        m.form = form
        m.notice = notice
        return m
    }

    @Sendable func status(req: Request) async throws -> Response {
        let (r, _) = try await request(req)
        let notice = (try? req.query.get(String.self, at: "notice")).flatMap { ["accepted", "sent_back", "withdrawn"].contains($0) ? $0 : nil }
        return .html(CVFactoryPage.renderStatus(try await statusModel(r, req, notice: notice.map { req.catalogue.text("cvf.notice." + $0) }),
                                                req.pageContext))
    }

    struct StepInput: Content { var step: String?; var reason: String? }

    @Sendable func step(req: Request) async throws -> Response {
        let (r, account) = try await request(req)
        let input = try req.content.decode(StepInput.self)
        let t = req.catalogue
        let key = key(for: r.id, req)
        let back = SiteRoute.cvFactoryStatus(key)
        let now = Date()
        do {
            switch input.step {
            case "accept":
                // For an account the result becomes a CV: the new version of the CV improved, else a new one.
                let placed: (CVPlace, SearchTokens)? = try await r.result.asyncMap { try await CVController().placed($0, req) } ?? nil
                try await CVFactoryStore(db: req.db).step(r.id, .accept, now: now, within: { tx, locked in
                    // What is accepted is what the requester was shown, read again under the lock.
                    guard locked.result == r.result else { throw Abort(.conflict, reason: t.text("cvf.changed")) }
                    guard let account, let draft = locked.result else { return }
                    guard let (place, tokens) = placed else { throw Abort(.conflict, reason: t.text("offer.error.place")) }
                    if r.kind == .improve, let source = r.sourceCV, try await CVStore(db: tx).find(source, account: account.id) != nil {
                        try await CVStore(db: tx).update(source, account: account.id, draft, place: place, tokens: tokens, now: now)
                    } else {
                        _ = try await CVStore(db: tx).create(account: account.id, draft, place: place, tokens: tokens, now: now)
                    }
                })
                return req.redirect(to: back.with(["notice": "accepted"]), redirectType: .normal)
            case "send_back":
                let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                guard (5...CVFactoryPolicy.maximumReason).contains(reason.count) else {
                    let form = FormState(values: ["reason": input.reason ?? ""],
                                         errors: [("reason", t.text("cvf.reason_required", ["max": "\(CVFactoryPolicy.maximumReason)"]))])
                    return .html(CVFactoryPage.renderStatus(try await statusModel(r, req, form: form), req.pageContext), status: .badRequest)
                }
                try await CVFactoryStore(db: req.db).step(r.id, .sendBack, now: now) { r in
                    r.returnReason = reason
                    r.dueAt = CVFactoryPolicy.due(from: now, sentBack: true)
                }
                return req.redirect(to: back.with(["notice": "sent_back"]), redirectType: .normal)
            case "withdraw":
                try await CVFactoryStore(db: req.db).step(r.id, .withdraw, now: now)
                return req.redirect(to: back.with(["notice": "withdrawn"]), redirectType: .normal)
            default:
                throw Abort(.badRequest, reason: t.text("cvf.step_unknown"))
            }
        } catch CVFactoryStoreError.notAllowed(let status) {
            throw Abort(.conflict, reason: t.text("cvf.not_now", ["status": t.text("cvf.status." + status.rawValue)]))
        } catch CVStoreError.limitReached {
            let notice = t.text("cvf.limit", ["max": "\(CVDraft.maximumPerSeeker)"])
            return .html(CVFactoryPage.renderStatus(try await statusModel(r, req, notice: notice), req.pageContext), status: .conflict)
        }
    }

    @Sendable func resultFile(req: Request) async throws -> Response {
        let (r, _) = try await request(req)
        guard r.status == .delivered || r.status == .accepted, let file = try await CVFactoryStore(db: req.db).file(r.id, .result) else {
            throw Abort(.notFound)
        }
        return CVController.pdf(file.name, file.data)
    }
}
