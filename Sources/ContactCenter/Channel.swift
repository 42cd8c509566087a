/// How a contact reached the centre. Every channel becomes the same kind of interaction.
public enum Channel: String, Sendable, CaseIterable, Codable {
    case voice, chat, email
    case webForm = "web_form"
    case callback, sms, video
    /// A client at the office's desk: logged by the consultant afterwards, never routed.
    case visit
}
