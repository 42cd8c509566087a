import Foundation

/// Where a deployment sends SMS: its Kannel smsbox and the sender shown to recipients.
public struct SMSGatewayConfiguration: Sendable, Equatable {
    public var url: String
    public var username: String
    public var password: String
    public var sender: String

    public init(url: String, username: String, password: String, sender: String) {
        self.url = url; self.username = username; self.password = password; self.sender = sender
    }
}
