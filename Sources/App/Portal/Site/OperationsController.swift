import Vapor
import Fluent
import SQLKit

/// `/healthz` (is the database answering?) and `/metrics` (Prometheus text format).
struct OperationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: health)
        routes.get("metrics", use: metrics)
    }

    struct Health: Content {
        struct DatabaseStatus: Content {
            let status: String
            let driver: String
            let latency_ms: Double?
            let error: String?
        }
        struct SearchStatus: Content { let stemmer: String }
        /// Which library scales uploaded pictures ("none": only pictures already small enough are taken).
        struct ImageStatus: Content { let scaler: String }
        let status: String
        let database: DatabaseStatus
        let search: SearchStatus
        let images: ImageStatus
        /// "leader" when this process routes contacts, "standby" while another one does.
        let routing: String
    }

    func health(req: Request) async throws -> Response {
        let driver = DatabaseSetup.kind(of: req.services.config.databaseURL).rawValue
        let start = ContinuousClock.now
        var failure: String? = nil
        do {
            _ = try await (req.db as! any SQLDatabase).raw("SELECT 1 AS ok").all()
        } catch {
            failure = "database did not answer"
            req.logger.error("health check failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
        }
        let elapsed = ContinuousClock.now - start
        req.services.metrics.recordDatabaseCheck(elapsed, ok: failure == nil)
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let body = Health(status: failure == nil ? "ok" : "unavailable",
                          database: .init(status: failure == nil ? "ok" : "down", driver: driver,
                                          latency_ms: (ms * 100).rounded() / 100, error: failure),
                          search: .init(stemmer: req.services.analyzer.stemmer.name),
                          images: .init(scaler: req.services.imageScaler?.name ?? "none"),
                          routing: req.application.clusterLink.map { $0.isLeader ? "leader" : "standby" } ?? "leader")
        let res = try await body.encodeResponse(status: failure == nil ? .ok : .serviceUnavailable, for: req)
        res.headers.cacheControl = .init(noStore: true)
        return res
    }

    func metrics(req: Request) async throws -> Response {
        let res = Response(status: .ok, body: .init(string: req.services.metrics.registry.emitToString()))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return res
    }
}
