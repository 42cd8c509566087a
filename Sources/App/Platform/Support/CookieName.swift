/// The cookies the system sets, named once: middleware, controllers and the page context read
/// them by these names.
enum CookieName {
    /// The signed-in session (HttpOnly, SameSite=Lax, Secure behind https).
    static let session = "zl_session"
    /// The double-submit CSRF token.
    static let csrf = "zl_csrf"
    /// The visitor's open chat (its token; the chat box is shown on every page while it is set).
    static let chat = "zl_chat"
}
