/// The pages of Moja Praca as an app: what shows when the device is offline, and the choice of
/// what the seeker's devices are told by push notification.
public enum AppPages {
    public struct NotificationsModel: Sendable {
        /// Each kind with its label and whether the account opted in.
        public let kinds: [(value: String, label: String, on: Bool)]
        public let devices: Int
        /// The server's public key (VAPID), base64url, for the browser's subscription.
        public let key: String
        public var notice: String? = nil
        public init(kinds: [(value: String, label: String, on: Bool)], devices: Int, key: String) {
            self.kinds = kinds; self.devices = devices; self.key = key
        }
    }
}
