import Vapor
import Views
import Access
import Clients
import Portal
import Storage
import Privacy
import Localization

/// A recruitment as the offer's office runs it (`/staff/recruitments`): candidates found among
/// the offer's matching CVs, by a CV's number from the candidate search, or in the pool of
/// earlier candidates who agreed to future recruitments; each asked for consent by e-mail
/// before the centre works with more than what they shared with every employer; moved along
/// found → screened → shortlisted → presented → hired (or rejected) with notes; at the end
/// every candidate who consented is told the outcome. Every opening of an order is audit-logged.
struct RecruitmentDeskController: Sendable {
    static let notices = ["added", "asked", "moved", "closed"]

    func order(_ req: Request) async throws -> RecruitmentOrder {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let o = try await RecruitmentStore(db: req.db).order(id) else {
            throw Abort(.notFound)
        }
        return o
    }

    func redirect(_ req: Request, _ o: RecruitmentOrder, _ notice: String) -> Response {
        req.redirect(to: SiteRoute.staffRecruitment(o.id.uuidString.lowercased()).with(["notice": notice]), redirectType: .normal)
    }

    @Sendable func list(req: Request, member: StaffMember) async throws -> Response {
        let text = RecruitmentText(req: req)
        let summaries = try await RecruitmentStore(db: req.db).summaries(offices: member.listedOffices(req))
        var names: [String: String] = [:]
        for id in Set(summaries.map(\.order.officeID)) { names[id] = try await req.directory.office(id: id)?.name ?? id }
        return .html(RecruitmentPage.renderStaffList(.init(rows: summaries.map { text.row($0, officeName: names[$0.order.officeID] ?? "") }),
                                                     req.pageContext))
    }

    @Sendable func show(req: Request, member: StaffMember) async throws -> Response {
        let o = try await order(req)
        try await AuditLog(db: req.db, address: req.clientAddress).appendRead(AuditEntry(
            actorID: member.id, actorOfficeID: member.primaryOffice, clientID: nil, action: "recruitment.read",
            detail: o.id.uuidString.lowercased(), reason: "recruitment"))
        return .html(RecruitmentPage.renderStaffDetail(try await detail(o, req), req.pageContext))
    }

    func detail(_ o: RecruitmentOrder, _ req: Request, form: FormState = FormState()) async throws -> RecruitmentPage.StaffDetailModel {
        let text = RecruitmentText(req: req), t = req.catalogue, store = RecruitmentStore(db: req.db)
        var m = RecruitmentPage.StaffDetailModel(order: try await text.facts(o), open: o.status == .open)
        let candidates = try await store.candidates(order: o.id)
        let staff = try await StaffStore(db: req.db).names(Set(candidates.flatMap { $0.notes.compactMap(\.staffID) }))
        let shared = Dictionary(uniqueKeysWithValues: try await CVStore(db: req.db).candidates(candidates.map(\.cvID)).map { ($0.id, $0) })
        for c in candidates {
            let id = c.id.uuidString.lowercased()
            var heading = t.text("recruitment.candidate_number", ["number": String(c.cvID.uuidString.lowercased().prefix(8))])
            var row = RecruitmentPage.Candidate(id: id, heading: heading, stage: text.stage(c.stage), consent: text.consent(c.consent),
                                                source: text.source(c.source))
            if c.consent == .given {
                let person = try await text.person(c.accountID)
                heading = person.name.isEmpty ? heading : person.name
                row = RecruitmentPage.Candidate(id: id, heading: heading, stage: row.stage, consent: row.consent, source: row.source)
                row.contact = person.contact
                row.sections = try await text.fullCV(c)
            } else if c.consent != .declined && c.consent != .withdrawn, let s = shared[c.cvID] {
                let occupation = try await s.cv.occupationCode.asyncMap { try await OfferStore(db: req.db).occupation($0)?.name } ?? nil
                row.sections = CVViews.sections(s.cv, occupationName: occupation, place: nil, req)
            }
            row.notes = c.notes.map { n in
                RecruitmentPage.Note(when: DateText.dateTime(n.at, req.language), who: n.staffID.flatMap { staff[$0.uuidString.lowercased()] } ?? "",
                                     stage: text.stage(n.stage), text: n.text)
            }
            row.nextStages = RecruitmentPolicy.choices(c, in: o).map { ($0.rawValue, text.stage($0)) }
            row.canAsk = (try? RecruitmentPolicy.canAsk(c, in: o)) != nil
            m.candidates.append(row)
        }
        if o.status == .open {
            let taken = Set(candidates.map(\.cvID)), people = Set(candidates.map(\.accountID))
            if let offer = try await OfferStore(db: req.db).find(o.offerID) {
                let words = MatchText(t: t, language: req.language)
                m.matches = try await Matching(req).candidates(for: offer, k: 10).filter { !taken.contains($0.candidate.id) }.map { found in
                    RecruitmentPage.Suggestion(cvID: found.candidate.id.uuidString.lowercased(),
                                               heading: found.candidate.cv.desiredJob ?? t.text("candidates.no_desired_job"),
                                               why: words.reasons(found.match).joined(separator: "; "))
                }
            }
            for p in try await store.pool(office: o.officeID, excluding: o.id) where !people.contains(p.accountID) {
                let person = try await text.person(p.accountID)
                m.pool.append(.init(cvID: p.cvID.uuidString.lowercased(), heading: person.name,
                                    why: t.text("recruitment.pool_why", ["stage": text.stage(p.stage)])))
            }
        }
        m.form = form
        m.notice = (try? req.query.get(String.self, at: "notice")).flatMap { Self.notices.contains($0) ? t.text("recruitment.notice." + $0) : nil }
        return m
    }

    struct AddInput: Content { var cv_id: String? }

    /// Adds a CV to the order: one shared with employers (found in a search or among the
    /// matches), or one of a seeker who agreed to future recruitments; never one whose
    /// processing is restricted.
    @Sendable func add(req: Request, member: StaffMember) async throws -> Response {
        let o = try await order(req)
        let t = req.catalogue, text = RecruitmentText(req: req)
        guard o.status == .open else { throw text.refusal(.orderClosed) }
        let typed = (try? req.content.decode(AddInput.self).cv_id)?.trimmingCharacters(in: .whitespaces) ?? ""
        func fieldError(_ key: String, status: HTTPStatus = .badRequest) async throws -> Response {
            let form = FormState(values: ["cv_id": typed], errors: [("cv_id", t.text("form.invalid_field", ["field": t.text("recruitment.cv_number"),
                                                                                                          "reason": t.text(key)]))])
            return .html(RecruitmentPage.renderStaffDetail(try await detail(o, req, form: form), req.pageContext), status: status)
        }
        guard let cvID = UUID(uuidString: typed), let owner = try await RecruitmentStore(db: req.db).owner(cv: cvID) else {
            return try await fieldError("recruitment.error.no_cv")
        }
        let shared = try await CVStore(db: req.db).candidate(cvID) != nil
        let pool = try await ConsentLedger(db: req.db).isGiven(.futureRecruitments, by: .account(owner))
        guard try await MatchStore(db: req.db).hold(account: owner) != .restriction, shared || pool else {
            return try await fieldError("recruitment.error.not_shared")
        }
        let now = Date()
        do {
            try await RecruitmentStore(db: req.db).add(RecruitmentCandidate(orderID: o.id, cvID: cvID, accountID: owner, source: shared ? .search : .pool,
                                                                            createdAt: now))
        } catch RecruitmentStoreError.alreadyCandidate {
            return try await fieldError("recruitment.error.already", status: .conflict)
        }
        return redirect(req, o, "added")
    }

    func candidateID(_ req: Request, _ o: RecruitmentOrder) async throws -> UUID {
        guard let id = req.parameters.get("candidate").flatMap(UUID.init(uuidString:)),
              let c = try await RecruitmentStore(db: req.db).candidate(id), c.orderID == o.id else { throw Abort(.notFound) }
        return id
    }

    /// Asks a found candidate by e-mail whether they take part, naming the offer and the company.
    @Sendable func ask(req: Request, member: StaffMember) async throws -> Response {
        let o = try await order(req)
        let id = try await candidateID(req, o), text = RecruitmentText(req: req)
        let facts = try await text.facts(o)
        let publicURL = req.services.config.publicURL
        do {
            try await RecruitmentStore(db: req.db).change(id, now: Date()) { c, order in
                try RecruitmentPolicy.canAsk(c, in: order)
                c.consent = .asked
                c.consentAt = Date()
            } within: { tx, c, _ in
                guard let a = try await AccountStore(db: tx).find(id: c.accountID) else { throw Abort(.notFound) }
                let mail = MailComposer(publicURL: publicURL)
                    .compose(to: a.email, kind: "recruitment_consent", language: Language(rawValue: a.language) ?? .pl,
                             subjectKey: "mail.recruitment_consent.subject", paragraphs: ["mail.recruitment_consent.body", "mail.recruitment_consent.privacy"],
                             link: publicURL + SiteRoute.accountRecruitments.path, args: ["offer": facts.offer, "company": facts.company])
                try await Outbox(db: tx).enqueue(mail)
            }
        } catch let r as RecruitmentRefusal { throw text.refusal(r) }
        return redirect(req, o, "asked")
    }

    struct MoveInput: Content { var stage: String?; var note: String? }

    /// Moves a candidate (or only notes something); presenting one tells the employer.
    @Sendable func move(req: Request, member: StaffMember) async throws -> Response {
        let o = try await order(req)
        let id = try await candidateID(req, o), text = RecruitmentText(req: req), t = req.catalogue
        let input = try req.content.decode(MoveInput.self)
        let note = (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let stage = (input.stage ?? "").isEmpty ? nil : RecruitmentStage(rawValue: input.stage ?? "")
        guard stage != nil || (input.stage ?? "").isEmpty else {
            throw FieldValidationError(field: "stage", reason: t.text("form.invalid_field", ["field": t.text("recruitment.move_to"),
                                                                                            "reason": t.text("offer.error.choice")]))
        }
        guard stage != nil || !note.isEmpty else {
            throw FieldValidationError(field: "note", reason: t.text("recruitment.error.nothing"))
        }
        guard note.count <= RecruitmentPolicy.maximumNote else {
            throw FieldValidationError(field: "note", reason: t.text("form.too_long_field", ["field": t.text("recruitment.note"),
                                                                                            "max": "\(RecruitmentPolicy.maximumNote)"]))
        }
        let facts = try await text.facts(o)
        let publicURL = req.services.config.publicURL, staffID = member.id, now = Date()
        do {
            try await RecruitmentStore(db: req.db).change(id, now: now) { c, order in
                try RecruitmentPolicy.canNote(c, in: order)
                if let stage { c.stage = try RecruitmentPolicy.move(c, in: order, to: stage) }
                if !note.isEmpty { c.notes.append(RecruitmentNote(at: now, staffID: staffID, stage: c.stage, text: note)) }
            } within: { tx, c, order in
                guard stage == .presented, let by = order.orderedBy, let employer = try await AccountStore(db: tx).find(id: by) else { return }
                let mail = MailComposer(publicURL: publicURL)
                    .compose(to: employer.email, kind: "recruitment_presented", language: Language(rawValue: employer.language) ?? .pl,
                             subjectKey: "mail.recruitment_presented.subject", paragraphs: ["mail.recruitment_presented.body"],
                             link: publicURL + SiteRoute.employerRecruitment(order.id.uuidString.lowercased()).path, args: ["offer": facts.offer])
                try await Outbox(db: tx).enqueue(mail)
            }
        } catch let r as RecruitmentRefusal { throw text.refusal(r) }
        return redirect(req, o, "moved")
    }

    /// Ends the order; every candidate who consented hears the outcome in their language.
    @Sendable func close(req: Request, member: StaffMember) async throws -> Response {
        let o = try await order(req)
        let text = RecruitmentText(req: req), facts = try await text.facts(o)
        let publicURL = req.services.config.publicURL
        do {
            try await RecruitmentStore(db: req.db).close(o.id, now: Date()) { tx, _, told in
                for c in told {
                    guard let a = try await AccountStore(db: tx).find(id: c.accountID) else { continue }
                    let hired = c.stage == .hired
                    let mail = MailComposer(publicURL: publicURL)
                        .compose(to: a.email, kind: "recruitment_outcome", language: Language(rawValue: a.language) ?? .pl,
                                 subjectKey: "mail.recruitment_outcome.subject",
                                 paragraphs: [hired ? "mail.recruitment_outcome.hired" : "mail.recruitment_outcome.not_chosen", "mail.recruitment_outcome.data"],
                                 link: publicURL + SiteRoute.accountRecruitments.path,
                                 args: ["offer": facts.offer, "company": facts.company, "days": "\(RecruitmentPolicy.keptAfterCloseDays)"])
                    try await Outbox(db: tx).enqueue(mail)
                }
            }
        } catch let r as RecruitmentRefusal { throw text.refusal(r) }
        return redirect(req, o, "closed")
    }
}
