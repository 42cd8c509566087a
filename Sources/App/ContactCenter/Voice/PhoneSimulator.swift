import Vapor
import Views
import Clients

/// A caller and their carrier, for demos and tests: starts a call on a running server's
/// webhooks, signs every request as the carrier does, runs the TwiML answers (prints what the
/// caller hears, presses the given keys at each question, waits in the queue asking the wait
/// URL, "talks" to the consultant it is put through to) and reports the end of the call.
struct PhoneSimulator {
    let client: any Vapor.Client
    /// Where the carrier sends its first request, e.g. http://127.0.0.1:8080.
    let server: String
    /// The server's own idea of its address (its `PUBLIC_URL`): the carrier signs every request
    /// over this address, which may differ from `server` (a proxy, another port, a tunnel).
    var publicURL: String
    let token: String
    let from: String
    var to = "+4819524"
    let callSid = "CA" + (0..<32).map { _ in String("0123456789abcdef".randomElement()!) }.joined()
    /// Longest wait in a queue before the caller gives up.
    var maximumWait: TimeInterval = 600
    /// How long the conversation with the consultant lasts.
    var talkSeconds: Double = 0
    let say: @Sendable (String) -> Void

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    enum End: Equatable { case hungUp, talked(String), gaveUp }

    /// Runs the call with `keys`: one group of digits per question, in order; questions after
    /// the last group get no keys (they time out).
    func run(keys: [String]) async throws -> End {
        var keys = keys[...]
        var verbs = try await post(server + SiteRoute.voiceIncoming.path, [:])
        var queueStarted: Date? = nil
        var end: End = .hungUp
        loop: while !verbs.isEmpty {
            let verb = verbs.removeFirst()
            switch verb.name {
            case "Say": say("🔊 [\(verb.attributes["language"] ?? "?")] \(verb.text)")
            case "Play": say("🎵 \(verb.text)")
            case "Pause": try await Task.sleep(for: .seconds(Double(verb.attributes["length"] ?? "1") ?? 1))
            case "Gather":
                for prompt in verb.children where prompt.name == "Say" { say("🔊 [\(prompt.attributes["language"] ?? "?")] \(prompt.text)") }
                guard let pressed = keys.popFirst(), let action = verb.attributes["action"] else {
                    say("⌛ (no keys)")
                    continue
                }
                say("☎ \(pressed)")
                verbs = try await post(action, ["Digits": pressed])
            case "Redirect":
                verbs = try await post(verb.text, [:])
            case "Enqueue":
                guard let wait = verb.attributes["waitUrl"], let action = verb.attributes["action"] else { throw Failure(description: "Enqueue without waitUrl/action") }
                say("⏳ waiting in \(verb.text)")
                let started = queueStarted ?? Date()
                queueStarted = started
                let result = try await waitInQueue(wait, since: started)
                verbs = try await post(action, ["QueueResult": result, "QueueTime": String(Int(Date().timeIntervalSince(started)))])
                if result == "hangup" { end = .gaveUp; break loop }
            case "Dial":
                let target = verb.children.first.map { "\($0.name) \($0.text)" } ?? verb.text
                say("📞 put through to \(target)")
                if talkSeconds > 0 { try await Task.sleep(for: .seconds(talkSeconds)) }
                end = .talked(target)
                if let callback = verb.attributes["recordingStatusCallback"] {
                    _ = try await post(callback, ["RecordingSid": "RE" + callSid.dropFirst(2), "RecordingUrl": "https://recordings.invalid/RE\(callSid.dropFirst(2))",
                                                  "RecordingStatus": "completed", "RecordingDuration": String(max(1, Int(talkSeconds)))])
                }
                guard let action = verb.attributes["action"] else { break loop }
                verbs = try await post(action, ["DialCallStatus": "completed", "DialCallDuration": String(Int(talkSeconds))])
            case "Record":
                say("⏺ recording a message")
                if let callback = verb.attributes["recordingStatusCallback"] {
                    _ = try await post(callback, ["RecordingSid": "RE" + callSid.dropFirst(2), "RecordingUrl": "https://recordings.invalid/RE\(callSid.dropFirst(2))",
                                                  "RecordingStatus": "completed", "RecordingDuration": "5"])
                }
                guard let action = verb.attributes["action"] else { break loop }
                verbs = try await post(action, ["RecordingUrl": "https://recordings.invalid/RE\(callSid.dropFirst(2))", "RecordingDuration": "5"])
            case "Hangup":
                break loop
            default:
                throw Failure(description: "unexpected verb <\(verb.name)>")
            }
        }
        say("✆ hung up")
        _ = try await post(server + SiteRoute.voiceStatus.path, ["CallStatus": "completed"], parse: false)
        return end
    }

    /// Asks the wait URL until its answer leaves the queue; "leave", or "hangup" after `maximumWait`.
    func waitInQueue(_ url: String, since started: Date) async throws -> String {
        while Date().timeIntervalSince(started) < maximumWait {
            // What a waiting caller may press comes as a Gather around the announcement and the
            // pause: this caller presses nothing and hears what is inside.
            let answer = try await post(url, ["QueueTime": String(Int(Date().timeIntervalSince(started)))])
            for verb in answer.flatMap({ $0.name == "Gather" ? $0.children : [$0] }) {
                switch verb.name {
                case "Say": say("🔊 [\(verb.attributes["language"] ?? "?")] \(verb.text)")
                case "Play": say("🎵 \(verb.text)")
                case "Pause": try await Task.sleep(for: .seconds(Double(verb.attributes["length"] ?? "1") ?? 1))
                case "Leave": return "leave"
                case "Hangup": return "hangup"
                default: break
                }
            }
        }
        say("⌛ gave up waiting")
        return "hangup"
    }

    /// One signed request as the carrier makes it; the TwiML verbs of the answer.
    func post(_ url: String, _ extra: [String: String], parse: Bool = true) async throws -> [TwiMLElement] {
        // The answers name the server's public address; the request goes to `server`, signed over the public one.
        let path = url.hasPrefix(publicURL) ? String(url.dropFirst(publicURL.count)) : url.hasPrefix(server) ? String(url.dropFirst(server.count)) : nil
        let (sendTo, signed) = path.map { (server + $0, publicURL + $0) } ?? (url, url)
        var params = ["CallSid": callSid, "AccountSid": "AC" + String(repeating: "0", count: 32), "From": from, "To": to,
                      "CallStatus": "in-progress", "Direction": "inbound", "ApiVersion": "2010-04-01"]
        params.merge(extra) { $1 }
        let signature = CarrierSignature.sign(url: signed, parameters: params, token: token)
        let body = params.sorted { $0.key < $1.key }
            .map { "\(CarrierSignature.encode($0.key))=\(CarrierSignature.encode($0.value))" }.joined(separator: "&")
        let response = try await client.post(URI(string: sendTo)) { req in
            req.headers.contentType = .urlEncodedForm
            req.headers.replaceOrAdd(name: CarrierSignature.header, value: signature)
            req.body = ByteBuffer(string: body)
        }
        let text = response.body.map { String(buffer: $0) } ?? ""
        if response.status == .forbidden {
            throw Failure(description: "the server refused the carrier's signature (403): it checks signatures over its PUBLIC_URL with its VOICE_AUTH_TOKEN; "
                          + "this call signed over \(publicURL) — give the server's PUBLIC_URL with --public-url, and its token in VOICE_AUTH_TOKEN")
        }
        guard response.status == .ok else { throw Failure(description: "\(sendTo): \(response.status.code) \(text.prefix(300))") }
        return parse ? try TwiMLElement.verbs(of: text) : []
    }
}
