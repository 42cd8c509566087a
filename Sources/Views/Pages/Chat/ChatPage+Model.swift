/// The portal's chat page: the form that starts a chat, or the chat in progress, or its end
/// (rating, transcript by e-mail, a new chat).
public enum ChatPage {
    public struct Model: Sendable {
        public var form = FormState()
        public var notice: String? = nil
        /// nil: no chat yet, the start form is shown.
        public var conversation: ChatConversation? = nil
        public var caseNumber = ""
        /// Where the transcript goes unless the visitor types another address.
        public var email = ""
        public var rated = false
        public var powiats: [(value: String, label: String)] = []
        public var topics: [(value: String, label: String)] = []
        public var languages: [(value: String, label: String)] = []
        public init() {}
    }
}
