import Vapor
import Prometheus

/// Counts requests and records their latency by route pattern (never the raw path, which
/// would explode the label set), and logs one line per request with the request id.
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: AppMetrics

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next.respond(to: req)
        } catch {
            response = SiteErrorMiddleware.response(for: error, req)
        }
        let elapsed = ContinuousClock.now - start
        let route = req.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        metrics.record(method: req.method.rawValue, route: route, status: Int(response.status.code), duration: elapsed)
        req.logger.info("response", metadata: [
            "method": "\(req.method.rawValue)", "route": "\(route)", "status": "\(response.status.code)",
            "duration_ms": "\(String(format: "%.2f", Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000))",
        ])
        return response
    }
}
