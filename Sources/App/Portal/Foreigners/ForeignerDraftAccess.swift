import Vapor
import Fluent
import Foreigners
import Directory
import Storage
import Privacy

/// What a draft holds, sealed at rest: the answers, the fields already counted as wrong for
/// the office's statistics, what changed when it was carried to a newer version, and its code.
struct ForeignerDraftContent: Codable, Sendable {
    struct Change: Codable, Sendable, Equatable { let kind: String; let field: String }
    var values: [String: String] = [:]
    var wrong: [String] = []
    var changes: [Change] = []
    var code: String
}

/// A draft opened by its link: the stored row, its form version and its answers.
struct OpenedForeignerDraft: Sendable {
    var record: ForeignerDraft
    var form: ApplicationForm
    var content: ForeignerDraftContent
    let token: String

    var slug: String { form.kind.rawValue }

    /// The parts that apply to the answers so far, in order: the steps of the guided path.
    var sections: [FormSection] { form.sections.filter { $0.when?.holds(content.values) ?? true } }
}

/// Opening, sealing and saving drafts; shared by the generator's pages and the helpline's view.
struct ForeignerDrafts: Sendable {
    let req: Request
    /// Where to write: the request's database or a transaction of it.
    let db: any Database
    init(req: Request, db: (any Database)? = nil) { self.req = req; self.db = db ?? req.db }
    var library: FormLibrary { .shipped }
    var store: ForeignerDraftStore { ForeignerDraftStore(db: db) }

    static func today(_ now: Date = Date()) -> LocalDate {
        let c = Retention.calendar.dateComponents([.year, .month, .day], from: now)
        return LocalDate(year: c.year!, month: c.month!, day: c.day!)
    }

    func seal(_ c: ForeignerDraftContent) throws -> String {
        try req.services.cipher.encrypt(String(decoding: try JSONEncoder().encode(c), as: UTF8.self))
    }

    func unseal(_ stored: String) throws -> ForeignerDraftContent { try Self.unseal(stored, cipher: req.services.cipher) }

    static func unseal(_ stored: String, cipher: FieldCipher) throws -> ForeignerDraftContent {
        try JSONDecoder().decode(ForeignerDraftContent.self, from: Data(try cipher.decrypt(stored).utf8))
    }

    /// The code's indexes: the first is written, all are looked up (see `FieldCipher.blindIndexes`).
    func codeIndexes(_ code: String) -> [String] { req.services.cipher.blindIndexes(Self.codeIndexValue(code)) }
    static func codeIndexValue(_ code: String) -> String { "foreigner-draft:" + code }

    /// The draft of the link in the path (`:form`, `:draft`), carried to the version in force
    /// when the one it was started on has ended; 404 for anything else.
    func open() async throws -> OpenedForeignerDraft {
        let token = req.parameters.get("draft") ?? ""
        guard token.count >= 20, let record = try await store.find(tokenHash: Secrets.sha256Hex(token)) else { throw Abort(.notFound) }
        return try await opened(record, token: token)
    }

    /// An account's draft by its id, only for that account; `key` is what its links carry.
    func open(id: UUID, account: UUID, key: String) async throws -> OpenedForeignerDraft {
        guard let record = try await store.find(id: id), record.accountID == account else { throw Abort(.notFound) }
        return try await opened(record, token: key)
    }

    func opened(_ record: ForeignerDraft, token: String) async throws -> OpenedForeignerDraft {
        guard let kind = ApplicationKind(rawValue: req.parameters.get("form") ?? ""), record.form == kind.rawValue,
              let form = library.form(kind, version: record.version) else { throw Abort(.notFound) }
        var opened = OpenedForeignerDraft(record: record, form: form, content: try unseal(record.content), token: token)
        let today = Self.today()
        if let ended = form.validUntil, ended < today, let current = library.current(kind, on: today), current.version != form.version {
            let carried = DraftCarryOver(opened.content.values, from: form, to: current)
            opened.form = current
            opened.record.version = current.version
            opened.content.values = carried.values
            opened.content.changes = carried.changes.map { change in
                switch change {
                case .removed(let official): .init(kind: "removed", field: official)
                case .added(let field): .init(kind: "added", field: field)
                case .changed(let field): .init(kind: "changed", field: field)
                }
            }
            try await save(&opened)
        }
        return opened
    }

    /// The draft as it is written back: its answers sealed; a draft without an account gets
    /// its 30 days again.
    func sealed(_ d: OpenedForeignerDraft, now: Date = Date()) throws -> OpenedForeignerDraft {
        var d = d
        d.record.content = try seal(d.content)
        d.record.updatedAt = now
        d.record.language = req.language.rawValue
        if d.record.accountID == nil { d.record.expiresAt = Retention.foreignerDrafts.keptUntil(now) }
        return d
    }

    func save(_ d: inout OpenedForeignerDraft) async throws {
        d = try sealed(d)
        try await store.save(d.record)
    }

    /// A new draft of the version in force, under a fresh link and code.
    func create(_ form: ApplicationForm, account: UUID?, now: Date = Date()) async throws -> (token: String, code: String) {
        let token = Secrets.randomToken()
        for _ in 0..<5 {
            let code = DraftCode.random()
            let record = ForeignerDraft(form: form.kind.rawValue, version: form.version, language: req.language.rawValue,
                                        content: try seal(ForeignerDraftContent(code: code)), accountID: account, createdAt: now, updatedAt: now,
                                        expiresAt: account == nil ? Retention.foreignerDrafts.keptUntil(now) : nil)
            let indexes = codeIndexes(code)
            do {
                try await db.transaction { tx in
                    try await ForeignerDraftStore(db: tx).create(record, tokenHash: Secrets.sha256Hex(token), codeIndex: indexes[0], taken: Array(indexes.dropFirst()))
                    try await ForeignerDraftStore(db: tx).count(.started, form: form.kind.rawValue, version: form.version, language: req.language.rawValue, fields: [""])
                }
                return (token, code)
            } catch ForeignerDraftStore.StoreError.codeTaken { continue }
        }
        throw Abort(.serviceUnavailable)
    }
}
