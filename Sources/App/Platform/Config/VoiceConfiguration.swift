import Foundation

/// How the system speaks to the voice carrier (TwiML webhooks).
public struct VoiceConfiguration: Sendable, Equatable {
    /// The carrier account's auth token: the key of `X-Twilio-Signature`. nil: voice webhooks
    /// answer 503 (production without it configured).
    public var authToken: String?
    /// Where an accepted call is put through to: `client:NAME`, `sip:URI` or a `+48…` number;
    /// `{agent}` becomes the consultant's id.
    public var agentEndpoint: String = "client:agent-{agent}"
    /// How often a waiting caller hears their place in the queue.
    public var announceSeconds: Int = 30
    /// How long each wait answer pauses before the carrier asks again (how fast an accepted call leaves the queue).
    public var pollSeconds: Int = 5
    /// Recordings of calls with a consultant (none when 0 days) are kept this long.
    public var recordingDays: Int = 90
    /// The number callers see when a call is transferred on.
    public var callerID: String? = nil
    /// The carrier's REST API (Twilio's layout: …/2010-04-01/Accounts/{sid}/Calls.json) and the
    /// account: with both, calls are put through in a conference (the consultant's phone called
    /// into it), where supervisors can listen or coach; without, a plain Dial to the consultant.
    public var apiURL: String? = nil
    public var accountSID: String? = nil
    /// The number the system's own calls come from (to consultants and supervisors).
    public var fromNumber: String = "+4819524"

    public var usesConference: Bool { apiURL != nil && accountSID != nil && authToken != nil }

    /// The token development uses when none is set, so `zielona serve` and `zielona call` work out of the box.
    public static let developmentToken = "zielona-development-voice-token"

    public static let variables: [(name: String, defaultValue: String, meaning: String)] = [
        ("VOICE_AUTH_TOKEN", "(development: \(developmentToken); production: none, voice webhooks off)", "the carrier account's auth token; signs /voice/* requests (X-Twilio-Signature)"),
        ("VOICE_AGENT_ENDPOINT", "client:agent-{agent}", "where accepted calls are put through: client:NAME, sip:URI or a +48 number; {agent} is the consultant's id"),
        ("VOICE_ANNOUNCE_SECONDS", "30", "how often waiting callers hear their place in the queue"),
        ("VOICE_POLL_SECONDS", "5", "pause of each queue-wait answer (how soon an accepted call is put through)"),
        ("VOICE_RECORDING_DAYS", "90", "how long recordings of calls are kept; 0 records nothing"),
        ("VOICE_CALLER_ID", "(the caller's own number)", "number shown when a call is transferred to a number"),
        ("VOICE_API_URL, VOICE_ACCOUNT_SID", "(none: accepted calls are dialled straight to the consultant)",
         "the carrier's REST API (e.g. https://api.twilio.com) and account: calls go through a conference that supervisors can join"),
        ("VOICE_FROM_NUMBER", "+4819524", "the number the system's own calls to consultants and supervisors come from"),
    ]

    static func fromEnvironment(_ env: [String: String], production: Bool) throws -> VoiceConfiguration {
        var v = VoiceConfiguration()
        v.authToken = env["VOICE_AUTH_TOKEN"].flatMap { $0.isEmpty ? nil : $0 } ?? (production ? nil : developmentToken)
        if let e = env["VOICE_AGENT_ENDPOINT"], !e.isEmpty {
            guard e.hasPrefix("client:") || e.hasPrefix("sip:") || e.hasPrefix("+") else {
                throw ConfigError.invalid("VOICE_AGENT_ENDPOINT", "client:NAME, sip:URI or a +48… number")
            }
            v.agentEndpoint = e
        }
        func seconds(_ name: String, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let n = Int(env[name] ?? String(fallback)), range.contains(n) else {
                throw ConfigError.invalid(name, "a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return n
        }
        v.announceSeconds = try seconds("VOICE_ANNOUNCE_SECONDS", 30, 5...600)
        v.pollSeconds = try seconds("VOICE_POLL_SECONDS", 5, 1...60)
        v.recordingDays = try seconds("VOICE_RECORDING_DAYS", 90, 0...3650)
        v.callerID = env["VOICE_CALLER_ID"].flatMap { $0.isEmpty ? nil : $0 }
        if let api = env["VOICE_API_URL"], !api.isEmpty {
            guard api.hasPrefix("https://") || api.hasPrefix("http://") else { throw ConfigError.invalid("VOICE_API_URL", "an http(s):// address") }
            guard let sid = env["VOICE_ACCOUNT_SID"], !sid.isEmpty else { throw ConfigError.invalid("VOICE_ACCOUNT_SID", "needed with VOICE_API_URL") }
            v.apiURL = api.hasSuffix("/") ? String(api.dropLast()) : api
            v.accountSID = sid
        }
        v.fromNumber = env["VOICE_FROM_NUMBER"].flatMap { $0.isEmpty ? nil : $0 } ?? "+4819524"
        return v
    }
}
