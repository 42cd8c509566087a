import Vapor
import Fluent
import Directory
import Storage

/// What controllers use, made once at start.
struct AppServices: Sendable {
    let config: AppConfig
    let metrics: AppMetrics
    let contactCentre: BusinessCalendar
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
    var directory: any DirectoryStore { FluentDirectoryStore(db: db) }
    var locator: OfficeLocator { OfficeLocator(store: directory) }
}
