import Foundation

/// The tokens of an offer for the full-text index (made by `TextSearch.Analyzer`).
public struct SearchTokens: Sendable, Equatable {
    public let title: String
    public let body: String
    public init(title: String, body: String) { self.title = title; self.body = body }
}
