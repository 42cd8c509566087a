import Vapor
import Views
import Clients

/// Webhook latency under load: `calls` callers at once walk the standard flow against a running
/// server exactly as the carrier would call it (signed requests): the incoming call, four keyed
/// steps (English, postal code, 15-371, benefits) into the queue, a wait answer, leaving the
/// queue and the final status. Each request is timed from send to the whole answer.
struct VoiceBenchmark: Sendable {
    let client: any Vapor.Client
    let server: String
    let token: String
    /// Pause between a caller's requests (a person pressing keys); 0: the next at once.
    var thinkMilliseconds: ClosedRange<Int> = 0...0

    /// Latencies in milliseconds per webhook ("incoming", "step", "wait", "queued", "status").
    func run(calls: Int) async throws -> [String: [Double]] {
        try await withThrowingTaskGroup(of: [(String, Double)].self) { group in
            for n in 0..<calls {
                group.addTask { try await self.caller(n) }
            }
            var all: [String: [Double]] = [:]
            for try await times in group { for (name, ms) in times { all[name, default: []].append(ms) } }
            return all
        }
    }

    func caller(_ n: Int) async throws -> [(String, Double)] {
        let phone = PhoneSimulator(client: client, server: server, publicURL: server, token: token, from: "+4860\(String(format: "%07d", 1_000_000 + n))") { _ in }
        var times: [(String, Double)] = []
        func timed(_ name: String, _ url: String, _ params: [String: String]) async throws -> [TwiMLElement] {
            if thinkMilliseconds.upperBound > 0 { try await Task.sleep(for: .milliseconds(Int.random(in: thinkMilliseconds))) }
            let start = ContinuousClock.now
            let verbs = try await phone.post(url, params, parse: name != "status")
            times.append((name, BenchCommand.milliseconds(ContinuousClock.now - start)))
            return verbs
        }
        var verbs = try await timed("incoming", server + SiteRoute.voiceIncoming.path, [:])
        for keys in ["2", "2", "15371", "2"] {
            guard let action = verbs.first(where: { $0.name == "Gather" })?.attributes["action"] else {
                throw PhoneSimulator.Failure(description: "call \(n): no question where one was expected")
            }
            verbs = try await timed("step", action, ["Digits": keys])
        }
        guard let queue = verbs.first(where: { $0.name == "Enqueue" }), let wait = queue.attributes["waitUrl"], let action = queue.attributes["action"] else {
            throw PhoneSimulator.Failure(description: "call \(n): not put in a queue")
        }
        _ = try await timed("wait", wait, ["QueueTime": "0"])
        _ = try await timed("queued", action, ["QueueResult": "hangup", "QueueTime": "1"])
        _ = try await timed("status", server + SiteRoute.voiceStatus.path, ["CallStatus": "completed"])
        return times
    }
}
