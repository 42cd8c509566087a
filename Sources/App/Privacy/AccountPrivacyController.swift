import Vapor
import Views
import Privacy
import Storage
import Localization
import Identity

/// `/account/privacy`: the consents of the signed-in person (their account's and their
/// newsletter subscription's), each withdrawable in one step, and their objections to the two
/// profiling cases an objection can stop, shown with their own saved searches and shared CVs.
struct AccountPrivacyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.accountPrivacy.pathComponents, use: page)
        routes.post(SiteRoute.accountPrivacyWithdraw.pathComponents, use: withdraw)
        routes.post(SiteRoute.accountPrivacyObjection.pathComponents, use: objection)
        routes.post(SiteRoute.accountPrivacyRestriction.pathComponents, use: restriction)
        routes.post(SiteRoute.accountPrivacyErase.pathComponents, use: erase)
        routes.post(SiteRoute.accountPrivacyExport.pathComponents, use: requestExport)
        routes.get(SiteRoute.accountPrivacyExportFile(":id").pathComponents, use: downloadExport)
    }

    func account(_ req: Request) async throws -> Account? {
        guard let account = try await req.signedInAccount(), account.kind != .staff else { return nil }
        return account
    }

    @Sendable func page(req: Request) async throws -> Response {
        guard let account = try await account(req) else { return req.redirect(to: SiteRoute.login.path) }
        return try await render(req, account)
    }

    func render(_ req: Request, _ account: Account, notice: String? = nil, erasureForm: FormState = FormState(),
                exportForm: FormState = FormState(), status: HTTPStatus = .ok) async throws -> Response {
        let ledger = ConsentLedger(db: req.db), language = req.language
        var records = try await ledger.list(.account(account.id))
        if let subscriber = try await NewsletterStore(db: req.db).find(email: account.email) {
            records += try await ledger.list(.subscriber(subscriber.id))
        }
        let consents = records.sorted { $0.givenAt > $1.givenAt }.map { c in
            AccountPrivacyPage.Consent(kind: c.kind.rawValue, textKey: c.kind.textKey(version: c.version), given: DateText.dateTime(c.givenAt, language),
                                       channel: c.channel.rawValue,
                                       withdrawn: c.withdrawnAt.map { (DateText.dateTime($0, language), (c.withdrawnChannel ?? .web).rawValue) },
                                       withdrawable: c.kind != .accountServices)
        }
        let searches = try await SavedSearchStore(db: req.db).list(account: account.id)
        let shared = account.kind == .seeker ? try await CVStore(db: req.db).list(account: account.id).filter { !$0.draft.sharedOnly.isEmpty } : []
        func objection(_ c: ProfilingCase) async throws -> AccountPrivacyPage.Profiling.Objection {
            try await ledger.objection(c, account: account.id).map { .made(DateText.dateTime($0, language)) } ?? .none
        }
        let profiling: [AccountPrivacyPage.Profiling] = [
            .init(id: ProfilingCase.alerts.rawValue,
                  yours: searches.isEmpty ? ("alerts_none", [:]) : ("alerts_yours", ["count": "\(searches.count)", "names": searches.map(\.label).joined(separator: "; ")]),
                  objection: try await objection(.alerts)),
            .init(id: ProfilingCase.candidateMatching.rawValue,
                  yours: shared.isEmpty ? ("matching_none", [:]) : ("matching_yours", ["count": "\(shared.count)", "names": shared.map(\.draft.title).joined(separator: "; ")]),
                  objection: try await objection(.candidateMatching)),
            .init(id: ProfilingCase.postalCodeLocation.rawValue, yours: ("postal_code_note", [:]), objection: nil),
        ]
        var model = AccountPrivacyPage.Model(consents: consents, profiling: profiling, dpoEmail: req.services.config.operatorInfo.dpoEmail, notice: notice)
        let erasure = AccountErasure(db: req.db)
        model.restrictedSince = try await erasure.restriction(account: account.id).map { DateText.dateTime($0, language) }
        model.erasureKeeps = try await erasure.preview(account: account.id).kept.map { Self.line($0, language) }
        model.lastCompanyUser = try await erasure.isLastCompanyUser(account.id)
        model.erasureForm = erasureForm
        model.exportForm = exportForm
        if let job = try await PrivacyExportStore(db: req.db).latest(account: account.id) {
            switch job.status {
            case .queued, .building: model.export = .building(requested: DateText.dateTime(job.requestedAt, language))
            case .ready where job.expired(now: Date()): model.export = .expired
            case .ready: model.export = .ready(path: SiteRoute.accountPrivacyExportFile(job.id.uuidString).path,
                                               until: job.expiresAt.map { DateText.dateTime($0, language) } ?? "",
                                               size: ByteCountFormatter.string(fromByteCount: Int64(job.size ?? 0), countStyle: .file))
            }
        }
        let res = Response.html(AccountPrivacyPage.render(model, req.pageContext), status: status)
        res.headers.cacheControl = .init(noStore: true)
        return res
    }

    struct WithdrawInput: Content { var kind: String? }

    /// Withdraws a consent and stops what rests on it at once, in one transaction.
    @Sendable func withdraw(req: Request) async throws -> Response {
        guard let account = try await account(req) else { return req.redirect(to: SiteRoute.login.path) }
        let t = req.catalogue
        guard let kind = try req.content.decode(WithdrawInput.self).kind.flatMap(ConsentKind.init(rawValue:)) else {
            throw FieldValidationError(field: "kind", reason: t.text("account_privacy.bad_choice"))
        }
        guard kind != .accountServices else { throw FieldValidationError(field: "kind", reason: t.text("account_privacy.cannot_withdraw")) }
        let now = Date()
        let subscriber = try await NewsletterStore(db: req.db).find(email: account.email)
        let phone = try await AccountStore(db: req.db).profile(account.id)?.phone.flatMap { try? PhoneNumber($0).value }
        let withdrew: Bool = try await req.db.transaction { tx in
            let ledger = ConsentLedger(db: tx)
            switch kind {
            case .newsletter:
                guard let subscriber, try await ledger.isGiven(.newsletter, by: .subscriber(subscriber.id)) else { return false }
                try await NewsletterStore(db: tx).unsubscribe(subscriber.id, now: now, channel: .web)
                return true
            case .smsAlerts:
                if let phone {
                    let store = SMSStore(db: tx)
                    var p = try await store.preferences(phone)
                    p.offerAlerts = false
                    try await store.setPreferences(phone, p, now: now)
                }
                return try await ledger.withdraw(.smsAlerts, for: .account(account.id), channel: .web, now: now)
            case .recruitment:
                // Out of every recruitment at once: the employers no longer see them.
                let left = try await RecruitmentStore(db: tx).withdrawAll(account: account.id, now: now)
                return try await ledger.withdraw(kind, for: .account(account.id), channel: .web, now: now) || left > 0
            case .futureRecruitments, .chatHistory, .accountServices:
                return try await ledger.withdraw(kind, for: .account(account.id), channel: .web, now: now)
            }
        }
        guard withdrew else { throw FieldValidationError(field: "kind", reason: t.text("account_privacy.nothing_to_withdraw")) }
        return try await render(req, account, notice: t.text("account_privacy.withdrawn_notice", ["kind": t.text("consent.kind." + kind.rawValue)]))
    }

    struct ObjectionInput: Content { var `case`: String?; var action: String? }

    @Sendable func objection(req: Request) async throws -> Response {
        guard let account = try await account(req) else { return req.redirect(to: SiteRoute.login.path) }
        let t = req.catalogue, input = try req.content.decode(ObjectionInput.self)
        guard let profiling = input.case.flatMap(ProfilingCase.init(rawValue:)), ConsentLedger.objectionColumn(profiling) != nil,
              let action = input.action, action == "object" || action == "lift" else {
            throw FieldValidationError(field: "case", reason: t.text("account_privacy.bad_choice"))
        }
        try await ConsentLedger(db: req.db).setObjection(profiling, account: account.id, at: action == "object" ? Date() : nil)
        let name = t.text("account_privacy.case." + profiling.rawValue)
        return try await render(req, account, notice: t.text(action == "object" ? "account_privacy.objected_notice" : "account_privacy.lifted_notice", ["case": name]))
    }

    static func line(_ k: ErasureOutcome.Kept, _ language: Language) -> AccountPrivacyPage.Line {
        .init("erasure.kept." + k.what, ["count": "\(k.count)", "date": DateText.date(k.until, language)])
    }

    struct RestrictionInput: Content { var action: String? }

    /// Restriction (art. 18): kept, not used — until the person lifts it.
    @Sendable func restriction(req: Request) async throws -> Response {
        guard let account = try await account(req) else { return req.redirect(to: SiteRoute.login.path) }
        let t = req.catalogue
        guard let action = try req.content.decode(RestrictionInput.self).action, action == "restrict" || action == "lift" else {
            throw FieldValidationError(field: "action", reason: t.text("account_privacy.bad_choice"))
        }
        try await AccountErasure(db: req.db).restrict(account: account.id, at: action == "restrict" ? Date() : nil)
        return try await render(req, account, notice: t.text(action == "restrict" ? "account_privacy.restricted_notice" : "account_privacy.restriction_lifted_notice"))
    }

    struct EraseInput: Content { var password: String? }

    /// Erasure (art. 17), after the password is given again; the person is signed out and told
    /// what went and what is kept.
    @Sendable func erase(req: Request) async throws -> Response {
        guard let account = try await account(req) else { return req.redirect(to: SiteRoute.login.path) }
        let t = req.catalogue, language = req.language
        let password = try req.content.decode(EraseInput.self).password ?? ""
        guard try await req.password.async.verify(password, created: account.passwordHash) else {
            return try await render(req, account, erasureForm: FormState(errors: [("password", t.text("account_privacy.erasure_wrong_password"))]),
                                    status: .unauthorized)
        }
        let outcome: ErasureOutcome
        do {
            outcome = try await AccountErasure(db: req.db).erase(account: account.id)
        } catch ErasureRefusal.openRequest(let reference, let due) {
            let reason = t.text("account_privacy.erasure_open_request", ["reference": reference, "date": DateText.date(due, language)])
            return try await render(req, account, erasureForm: FormState(errors: [("password", reason)]), status: .conflict)
        }
        req.signOut()
        let model = AccountErasedPage.Model(erased: outcome.erased.map { .init("erasure.erased." + $0.name, ["count": "\($0.count)"]) },
                                            kept: outcome.kept.map { Self.line($0, language) }, dpoEmail: req.services.config.operatorInfo.dpoEmail)
        let res = Response.html(AccountErasedPage.render(model, req.pageContext))
        res.headers.cacheControl = .init(noStore: true)
        return res
    }

    struct ExportInput: Content { var export_password: String? }

    /// The copy of the person's data (art. 15, 20): after the password, built in the background;
    /// one at a time.
    @Sendable func requestExport(req: Request) async throws -> Response {
        guard let account = try await account(req) else { return req.redirect(to: SiteRoute.login.path) }
        let t = req.catalogue
        guard try await req.password.async.verify(try req.content.decode(ExportInput.self).export_password ?? "", created: account.passwordHash) else {
            return try await render(req, account, exportForm: FormState(errors: [("export_password", t.text("account_privacy.erasure_wrong_password"))]),
                                    status: .unauthorized)
        }
        do {
            _ = try await PrivacyExportStore(db: req.db).request(account: account.id, language: req.language.rawValue)
        } catch PrivacyExportError.alreadyBuilding {
            return try await render(req, account, notice: t.text("account_privacy.export_already"), status: .conflict)
        }
        return try await render(req, account, notice: t.text("account_privacy.export_requested_notice", ["email": account.email]))
    }

    /// The ZIP, for its owner only (anyone else: it does not exist), while the week lasts.
    @Sendable func downloadExport(req: Request) async throws -> Response {
        guard let account = try await account(req) else { return req.redirect(to: SiteRoute.login.path) }
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound) }
        do {
            return Self.zip(try await PrivacyExportStore(db: req.db).download(id, account: account.id))
        } catch PrivacyExportError.notFound, PrivacyExportError.notReady {
            throw Abort(.notFound)
        } catch PrivacyExportError.expired {
            return try await render(req, account, notice: req.catalogue.text("account_privacy.export_expired"), status: .gone)
        }
    }

    /// The copy as a download nobody caches.
    static func zip(_ data: Data) -> Response {
        let res = Response(status: .ok, body: .init(data: data))
        res.headers.contentType = HTTPMediaType(type: "application", subType: "zip")
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"zielona-linia-dane.zip\"")
        res.headers.cacheControl = .init(noStore: true)
        return res
    }
}
