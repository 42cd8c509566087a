import Vapor
import Views
import Portal
import Storage
import Privacy
import Localization

/// Recruitment in words, the same for the staff, the employer and the seeker.
struct RecruitmentText {
    let req: Request
    var t: Catalogue { req.catalogue }

    func stage(_ s: RecruitmentStage) -> String { t.text("recruitment.stage." + s.rawValue) }
    func consent(_ c: RecruitmentConsent?) -> String { t.text("recruitment.consent." + (c?.rawValue ?? "none")) }
    func status(_ s: RecruitmentOrderStatus) -> String { t.text("recruitment.status." + s.rawValue) }
    func source(_ s: RecruitmentSource) -> String { t.text("recruitment.source." + s.rawValue) }

    /// What a recruitment uses, as the register lists it: the candidate consents to exactly this.
    var data: [String] {
        (ProcessingRegister.purpose("recruitment")?.categories ?? []).map { t.text("privacy.data." + $0.rawValue) }
    }

    static let consentPrompt = ConsentPrompt(key: ConsentKind.recruitment.textKey(version: ConsentKind.recruitment.currentVersion),
                                             version: ConsentKind.recruitment.currentVersion)
    static let futurePrompt = ConsentPrompt(key: ConsentKind.futureRecruitments.textKey(version: ConsentKind.futureRecruitments.currentVersion),
                                            version: ConsentKind.futureRecruitments.currentVersion)

    func facts(_ o: RecruitmentOrder) async throws -> RecruitmentPage.OrderFacts {
        let offer = try await OfferStore(db: req.db).find(o.offerID)
        let company = try await EmployerStore(db: req.db).find(company: o.companyID)
        var f = RecruitmentPage.OrderFacts(id: o.id.uuidString.lowercased(), offerID: o.offerID.uuidString.lowercased(),
                                           offer: offer?.draft.title ?? "", company: company?.name ?? "", requirements: o.requirements,
                                           status: status(o.status), created: DateText.date(o.createdAt, req.language))
        f.closed = o.closedAt.map { DateText.date($0, req.language) }
        return f
    }

    func row(_ s: RecruitmentOrderSummary, officeName: String = "") -> RecruitmentPage.OrderRow {
        RecruitmentPage.OrderRow(id: s.order.id.uuidString.lowercased(), offer: s.offerTitle, office: officeName,
                                 created: DateText.date(s.order.createdAt, req.language), status: status(s.order.status),
                                 candidates: s.candidates, consenting: s.consenting, presented: s.presented)
    }

    /// A seeker's name and how to reach them, for those who consented to give it.
    func person(_ account: UUID) async throws -> (name: String, email: String, contact: String, language: Language) {
        let a = try await AccountStore(db: req.db).find(id: account)
        let p = try await AccountStore(db: req.db).profile(account)
        let name = p?.fullName ?? ""
        let email = a?.email ?? ""
        let contact = [email, p?.phone].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        return (name, email, contact, Language(rawValue: a?.language ?? "") ?? .pl)
    }

    /// The whole CV, for those who consented.
    func fullCV(_ c: RecruitmentCandidate) async throws -> [CVPrintPage.Section] {
        guard let cv = try await CVStore(db: req.db).find(c.cvID, account: c.accountID) else { return [] }
        let occupation = try await cv.draft.occupationCode.asyncMap { try await OfferStore(db: req.db).occupation($0)?.name } ?? nil
        return CVViews.printModel(cv.draft, name: nil, email: "", phone: nil, occupationName: occupation, req).sections
    }

    /// A refusal of the pipeline in the user's language, as 409 (the state did not allow it).
    func refusal(_ r: RecruitmentRefusal) -> Abort {
        switch r {
        case .orderClosed: Abort(.conflict, reason: t.text("recruitment.error.closed"))
        case .needsConsent: Abort(.conflict, reason: t.text("recruitment.error.needs_consent"))
        case .notAllowed(let from, let to): Abort(.conflict, reason: t.text("recruitment.error.stage", ["from": stage(from), "to": stage(to)]))
        case .consentNotAskable(let c): Abort(.conflict, reason: t.text("recruitment.error.asked", ["consent": consent(c)]))
        }
    }
}
