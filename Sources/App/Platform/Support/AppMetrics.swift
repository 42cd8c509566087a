import Vapor
import Prometheus

/// The Prometheus registry of this process and the collectors the app records into.
final class AppMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    static let latencyBuckets: [Duration] = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
                                             .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
                                             .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5)]

    func record(method: String, route: String, status: Int, duration: Duration) {
        let statusClass = "\(status / 100)xx"
        registry.makeCounter(descriptor: .init(namespace: "zielona", metricName: "http_requests", unitName: "total",
                                               helpText: "HTTP requests by method, route and status class"),
                             labels: [("method", method), ("route", route), ("status", statusClass)]).increment()
        registry.makeDurationHistogram(descriptor: .init(namespace: "zielona", metricName: "http_request_duration", unitName: "seconds",
                                                         helpText: "HTTP request latency"),
                                       labels: [("method", method), ("route", route)], buckets: Self.latencyBuckets)
            .record(duration)
    }

    func setDatabasePool(maxConnections: Int, eventLoops: Int, driver: String) {
        registry.makeGauge(descriptor: .init(namespace: "zielona", metricName: "db_pool_max_connections",
                                             helpText: "Configured database connections (per event loop × event loops)"),
                           labels: [("driver", driver)]).set(Double(maxConnections * eventLoops))
    }

    func recordDatabaseCheck(_ duration: Duration, ok: Bool) {
        registry.makeGauge(descriptor: .init(namespace: "zielona", metricName: "db_up", helpText: "1 when the last database check passed"),
                           labels: []).set(ok ? 1.0 : 0.0)
        registry.makeDurationHistogram(descriptor: .init(namespace: "zielona", metricName: "db_check_duration", unitName: "seconds",
                                                         helpText: "Duration of the database health query"),
                                       labels: [], buckets: Self.latencyBuckets).record(duration)
    }
}
