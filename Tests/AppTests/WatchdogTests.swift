import Testing
import Foundation
import Vapor
import VaporTesting
import NIOConcurrencyHelpers
@testable import App
@testable import Storage
import ContactCenter

/// Something the test opens: work that waits on it hangs until then, as a database call does
/// whose connection died under it.
final class Latch: Sendable {
    private let waiting = NIOLockedValueBox<[CheckedContinuation<Void, Never>]?>([])

    func wait() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let open = waiting.withLockedValue { w -> Bool in
                guard w != nil else { return true }
                w!.append(c)
                return false
            }
            if open { c.resume() }
        }
    }

    func open() {
        let waiters = waiting.withLockedValue { w in defer { w = nil }; return w ?? [] }
        waiters.forEach { $0.resume() }
    }
}

/// Polls `check` for up to thirty seconds (a loaded CI machine is slow to start a test app).
func eventually(_ check: () async throws -> Bool) async throws -> Bool {
    for _ in 0..<600 { if try await check() { return true }; try await Task.sleep(for: .milliseconds(50)) }
    return false
}

/// The watchdogs that keep one call that never returns from stopping a background job or
/// leaving a visitor waiting for ever.
@Suite struct WatchdogTests {
    @Test func workPastItsDeadlineIsLeftBehindAndTheCallerGoesOn() async throws {
        let latch = Latch(), ended = NIOLockedValueBox(false)
        let outcome = await Deadline.run(.milliseconds(200)) { await latch.wait(); ended.withLockedValue { $0 = true }; return 1 }
        guard case .overran = outcome else { Issue.record("expected the work to overrun, got \(outcome)"); return }
        #expect(!ended.withLockedValue { $0 })
        latch.open()
        #expect(try await eventually { ended.withLockedValue { $0 } }, "the work left behind still ends on its own")

        guard case .finished(let value) = await Deadline.run(.seconds(10), { 42 }) else { Issue.record("a quick result"); return }
        #expect(value == 42)
        guard case .failed(let error) = await Deadline.run(.seconds(10), { () async throws -> Int in throw UnexpectedFailure() }) else {
            Issue.record("a failure"); return
        }
        #expect(error is UnexpectedFailure)
    }

    @Test func cancellingTheCallerCancelsTheWork() async throws {
        let sawCancel = NIOLockedValueBox(false)
        let caller = Task {
            await Deadline.run(.seconds(60)) {
                do { try await Task.sleep(for: .seconds(60)) } catch { sawCancel.withLockedValue { $0 = true }; throw error }
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        caller.cancel()
        guard case .failed(let error) = await caller.value else { Issue.record("the work should have been cancelled"); return }
        #expect(error is CancellationError)
        #expect(try await eventually { sawCancel.withLockedValue { $0 } }, "the work was told")
    }

    @Test func aJobGoesOnPastATurnThatNeverEndsAndSaysWhenItDoes() async throws {
        try await withTestApp { app in
            let latch = Latch(), turns = NIOLockedValueBox(0), overruns = NIOLockedValueBox(0)
            let job = RepeatingJob("test job", every: .milliseconds(20), deadline: .milliseconds(200),
                                   overran: { _ in overruns.withLockedValue { $0 += 1 } }) { _ in
                {
                    let n = turns.withLockedValue { $0 += 1; return $0 }
                    if n == 1 { await latch.wait() }
                }
            }
            try await job.didBootAsync(app)
            #expect(try await eventually { turns.withLockedValue { $0 } >= 5 }, "later turns run although the first never ends")
            #expect(job.leftBehind.withLockedValue { $0 } == 1 && overruns.withLockedValue { $0 } == 1)
            latch.open()
            #expect(try await eventually { job.leftBehind.withLockedValue { $0 } == 0 }, "the late turn's end is noticed")
            await job.shutdownAsync(app)
            let after = turns.withLockedValue { $0 }
            try await Task.sleep(for: .milliseconds(300))
            #expect(turns.withLockedValue { $0 } == after, "no turn begins after shutdown")
        }
    }

    @Test func anAbandonedLockPassesOnAndItsStuckHolderFreesNothingLater() async throws {
        let mutex = AsyncMutex(), stuck = Latch(), second = Latch()
        let order = NIOLockedValueBox<[String]>([])
        let first = Task { try await mutex.run { await stuck.wait(); order.withLockedValue { $0.append("stuck ended") } } }
        try await Task.sleep(for: .milliseconds(100))
        let secondTask = Task { try await mutex.run { order.withLockedValue { $0.append("second") }; await second.wait() } }
        try await Task.sleep(for: .milliseconds(100))
        #expect(order.withLockedValue { $0 }.isEmpty, "the second waits while the first holds the lock")
        #expect(await mutex.abandon())
        #expect(try await eventually { order.withLockedValue { $0 } == ["second"] })
        let third = Task { try await mutex.run { order.withLockedValue { $0.append("third") } } }
        stuck.open()
        try await first.value
        try await Task.sleep(for: .milliseconds(100))
        #expect(order.withLockedValue { $0 } == ["second", "stuck ended"], "the stuck holder's end did not let the third in")
        second.open()
        try await secondTask.value
        try await third.value
        #expect(order.withLockedValue { $0 } == ["second", "stuck ended", "third"])
    }

    @Test func aRequestWithNoAnswerInTimeGetsA503InTheVisitorsLanguage() async throws {
        try await withTestApp(adjust: { $0.requestTimeoutSeconds = 1 }) { app in
            let latch = Latch()
            app.get("hang") { _ async -> String in await latch.wait(); return "late" }
            app.get("api", "v1", "hang") { _ async -> String in await latch.wait(); return "late" }
            try await app.testing().test(.GET, "/hang?lang=pl") { res in
                #expect(res.status == .serviceUnavailable && res.headers.first(name: .retryAfter) == "5")
                #expect(res.body.string.contains("Serwer nie zdążył tego dokończyć"))
            }
            try await app.testing().test(.GET, "/api/v1/hang", headers: ["Accept-Language": "ru"]) { res in
                #expect(res.status == .serviceUnavailable)
                let body = try #require(try res.json() as? [String: Any])
                #expect(body["title"] as? String == "Слишком долгое ожидание")
            }
            latch.open()
            try await app.testing().test(.GET, "/healthz") { res in #expect(res.status == .ok) }
        }
    }

    /// A routing step stuck for good (here: waiting for the routing lock held by a step that
    /// never ends, as one whose query died with its connection holds it). On PostgreSQL, where
    /// the transaction's advisory lock keeps steps exclusive anyway, the watchdog hands the lock
    /// on and the waiting call is offered within seconds; on SQLite, whose one writer the lock
    /// guards, routing waits for the stuck step and resumes once it ends.
    @Test func aStuckRoutingStepDoesNotStopRoutingOnPostgreSQL() async throws {
        try await withTestApp { app in
            let postgres = app.clusterLink != nil
            var linkTask: Task<Void, Never>?
            if let link = app.clusterLink {
                linkTask = Task { await link.run(eventLoop: app.eventLoopGroup.any(), logger: app.logger) }
                #expect(try await eventually { link.isLeader }, "this process leads")
            }
            defer { linkTask?.cancel() }
            _ = try await DesktopTests.consultant(app, "k1@example.org")
            let stuck = Latch()
            let holder = Task { try await RoutingService.gate.run { await stuck.wait() } }
            try await Task.sleep(for: .milliseconds(100))
            let call = try await DesktopTests.call(app)
            let job = RoutingService.job
            try await job.didBootAsync(app)
            func offered() async throws -> Bool { try await ContactCenterStore(db: app.db).find(call.id)?.interaction.state == .offered }
            if postgres {
                #expect(try await eventually { try await offered() }, "offered although the step before never ended")
            } else {
                try await Task.sleep(for: RoutingService.stepDeadline + .seconds(1))
                #expect(try await !offered(), "SQLite's one writer: no step beside the stuck one")
            }
            stuck.open()
            try await holder.value
            #expect(try await eventually { try await offered() })
            await job.shutdownAsync(app)
        }
    }
}
