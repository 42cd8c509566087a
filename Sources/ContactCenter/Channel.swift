/// How a contact reached the centre. Every channel becomes the same kind of interaction.
public enum Channel: String, Sendable, CaseIterable, Codable {
    case voice, chat, email
    case webForm = "web_form"
    case callback, sms, video
    /// A client at the office's desk: logged by the consultant afterwards, never routed.
    case visit

    /// Every channel the router queues (all but visits).
    public static let routed: [Channel] = allCases.filter { $0 != .visit }

    /// The client waits on the line (a call, a chat, a video call): answered first come,
    /// first served by consultants logged in, and planned for by Erlang C.
    public var isLive: Bool { self == .voice || self == .chat || self == .video }
}
