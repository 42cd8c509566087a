import Vapor
import Views
import Access
import ContactCenter
import Storage
import Localization
import Portal
import Clients
import Knowledge
import Privacy

/// Offers: accepting or declining what rings.
extension DesktopController {

    func interactionID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw DesktopError.notFound }
        return id
    }

    @Sendable func accept(req: Request, member: StaffMember) async throws -> Response {
        let id = try interactionID(req)
        do { _ = try await DesktopService(req).accept(id, agent: member.id.uuidString) } catch let e as DesktopError { return try await refused(req, member, e) }
        return req.redirect(to: SiteRoute.desktopInteraction(id.uuidString).path, redirectType: .normal)
    }

    @Sendable func decline(req: Request, member: StaffMember) async throws -> Response {
        do { try await DesktopService(req).decline(try interactionID(req), agent: member.id.uuidString) } catch let e as DesktopError {
            return try await refused(req, member, e)
        }
        return req.redirect(to: SiteRoute.desktop.path, redirectType: .normal)
    }
}
