import Vapor
import Fluent
import ContactCenter
import Storage
import Reporting

/// The wait told to a caller or a chat visitor in the queue: the router's own expectation from
/// the live figures (`Router.expectedWait`) — their place in the office's line, the consultants
/// on duty, each office's observed handle time, and, when the office will not answer in time,
/// the voivodeship and national pool the contact will overflow to. Told from the office alone
/// it was 43 s off on a loaded simulated day; this way 2 s (`zielona simulate`).
struct WaitEstimate {
    let db: any Database
    let router: ContactCenter.Router
    let handleTimes: CachedValue<HandleTimes>
    let agents: CachedValue<[Agent]>

    init(app: Application) {
        db = app.db; router = ContactCenter.Router(policy: app.services.config.routingPolicy); handleTimes = app.services.handleTimes
        agents = app.services.agentSnapshot
    }

    /// The place in the office's line and the wait in whole minutes (at least one).
    func told(_ i: Interaction, now: Date) async throws -> (position: Int, minutes: Int) {
        let store = ContactCenterStore(db: db), db = self.db
        let position = try await store.position(of: i, now: now)
        let ahead = try await store.position(of: i, now: now, inVoivodeship: true) - 1
        let times = try await handleTimes.get { try await RoutingService.observedHandleTimes(db, now: now) }
        let index = ContactCenter.Router.Index(try await agents.get { try await ContactCenterStore(db: db).agents() }, handleTimes: times)
        var seconds = router.expectedWait(i, position: position, waitingInVoivodeship: ahead, index: index, now: now)
        // Nobody on duty anywhere it may go: as if one consultant were (the line still moves when someone comes back).
        if !seconds.isFinite { seconds = AnnouncedWait.seconds(position: position, agents: 1, handleTime: times.of(i.officeID, i.channel)) }
        return (position, AnnouncedWait.minutes(seconds: seconds))
    }
}
