import Vapor
import Reporting

/// Counts a person's view of a public page (not a robot's, never when the browser sends DNT or
/// Global Privacy Control): no cookie is set and no address is stored.
struct VisitCountingMiddleware: AsyncMiddleware {
    let tally: VisitTally
    let ownHost: String?

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let res = try await next.respond(to: req)
        guard req.method == .GET, res.status == .ok, res.headers.contentType?.subType == "html", VisitRules.counts(path: req.url.path) else { return res }
        let agent = req.headers.first(name: .userAgent)
        guard !VisitRules.isRobot(userAgent: agent), !VisitRules.optedOut(dnt: req.headers.first(name: "DNT"), gpc: req.headers.first(name: "Sec-GPC")) else {
            return res
        }
        tally.record(page: VisitRules.page(of: req.url.path), referrer: VisitRules.referrer(req.headers.first(name: .referer), ownHost: ownHost),
                     visitor: req.clientAddress + "|" + (agent ?? ""))
        return res
    }
}
