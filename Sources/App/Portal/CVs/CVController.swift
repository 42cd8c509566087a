import Vapor
import Views
import Directory
import Portal
import Storage
import TextSearch

/// A job seeker's CVs (up to five), the sections each shares with employers, a printable
/// view, and one uploaded CV file (PDF).
struct CVController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("account", "cvs", use: list)
        routes.get("account", "cvs", "new", use: newForm)
        routes.post("account", "cvs", use: create)
        routes.get("account", "cvs", ":id", "edit", use: editForm)
        routes.post("account", "cvs", ":id", use: update)
        routes.post("account", "cvs", ":id", "delete", use: delete)
        routes.get("account", "cvs", ":id", "print", use: printable)
        routes.on(.POST, "account", "cv-file", body: .collect(maxSize: ByteCount(integerLiteral: CSRFMiddleware.maxUploadBytes)), use: upload)
        routes.get("account", "cv-file", use: download)
        routes.post("account", "cv-file", "delete", use: deleteFile)
    }

    func seeker(_ req: Request) async throws -> Account? {
        guard let account = try await req.signedInAccount(), account.kind == .seeker else { return nil }
        return account
    }

    func ownCV(_ req: Request, _ account: Account) async throws -> StoredCV {
        guard let id = req.parameters.get("id", as: UUID.self), let cv = try await CVStore(db: req.db).find(id, account: account.id) else {
            throw NotFoundError(detail: req.catalogue.text("cv.not_found"))
        }
        return cv
    }

    func list(req: Request) async throws -> Response {
        guard let account = try await seeker(req) else { return req.redirect(to: SiteRoute.login.path) }
        return try await listPage(req, account)
    }

    func listPage(_ req: Request, _ account: Account, fileErrors: [(field: String, message: String)] = [], notice: String? = nil,
                  status: HTTPStatus = .ok) async throws -> Response {
        let store = CVStore(db: req.db)
        let noticeKey = (try? req.query.get(String.self, at: "notice")).flatMap {
            ["saved": "cv.notice_saved", "deleted": "cv.notice_deleted", "file_saved": "cv.file_saved", "file_deleted": "cv.file_deleted"][$0]
        }
        let cvs = try await store.list(account: account.id).map { cv in
            CVListPage.Row(id: cv.id.uuidString.lowercased(), title: cv.draft.title, desiredJob: cv.draft.desiredJob,
                           shared: CVSection.allCases.filter { cv.draft.shared.contains($0) }.map { req.catalogue.text("cv.section." + $0.rawValue) },
                           updated: OfferViews.date(cv.updatedAt, req.language))
        }
        let file = try await store.fileInfo(account: account.id).map {
            CVListPage.File(name: $0.fileName, size: ByteCountFormatter.string(fromByteCount: Int64($0.size), countStyle: .file),
                            uploaded: OfferViews.date($0.uploadedAt, req.language))
        }
        let model = CVListPage.Model(rows: cvs, canAdd: cvs.count < CVDraft.maximumPerSeeker, maximum: CVDraft.maximumPerSeeker, file: file,
                                     fileForm: FormState(errors: fileErrors), notice: notice ?? noticeKey.map { req.catalogue.text($0) })
        return .html(CVListPage.render(model, req.pageContext), status: status)
    }

    func formPage(_ req: Request, _ form: FormState, editing: String?, status: HTTPStatus = .ok) -> Response {
        .html(CVFormPage.render(.init(form: form, editingID: editing), req.pageContext), status: status)
    }

    func newForm(req: Request) async throws -> Response {
        guard let account = try await seeker(req) else { return req.redirect(to: SiteRoute.login.path) }
        if try await CVStore(db: req.db).list(account: account.id).count >= CVDraft.maximumPerSeeker {
            return try await listPage(req, account, notice: req.catalogue.text("cv.limit", ["max": "\(CVDraft.maximumPerSeeker)"]), status: .conflict)
        }
        return formPage(req, FormState(values: ["experience_months": "0", "education": "none"]), editing: nil)
    }

    /// The checked draft, where its seeker wants to work, and its index tokens (shared sections only).
    func prepare(_ req: Request) async throws -> (CVDraft, CVPlace, SearchTokens)? {
        var input = try req.content.decode(CVForm.self)
        input.languages = LanguageRows.text(req) ?? input.languages
        return try await prepare(input, req)
    }

    /// The same checks for a CV however it came (the form, the app's JSON); the errors by field
    /// in `CVErrorsKey`.
    func prepare(_ given: CVForm, _ req: Request) async throws -> (CVDraft, CVPlace, SearchTokens)? {
        var input = given
        let (code, occupation) = try await OccupationInput.resolve(input.occupation, req)
        input.occupation = code.isEmpty ? nil : code
        var (draft, errors) = input.draft(req.catalogue, occupationExists: { _ in occupation != nil })
        var placed: (CVPlace, SearchTokens)? = nil
        if let d = draft {
            placed = try await self.placed(d, req, occupationName: occupation?.name)
            if placed == nil { errors.append(("postal_code", req.catalogue.text("offer.error.place"))); draft = nil }
        }
        guard let draft, let (place, tokens) = placed, errors.isEmpty else {
            req.storage[CVErrorsKey.self] = FormState(values: input.values, errors: errors)
            return nil
        }
        return (draft, place, tokens)
    }

    /// Where a checked draft's seeker wants to work and its index tokens (shared sections
    /// only); nil when its postal code is not one of the directory's.
    func placed(_ draft: CVDraft, _ req: Request, occupationName: String?? = nil) async throws -> (CVPlace, SearchTokens)? {
        var place = CVPlace(powiatCode: nil, voivodeshipCode: nil)
        if let code = draft.postalCode {
            guard let location = try? await OfficeLocator(store: req.directory).locate(code) else { return nil }
            place = CVPlace(powiatCode: location.powiat.code, voivodeshipCode: location.voivodeship.code,
                            latitude: location.postalCode.latitude, longitude: location.postalCode.longitude)
        }
        let name: String?
        if let given = occupationName { name = given } else {
            name = try await draft.occupationCode.asyncMap { try await OfferStore(db: req.db).occupation($0)?.name } ?? nil
        }
        return (place, try await tokens(draft.sharedOnly, occupationName: name, place: place, req))
    }

    struct CVErrorsKey: StorageKey { typealias Value = FormState }

    /// Only what employers may see is searchable by them.
    func tokens(_ cv: SharedCV, occupationName: String?, place: CVPlace, _ req: Request) async throws -> SearchTokens {
        let powiat = try await place.powiatCode.asyncMap { try await req.directory.powiat(code: $0)?.name } ?? nil
        return Self.tokens(cv, occupationName: occupationName, powiatName: powiat, analyzer: req.services.analyzer)
    }

    static func tokens(_ cv: SharedCV, occupationName: String?, powiatName: String?, analyzer: Analyzer) -> SearchTokens {
        var title = [cv.desiredJob ?? ""]
        var body = [cv.desiredLocality, cv.educationDetails, cv.experience, cv.skills, cv.licences, cv.courses].compactMap { $0 }
        if cv.desiredJob != nil {
            if let name = occupationName { title.append(name) }
            if let powiatName { body.append(powiatName) }
        }
        return SearchTokens(title: analyzer.indexTokens(title.joined(separator: " ")), body: analyzer.indexTokens(body.joined(separator: " ")))
    }

    func create(req: Request) async throws -> Response {
        guard let account = try await seeker(req) else { return req.redirect(to: SiteRoute.login.path) }
        guard let (draft, place, tokens) = try await prepare(req) else {
            return formPage(req, req.storage[CVErrorsKey.self] ?? FormState(), editing: nil, status: .badRequest)
        }
        do {
            _ = try await CVStore(db: req.db).create(account: account.id, draft, place: place, tokens: tokens)
        } catch CVStoreError.limitReached {
            return try await listPage(req, account, notice: req.catalogue.text("cv.limit", ["max": "\(CVDraft.maximumPerSeeker)"]), status: .conflict)
        }
        return req.redirect(to: SiteRoute.accountCVs.with(["notice": "saved"]), redirectType: .normal)
    }

    func editForm(req: Request) async throws -> Response {
        guard let account = try await seeker(req) else { return req.redirect(to: SiteRoute.login.path) }
        let cv = try await ownCV(req, account)
        return formPage(req, FormState(values: CVForm.values(cv.draft)), editing: cv.id.uuidString.lowercased())
    }

    func update(req: Request) async throws -> Response {
        guard let account = try await seeker(req) else { return req.redirect(to: SiteRoute.login.path) }
        let cv = try await ownCV(req, account)
        guard let (draft, place, tokens) = try await prepare(req) else {
            return formPage(req, req.storage[CVErrorsKey.self] ?? FormState(), editing: cv.id.uuidString.lowercased(), status: .badRequest)
        }
        try await CVStore(db: req.db).update(cv.id, account: account.id, draft, place: place, tokens: tokens)
        return req.redirect(to: SiteRoute.accountCVs.with(["notice": "saved"]), redirectType: .normal)
    }

    func delete(req: Request) async throws -> Response {
        guard let account = try await seeker(req) else { return req.redirect(to: SiteRoute.login.path) }
        try await CVStore(db: req.db).delete(try await ownCV(req, account).id, account: account.id)
        return req.redirect(to: SiteRoute.accountCVs.with(["notice": "deleted"]), redirectType: .normal)
    }

    func printable(req: Request) async throws -> Response {
        guard let account = try await seeker(req) else { return req.redirect(to: SiteRoute.login.path) }
        let cv = try await ownCV(req, account)
        let profile = try await AccountStore(db: req.db).profile(account.id)
        let occupation = try await cv.draft.occupationCode.asyncMap { try await OfferStore(db: req.db).occupation($0)?.name } ?? nil
        return .html(CVPrintPage.render(CVViews.printModel(cv.draft, name: profile.map (\.fullName),
                                                             email: account.email, phone: profile?.phone, occupationName: occupation,
                                                             req), req.pageContext))
    }

    // MARK: the uploaded file

    struct FileInput: Content { var file: File? }

    func upload(req: Request) async throws -> Response {
        guard let account = try await seeker(req) else { return req.redirect(to: SiteRoute.login.path) }
        let file = try? req.content.decode(FileInput.self).file
        let data = file.map { Data($0.data.readableBytesView) } ?? Data()
        do { try CVFile.check(data) } catch {
            let message = req.catalogue.text(error.rawValue, ["max": "5"])
            return try await listPage(req, account, fileErrors: [("file", req.catalogue.text("form.invalid_field",
                                                                                          ["field": req.catalogue.text("cv.field.file"), "reason": message]))],
                                      status: error == .tooBig ? .payloadTooLarge : .badRequest)
        }
        let name = Self.safeFileName(file?.filename ?? "cv.pdf")
        try await CVStore(db: req.db).setFile(account: account.id, name: name, data: data)
        return req.redirect(to: SiteRoute.accountCVs.with(["notice": "file_saved"]), redirectType: .normal)
    }

    /// Letters, digits, dots, dashes and spaces of the name people gave it, ending in .pdf.
    static func safeFileName(_ name: String) -> String {
        let base = String(name.split(separator: "/").last ?? "cv").filter { $0.isLetter || $0.isNumber || " ._-".contains($0) }.prefix(100)
        let trimmed = base.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        let stem = trimmed.isEmpty ? "cv" : trimmed
        return stem.lowercased().hasSuffix(".pdf") ? stem : stem + ".pdf"
    }

    func download(req: Request) async throws -> Response {
        guard let account = try await seeker(req), let file = try await CVStore(db: req.db).file(account: account.id) else { throw Abort(.notFound) }
        return Self.pdf(file.name, file.data)
    }

    /// A PDF to save, never kept by a cache on the way.
    static func pdf(_ name: String, _ data: Data) -> Response {
        let res = Response(status: .ok, body: .init(data: data))
        res.headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        let ascii = name.unicodeScalars.map { $0.isASCII && $0 != "\"" ? String($0) : "_" }.joined()
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"")
        res.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return res
    }

    func deleteFile(req: Request) async throws -> Response {
        guard let account = try await seeker(req) else { return req.redirect(to: SiteRoute.login.path) }
        try await CVStore(db: req.db).deleteFile(account: account.id)
        return req.redirect(to: SiteRoute.accountCVs.with(["notice": "file_deleted"]), redirectType: .normal)
    }
}
