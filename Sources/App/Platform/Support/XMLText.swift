import Views

/// Text inside XML documents this system writes (HR-XML exports, TwiML answers): the same
/// escaping as every page, so there is one rule for markup.
enum XMLText {
    static func escape(_ s: String) -> String { Markup.escape(s) }
}
