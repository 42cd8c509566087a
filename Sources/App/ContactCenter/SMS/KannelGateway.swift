import Vapor
import Views
import Storage
import Clients

/// The SMS gateway as an office's IT runs it: Kannel (bearerbox + smsbox, in front of the
/// operator's SMPP link). A message goes out through smsbox's `sendsms` HTTP interface, in
/// UCS-2 so Polish letters arrive; Kannel reports delivery by calling the message's own
/// `dlr-url` (signed, so nobody else can mark messages delivered).
struct KannelGateway: Sendable {
    let configuration: SMSGatewayConfiguration
    let client: any Vapor.Client
    /// Base of the delivery-report address (PUBLIC_URL).
    let publicURL: String
    let key: SymmetricKey

    enum Failure: Error, Equatable {
        /// The gateway refused the message itself (bad number, bad text): trying again will not help.
        case refused(String)
        /// The gateway is unreachable or busy: try later.
        case unavailable(String)
    }

    func deliveryReportURL(_ id: UUID) -> String {
        // Kannel puts the report's status where %d stands.
        publicURL + SignedLink.smsDeliveryReport(key).path(id) + "&status=%d"
    }

    func send(_ m: SMSMessage) async throws {
        var components = URLComponents(string: configuration.url)
        components?.queryItems = [
            URLQueryItem(name: "username", value: configuration.username), URLQueryItem(name: "password", value: configuration.password),
            URLQueryItem(name: "from", value: configuration.sender), URLQueryItem(name: "to", value: m.phone),
            URLQueryItem(name: "text", value: m.body), URLQueryItem(name: "charset", value: "UTF-8"), URLQueryItem(name: "coding", value: "2"),
            URLQueryItem(name: "dlr-mask", value: "3"), URLQueryItem(name: "dlr-url", value: deliveryReportURL(m.id)),
        ]
        // "+" would be read as a space in a query: encode it.
        let query = components?.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        components?.percentEncodedQuery = query
        guard let url = components?.string else { throw Failure.refused("bad gateway address") }
        let response: ClientResponse
        do { response = try await client.get(URI(string: url)) } catch { throw Failure.unavailable(String(reflecting: type(of: error))) }
        let body = response.body.map { String(buffer: $0) } ?? ""
        switch response.status.code {
        case 200...299: return
        case 400...499: throw Failure.refused("\(response.status.code) \(body.prefix(100))")
        default: throw Failure.unavailable("\(response.status.code) \(body.prefix(100))")
        }
    }
}
