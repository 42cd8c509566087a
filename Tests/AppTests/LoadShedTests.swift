import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App

/// Past its limit of requests in the works a process answers 503 at once, in the visitor's
/// language, instead of queueing until the request times out; calls, desktops and the health
/// check have twice the room; once the work in hand is done everything is served again.
@Suite struct LoadShedTests {
    @Test func pastItsLimitTheServerAnswers503AtOnceAndKeepsRoomForCallsAndDesktops() async throws {
        try await withTestApp(adjust: { $0.maxRequestsInFlight = 2 }) { app in
            let shed = try #require(app.loadShed)
            let latch = Latch()
            app.get("hold") { _ async -> String in await latch.wait(); return "done" }
            app.get("desktop", "hold") { _ async -> String in await latch.wait(); return "done" }
            func hold(_ path: String) -> Task<HTTPStatus, any Error> {
                Task {
                    var status = HTTPStatus.internalServerError
                    try await app.testing().test(.GET, path) { res in status = res.status }
                    return status
                }
            }
            var held = [hold("/hold"), hold("/hold")]
            #expect(try await eventually { shed.inFlight == 2 })

            let start = ContinuousClock.now
            try await app.testing().test(.GET, "/?lang=pl") { res in
                #expect(res.status == .serviceUnavailable && res.headers.first(name: .retryAfter) == "5")
                #expect(res.body.string.contains("Serwer jest teraz zbyt obciążony"))
            }
            #expect(ContinuousClock.now - start < .seconds(2), "answered at once, not after a wait")
            try await app.testing().test(.GET, "/api/v1/offers", headers: ["Accept-Language": "uk"]) { res in
                #expect(res.status == .serviceUnavailable)
                let body = try #require(try res.json() as? [String: Any])
                #expect(body["title"] as? String == "Сервер перевантажений")
            }
            // A caller on the line, a consultant and the balancer's health check still get through.
            try await app.testing().test(.GET, "/healthz") { res in #expect(res.status == .ok) }
            try await app.testing().test(.GET, "/desktop") { res in #expect(res.status != .serviceUnavailable) }
            try await app.testing().test(.POST, "/voice/incoming") { res in #expect(res.status != .serviceUnavailable) }
            // Their room is bounded too.
            held += [hold("/desktop/hold"), hold("/desktop/hold")]
            #expect(try await eventually { shed.inFlight == 4 })
            try await app.testing().test(.GET, "/healthz") { res in #expect(res.status == .serviceUnavailable) }
            #expect(shed.shedCount == 3)

            latch.open()
            for task in held { #expect(try await task.value == .ok, "the work in hand was finished, not cut") }
            #expect(shed.inFlight == 0)
            try await app.testing().test(.GET, "/?lang=pl") { res in #expect(res.status == .ok) }
        }
    }

    @Test func theLimitIsSetWithMaxRequestsInFlight() throws {
        #expect(try AppConfig.fromEnvironment([:]).maxRequestsInFlight == 256)
        #expect(try AppConfig.fromEnvironment(["MAX_REQUESTS_IN_FLIGHT": "64"]).maxRequestsInFlight == 64)
        for bad in ["0", "-5", "many", "100001"] {
            do {
                _ = try AppConfig.fromEnvironment(["MAX_REQUESTS_IN_FLIGHT": bad])
                Issue.record("\(bad) accepted")
            } catch let error as ConfigError {
                #expect(error.description.contains("MAX_REQUESTS_IN_FLIGHT"))
            }
        }
    }
}
