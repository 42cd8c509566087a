/// A consent a form asks for: the catalogue key of its text and the version that text is.
public struct ConsentPrompt: Sendable, Equatable {
    public let key: String
    public let version: Int
    public init(key: String, version: Int) { self.key = key; self.version = version }
}
