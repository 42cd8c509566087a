import Vapor
@testable import App
import Directory

extension Application {
    /// Changes the running test app's configuration or contact-centre calendar (services are made once at start).
    func reconfigure(config change: (inout AppConfig) -> Void = { _ in }, contactCentre: BusinessCalendar? = nil) {
        let s: AppServices = services
        var config = s.config
        change(&config)
        let changed = AppServices(config: config, metrics: s.metrics, contactCentre: contactCentre ?? s.contactCentre, directoryCache: s.directoryCache,
                                  secrets: s.secrets, cipher: s.cipher, dummyPasswordHash: s.dummyPasswordHash, analyzer: s.analyzer)
        services = changed
    }
}
