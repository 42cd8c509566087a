import Vapor
import Views
import Portal
import Storage
import TextSearch

/// The seeker's CVs through the API (the Moja Praca app): one whole, written, rewritten,
/// shared differently, deleted — with the checks of the CV form, errors by field as problem
/// details. Reading needs the `read` scope, everything else `cvs`.
struct CVAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(SiteRoute.apiAccountCVs.pathComponents, use: create)
        routes.get(SiteRoute.apiAccountCV(":id").pathComponents, use: show)
        routes.put(SiteRoute.apiAccountCV(":id").pathComponents, use: update)
        routes.delete(SiteRoute.apiAccountCV(":id").pathComponents, use: delete)
        routes.put(SiteRoute.apiAccountCVSharing(":id").pathComponents, use: share)
    }

    struct LanguageJSON: Content { var language: String; var level: String }

    struct WishJSON: Content {
        var commute_km: Int?
        var willing_to_move: Bool?
        var expected_wage: Double?
        var expected_wage_type: String?
        var work_time: String?
        var contract: String?
    }

    /// A CV as the app writes it; the same fields as the CV form, typed.
    struct CVInput: Content {
        var title: String?
        var desired_job: String?
        var occupation: String?
        var desired_locality: String?
        var postal_code: String?
        var education: String?
        var education_details: String?
        var experience_months: Int?
        var experience: String?
        var languages: [LanguageJSON]?
        var skills: String?
        var licences: String?
        var courses: String?
        /// The sections employers may see.
        var shared: [String]?
        var wish: WishJSON?

        func form() -> CVForm {
            let on: (CVSection) -> String? = { (shared ?? []).contains($0.rawValue) ? "on" : nil }
            return CVForm(title: title, desired_job: desired_job, occupation: occupation, desired_locality: desired_locality, postal_code: postal_code,
                          education: education, education_details: education_details, experience_months: experience_months.map(String.init),
                          experience: experience, languages: languages.map { $0.map { $0.language + ":" + $0.level }.joined(separator: ", ") },
                          skills: skills, licences: licences, courses: courses, share_desired: on(.desired), share_education: on(.education),
                          share_experience: on(.experience), share_languages: on(.languages), share_skills: on(.skills), share_licences: on(.licences),
                          share_courses: on(.courses), commute_km: wish?.commute_km.map(String.init),
                          willing_to_move: wish?.willing_to_move == true ? "on" : nil, expected_wage: wish?.expected_wage.map { String($0) },
                          expected_wage_type: wish?.expected_wage_type, work_time: wish?.work_time, contract: wish?.contract)
        }
    }

    /// A CV whole, as the seeker wrote it (their own data: every section, shared or not).
    struct CVJSON: Content {
        let id: UUID
        let title: String
        let desired_job: String
        let occupation: String?
        let desired_locality: String
        let postal_code: String?
        let education: String
        let education_details: String
        let experience_months: Int
        let experience: String
        let languages: [LanguageJSON]
        let skills: String
        let licences: String
        let courses: String
        let shared: [String]
        let wish: WishJSON?
        let updated_at: Date

        init(_ cv: StoredCV) {
            let d = cv.draft
            id = cv.id; title = d.title; desired_job = d.desiredJob; occupation = d.occupationCode; desired_locality = d.desiredLocality
            postal_code = d.postalCode; education = d.education.rawValue; education_details = d.educationDetails; experience_months = d.experienceMonths
            experience = d.experience; languages = d.languages.map { LanguageJSON(language: $0.language, level: $0.level.rawValue) }
            skills = d.skills; licences = d.licences; courses = d.courses; shared = d.shared.map(\.rawValue).sorted()
            wish = d.wish.map { w in
                WishJSON(commute_km: w.commuteKm, willing_to_move: w.willingToMove, expected_wage: w.expectedWage,
                         expected_wage_type: w.expectedWageType.rawValue, work_time: w.time.rawValue, contract: w.contracts.first?.rawValue ?? "any")
            }
            updated_at = cv.updatedAt
        }
    }

    func checked(_ req: Request) async throws -> (CVDraft, CVPlace, SearchTokens) {
        let input = try req.content.decode(CVInput.self)
        let unknown = (input.shared ?? []).filter { CVSection(rawValue: $0) == nil }
        if !unknown.isEmpty { try Problem.check([("shared", Self.sectionsError(req))], req) }
        guard let ready = try await CVController().prepare(input.form(), req) else {
            try Problem.check(req.storage[CVController.CVErrorsKey.self]?.errors ?? [], req)
            throw Abort(.badRequest)
        }
        return ready
    }

    static func sectionsError(_ req: Request) -> String {
        req.catalogue.text("app.cv_sections", ["list": CVSection.allCases.map(\.rawValue).joined(separator: ", ")])
    }

    func own(_ req: Request, _ account: Account) async throws -> StoredCV {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let cv = try await CVStore(db: req.db).find(id, account: account.id) else {
            throw Abort(.notFound, reason: req.catalogue.text("cv.not_found"))
        }
        return cv
    }

    func created(_ cv: StoredCV, status: HTTPStatus) throws -> Response {
        let res = Response(status: status)
        try res.content.encode(CVJSON(cv))
        return res
    }

    @Sendable func create(req: Request) async throws -> Response {
        let account = try await req.apiSeeker(.cvs)
        let (draft, place, tokens) = try await checked(req)
        let id: UUID
        do { id = try await CVStore(db: req.db).create(account: account.id, draft, place: place, tokens: tokens) } catch CVStoreError.limitReached {
            throw Abort(.conflict, reason: req.catalogue.text("cv.limit", ["max": "\(CVDraft.maximumPerSeeker)"]))
        }
        guard let cv = try await CVStore(db: req.db).find(id, account: account.id) else { throw Abort(.notFound) }
        return try created(cv, status: .created)
    }

    @Sendable func show(req: Request) async throws -> CVJSON {
        CVJSON(try await own(req, try await req.apiSeeker(.read)))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let account = try await req.apiSeeker(.cvs)
        let cv = try await own(req, account)
        let (draft, place, tokens) = try await checked(req)
        try await CVStore(db: req.db).update(cv.id, account: account.id, draft, place: place, tokens: tokens)
        return try created(try await own(req, account), status: .ok)
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        let account = try await req.apiSeeker(.cvs)
        try await CVStore(db: req.db).delete(try await own(req, account).id, account: account.id)
        return .noContent
    }

    struct SharingInput: Content { var shared: [String]? }

    /// Only which sections employers see: the search index follows (hidden sections are never searchable).
    @Sendable func share(req: Request) async throws -> Response {
        let account = try await req.apiSeeker(.cvs)
        let cv = try await own(req, account)
        let asked = try req.content.decode(SharingInput.self).shared
        let sections = asked?.compactMap(CVSection.init(rawValue:))
        guard let asked, let sections, sections.count == asked.count else {
            try Problem.check([("shared", Self.sectionsError(req))], req)
            throw Abort(.badRequest)
        }
        var draft = cv.draft
        draft.shared = Set(sections)
        guard let (place, tokens) = try await CVController().placed(draft, req) else {
            throw Abort(.conflict, reason: req.catalogue.text("form.invalid_field", ["field": req.catalogue.text("cv.field.postal_code"),
                                                                                    "reason": req.catalogue.text("offer.error.place")]))
        }
        try await CVStore(db: req.db).update(cv.id, account: account.id, draft, place: place, tokens: tokens)
        return try created(try await own(req, account), status: .ok)
    }
}
