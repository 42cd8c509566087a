import Vapor
import Access
import Storage
import Clients

/// The live sockets: `/desktop/ws` for a consultant's desktop (every tab of theirs gets the
/// same events), `/wallboard/ws` for supervisors. Signed-in staff with the role only, and only
/// from this site's own pages (the Origin must match), since browsers send cookies with
/// cross-site WebSocket handshakes.
struct LiveSocketController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        // Checked before the upgrade, so a refusal is an ordinary 403 response.
        routes.get("desktop", "ws") { req async throws -> Response in
            let member = try await Self.allowed(req, .handleInteractions)
            let agent = member.id.uuidString
            return req.webSocket { req, ws in
                ws.pingInterval = .seconds(20)
                req.application.desktopEvents.add(agent: agent, ws)
                // A (re)connected desktop loads its state at once.
                try? await ws.send(Self.hello([agent]))
            }
        }
        routes.get("wallboard", "ws") { req async throws -> Response in
            _ = try await Self.allowed(req, .viewWallboard)
            return req.webSocket { req, ws in
                ws.pingInterval = .seconds(20)
                req.application.desktopEvents.addWallboard(ws)
                try? await ws.send(Self.hello([]))
            }
        }
    }

    /// The page that opens the socket is one of ours: the Origin names the host the request
    /// went to (and its port, when the Host header gives one).
    static func hello(_ agents: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(DesktopMessage(agents: agents, kind: "hello"))) ?? Data(), as: UTF8.self)
    }

    static func allowed(_ req: Request, _ action: StaffAction) async throws -> StaffMember {
        if let origin = req.headers.first(name: .origin) {
            guard OriginPolicy.isSameSite(origin: origin, publicURL: req.services.config.publicURL) else { throw Abort(.forbidden) }
        }
        guard let member = try await req.signedInStaff(), AuthorizationMatrix.allows(member.roles, action) else { throw Abort(.forbidden) }
        return member
    }
}
