import Reporting
import Vapor
import Fluent
import Directory
import Storage
import TextSearch
import ContactCenter
import Content

/// What controllers use, made once at start.
struct AppServices: Sendable {
    var config: AppConfig
    let metrics: AppMetrics
    let contactCentre: BusinessCalendar
    /// The directory's offices and register, in memory (see `DirectoryCache`).
    let directoryCache: DirectoryCache
    let secrets: Secrets
    /// Encrypts PESEL and other identifiers at rest and makes their blind index.
    let cipher: FieldCipher
    /// A bcrypt hash (at the configured cost) of a random string: checked when an e-mail has no
    /// account, so a failed login takes as long either way.
    let dummyPasswordHash: String
    /// Polish text analysis for every full-text index and query (dictionary stems when
    /// hunspell-pl is installed, light rules otherwise).
    let analyzer: Analyzer
    /// Offer searches found in the last half minute (the list and the popular searches repeat).
    let offerSearches = SearchResultCache()
    /// Each office's observed handle times per channel, for the router's prediction: the
    /// reports' sums of the last week, read again every five minutes.
    let handleTimes = CachedValue<HandleTimes>(ttl: .seconds(300))
    /// Every consultant as last read, for the wait told to callers and chat visitors (a waiting
    /// visitor's chat shows it on every refresh): at the national peak, reading and decoding all
    /// 2 000 agents took two thirds of the standby server's CPU (perf, `scripts/bench-peak.py`).
    /// A wait told in whole minutes does not need them fresher than a second.
    let agentSnapshot = CachedValue<[ContactCenter.Agent]>(ttl: .seconds(1))
    /// Offer searches and empty results per day, for the portal figures of the reports.
    var searchTally = SearchTally(calendar: ReportInterval.polishCalendar)
    /// Page views and visitors of the portal, written once a minute (`VisitTally.flush`).
    let visitTally = VisitTally()
    /// Scales uploaded pictures (libgd when installed; nil: only pictures already small enough are taken).
    let imageScaler: (any ImageScaler)? = GDImageScaler()
    /// The deployment's look, for every page without a database read (`ThemeHolder`).
    let theme = ThemeHolder()
    /// The sections' menus and the home page's blocks (`SiteMenus`).
    let menus = SiteMenus()
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = AppServices }

    var services: AppServices {
        get { storage[ServicesKey.self]! }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var services: AppServices { application.services }
    /// The directory: offices and the register from memory, postal codes from the database.
    var directory: any DirectoryStore {
        let cache = services.directoryCache, db = db
        return CachedDirectoryStore(db: db) { try await cache.snapshot(db) }
    }
    var locator: OfficeLocator { OfficeLocator(store: directory) }
}
