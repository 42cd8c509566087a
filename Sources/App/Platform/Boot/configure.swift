import Vapor
import Fluent
import FluentPostgresDriver
import Storage
import Directory
import TextSearch

/// Wires the application: database, migrations, middleware, routes, commands.
public func configure(_ app: Application, _ config: AppConfig, dataKey: Data) async throws {
    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    let dummy = try app.password.hash(Secrets.randomToken())
    let previousKey = try DataKey.previous(config, current: dataKey)
    app.services = AppServices(config: config, metrics: AppMetrics(), contactCentre: BusinessCalendar(hours: config.contactCentreHours), directoryCache: DirectoryCache(),
                               secrets: Secrets(dataKey: dataKey, previousKey: previousKey), cipher: FieldCipher(dataKey: dataKey, previousKey: previousKey),
                               dummyPasswordHash: dummy, analyzer: Analyzer.best())
    try DatabaseSetup.configure(app, config)
    let postgres = DatabaseSetup.kind(of: config.databaseURL) == .postgres
    app.ivrFlows = IVRFlowCache()
    app.matchSnapshots = MatchSnapshots()
    app.desktopEvents = DesktopEvents(schema: config.databaseSchema, usesNotify: postgres)
    if postgres {
        app.clusterLink = ClusterLink(configuration: try SQLPostgresConfiguration(url: config.databaseURL!).coreConfiguration,
                                      schema: config.databaseSchema, events: app.desktopEvents)
    }
    app.sessions.use(.fluent)
    app.sessions.configuration = SessionsConfiguration(cookieName: CSRFMiddleware.sessionCookie) { id in
        HTTPCookies.Value(string: id.string, maxAge: Int(Request.sessionLifetime), path: "/",
                          isSecure: config.publicURL.hasPrefix("https://"), isHTTPOnly: true, sameSite: .lax)
    }
    app.migrations.add(StorageMigrations.all)
    app.services.metrics.setDatabasePool(maxConnections: config.databasePoolSize,
                                         eventLoops: System.coreCount,
                                         driver: DatabaseSetup.kind(of: config.databaseURL).rawValue)

    if let port = Environment.get("PORT").flatMap(Int.init) { app.http.server.configuration.port = port }

    let https = config.publicURL.hasPrefix("https://")
    ContentConfiguration.global.use(decoder: GuardedFormDataDecoder(), for: .formData)
    app.middleware = Middlewares()
    // Outermost first: errors become responses inside the headers and cookie middleware, so
    // error pages carry them too.
    app.middleware.use(ClientAddressLogMiddleware())
    app.middleware.use(MetricsMiddleware(metrics: app.services.metrics))
    app.middleware.use(SecurityHeadersMiddleware(https: https))
    app.middleware.use(LanguageCookieMiddleware(secureCookies: https))
    app.middleware.use(VisitCountingMiddleware(tally: app.services.visitTally, ownHost: URLComponents(string: app.services.config.publicURL)?.host))
    app.middleware.use(SiteErrorMiddleware())
    let shed = LoadShed(limit: app.services.config.maxRequestsInFlight)
    app.loadShed = shed
    app.middleware.use(LoadShedMiddleware(shed: shed))
    app.middleware.use(RequestDeadlineMiddleware(limit: .seconds(app.services.config.requestTimeoutSeconds)))
    app.middleware.use(BodyGuardMiddleware())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(SessionEpochMiddleware())
    app.middleware.use(CSRFMiddleware(keys: app.services.secrets.accepted(\.csrfKey), secureCookies: https))

    try app.register(collection: SiteController())
    try app.register(collection: ReturnsQuestionController())
    try app.register(collection: CVFactoryController())
    try app.register(collection: EmployerRecruitmentController())
    try app.register(collection: SeekerRecruitmentController())
    try app.register(collection: ForeignersController())
    try app.register(collection: AppController())
    try app.register(collection: CVAPIController())
    try app.register(collection: PrivacyAPIController())
    try app.register(collection: ContactAPIController())
    try app.register(collection: ChatAPIController())
    try app.register(collection: OpenAPIController())
    try app.register(collection: AppSignInController())
    try app.register(collection: OfficeController())
    try app.register(collection: NewsController())
    try app.register(collection: PartnersController())
    try app.register(collection: ThemeController())
    try app.register(collection: PagesController())
    try app.register(collection: PollsController())
    try app.register(collection: ForumController())
    try app.register(collection: SiteFormsController())
    try app.register(collection: CalendarController())
    try app.register(collection: ValidationController())
    try app.register(collection: OperationsController())
    try app.register(collection: AccountController())
    try app.register(collection: EmployerRegistrationController())
    try app.register(collection: AccountSettingsController())
    try app.register(collection: OfferController())
    try app.register(collection: EmployerOfferController())
    try app.register(collection: CVController())
    try app.register(collection: CandidateController())
    try app.register(collection: MatchController())
    try app.register(collection: EventController())
    try app.register(collection: AlertController())
    try app.register(collection: QueueController())
    try app.register(collection: AgentController())
    try app.register(collection: LiveSocketController())
    try app.register(collection: KnowledgeBaseController())
    try app.register(collection: CallbackController())
    try app.register(collection: SurveyController())
    try app.register(collection: VideoBookingController())
    try app.register(collection: ChatController())
    try app.register(collection: NewsletterController())
    try app.register(collection: SMSController())
    try app.register(collection: SMSPreferencesController())
    try app.register(collection: AccountPrivacyController())
    try app.register(collection: ComplaintsController())
    try app.register(collection: VoiceController())
    try app.register(collection: StaffLoginController())
    StaffRoutes.register(on: app)
    if config.mode != .production && config.smtp == nil { try app.register(collection: DevMailController()) }
    app.pagePaths = PagePaths(app.routes)

    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(PostalCodeCommand(), as: "postal-code")
    app.asyncCommands.use(ConfigCommand(), as: "config")
    app.asyncCommands.use(StaffCommand(), as: "staff")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(ExportCommand(), as: "export")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    app.asyncCommands.use(PrivacyCommand(), as: "privacy")
    app.asyncCommands.use(KeysCommand(), as: "keys")
    app.asyncCommands.use(SimulateCommand(), as: "simulate")
    app.asyncCommands.use(EnqueueCommand(), as: "enqueue")
    app.asyncCommands.use(MailCommand(), as: "mail")
    app.asyncCommands.use(CallCommand(), as: "call")

    if StartupPlan.commandPreparesDatabase(app.environment.arguments) {
        app.lifecycle.use(StartupPreparation(config: config))
        app.lifecycle.use(ClusterLinkLifecycle())
        for job in [OutboxSender.job(interval: config.outboxPollSeconds), AlertRunner.job, RoutingService.job, NewsletterSender.job,
                    MailPoller.job(interval: config.mailPollSeconds), SMSSender.job, PushSender.job, RecordingRetention.job,
                    PrivacyRetention.job, ThemeHolder.job, SiteMenus.job, DataExportBuilder.job, DataRequestDigest.job, ReportRefresh.job] {
            app.lifecycle.use(job)
        }
    }
}

/// Brings the database up to date before `serve` accepts requests: migrations, reference data,
/// and the demo data set in development.
struct StartupPreparation: LifecycleHandler {
    let config: AppConfig

    func willBootAsync(_ app: Application) async throws {
        try await DatabasePreparation.prepare(app, demo: config.loadDemoData)
    }
}

enum StartupPlan {
    /// `serve` (also when no command is given) prepares the database; `--help` never does.
    static func commandPreparesDatabase(_ arguments: [String]) -> Bool {
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") { return false }
        guard let command = rest.first, !command.hasPrefix("-") else { return true }
        return command == "serve"
    }
}

enum DatabasePreparation {
    static func prepare(_ app: Application, demo: Bool) async throws {
        do {
            try await DatabaseSetup.tuneSQLiteConnections(app)
            try await app.autoMigrate()
        } catch {
            throw StartupError.database(DatabaseSetup.redacted(app.services.config.databaseURL), Self.reason(error))
        }
        let report = try await ReferenceDataLoader(db: app.db).loadBundled()
        if !report.loaded.isEmpty { app.logger.notice("reference data loaded", metadata: ["sets": "\(report.loaded.joined(separator: ","))"]) }
        try await SearchMaintenance.reindexIfAnalyzerChanged(app)
        try await KBInterchange.loadStarter(app)
        try await VoiceStore(db: app.db).installStandard(now: Date())
        if demo {
            if try await DemoDataLoader(db: app.db).load() { app.logger.notice("demo data loaded") }
            try await DemoStaff.load(app)
            try await DemoStaff.loadOffers(app)
            try await DemoHelpline.load(app)
            try await DemoContent.load(app)
            // Reports with something to show on a development server (tests start without it).
            if app.services.config.mode == .development { try await HistorySeeder.loadDemo(app) }
        }
    }

    /// A short, single-line reason for a database that cannot be reached.
    static func reason(_ error: any Error) -> String {
        // PSQLError hides its details from `description`; `String(reflecting:)` has them.
        let text = String(describing: error) + " " + String(reflecting: error)
        if text.contains("refused") || text.contains("connect") || text.contains("Connection") || text.contains("unreachable") {
            return "connection refused or unreachable"
        }
        if text.contains("password") || text.contains("authentication") { return "authentication failed" }
        if text.contains("does not exist") { return "database does not exist" }
        return String(describing: error).split(separator: "\n").first.map { String($0.prefix(200)) } ?? "unknown error"
    }
}

public enum StartupError: Error, CustomStringConvertible {
    case database(String, String)
    public var description: String {
        switch self { case let .database(url, reason): "cannot use the database \(url): \(reason)" }
    }
}
