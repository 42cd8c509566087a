import Vapor
import Clients

/// The carrier's REST API, for the calls the system places itself (Twilio's resources and
/// form parameters, HTTP Basic with the account SID and auth token): calling a consultant or a
/// supervisor into a conference, moving a call to new instructions, fetching and deleting a
/// recording.
struct CarrierAPI: Sendable {
    let client: any Vapor.Client
    let baseURL: String
    let accountSID: String
    let token: String

    struct Failure: Error, CustomStringConvertible {
        let status: UInt
        let description: String
    }

    init?(_ config: VoiceConfiguration, client: any Vapor.Client) {
        guard let base = config.apiURL, let sid = config.accountSID, let token = config.authToken else { return nil }
        self.client = client; baseURL = base; accountSID = sid; self.token = token
    }

    var accountURL: String { "\(baseURL)/2010-04-01/Accounts/\(accountSID)" }

    var authorization: BasicAuthorization { BasicAuthorization(username: accountSID, password: token) }

    /// Places a call to `to` that runs the TwiML at `url` once answered; its SID.
    func call(to: String, from: String, url: String, statusCallback: String) async throws -> String {
        let response = try await post(accountURL + "/Calls.json", ["To": to, "From": from, "Url": url, "Method": "POST", "StatusCallback": statusCallback,
                                                                    "StatusCallbackMethod": "POST", "StatusCallbackEvent": "answered completed"])
        struct Created: Decodable { let sid: String }
        return try JSONDecoder().decode(Created.self, from: response.body ?? ByteBuffer()).sid
    }

    /// Places a call that says `twiml` (given inline, so nothing it says passes through a URL);
    /// its SID.
    func call(to: String, from: String, twiml: String) async throws -> String {
        let response = try await post(accountURL + "/Calls.json", ["To": to, "From": from, "Twiml": twiml])
        struct Created: Decodable { let sid: String }
        return try JSONDecoder().decode(Created.self, from: response.body ?? ByteBuffer()).sid
    }

    /// Gives a call in progress new instructions (the TwiML at `url`).
    func redirect(_ callSid: String, to url: String) async throws {
        _ = try await post(accountURL + "/Calls/\(callSid).json", ["Url": url, "Method": "POST"])
    }

    /// The recording's audio (MP3), as the carrier keeps it.
    func recording(_ recordingURL: String) async throws -> ClientResponse {
        let response = try await client.get(URI(string: recordingURL + ".mp3")) { req in req.headers.basicAuthorization = authorization }
        guard response.status == .ok else { throw Failure(status: response.status.code, description: "recording: \(response.status.code)") }
        return response
    }

    func deleteRecording(_ recordingSid: String) async throws {
        let response = try await client.delete(URI(string: accountURL + "/Recordings/\(recordingSid).json")) { req in req.headers.basicAuthorization = authorization }
        guard response.status == .noContent || response.status == .ok || response.status == .notFound else {
            throw Failure(status: response.status.code, description: "delete recording: \(response.status.code)")
        }
    }

    func post(_ url: String, _ params: [String: String]) async throws -> ClientResponse {
        let body = params.sorted { $0.key < $1.key }.map { "\($0.key)=\(CarrierSignature.encode($0.value))" }.joined(separator: "&")
        let response = try await client.post(URI(string: url)) { req in
            req.headers.basicAuthorization = authorization
            req.headers.contentType = .urlEncodedForm
            req.body = ByteBuffer(string: body)
        }
        guard (200..<300).contains(response.status.code) else {
            throw Failure(status: response.status.code, description: "\(url): \(response.status.code)")
        }
        return response
    }
}
