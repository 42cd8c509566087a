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

/// Presence: the consultant's state and the queues they take.
extension DesktopController {

    @Sendable func setState(req: Request, member: StaffMember) async throws -> Response {
        let a = try await agent(req, member)
        let next = try AgentController.requestedState(try req.content.decode(AgentController.StateInput.self), req)
        do { _ = try await DesktopService(req).changeState(of: a.id, to: next, forced: false) } catch let e as DesktopError { return try await refused(req, member, e) }
        return req.redirect(to: SiteRoute.desktop.path, redirectType: .normal)
    }

    @Sendable func setQueues(req: Request, member: StaffMember) async throws -> Response {
        let a = try await agent(req, member)
        let chosen = Set(ContactTopic.allCases.map(\.rawValue).filter { (try? req.content.get(String.self, at: "topic_" + $0)) == "on" })
        _ = try await DesktopService(req).setQueues(of: a.id, topics: chosen)
        return req.redirect(to: SiteRoute.desktop.path, redirectType: .normal)
    }
}
